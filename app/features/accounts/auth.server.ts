import { newToken } from "~/utils/tokens.server";
import { redirect } from "@remix-run/node";
import type { DbClient } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { forbidden, tooManyRequests } from "~/utils/http.server";
import { hashPassword, timingDummyHash, verifyPassword } from "~/utils/password.server";
import { can, type Permission, type Role } from "~/shared/permissions";
import { remember } from "~/utils/remember.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "~/utils/session.server";
import { secondsToWait, THROTTLE_WINDOW_SECONDS } from "./sign-in-throttle";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
}

const userFields = { id: true, email: true, name: true, role: true, locale: true } as const;

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  return oncePerRequest(`user:${sessionId}`, () =>
    db().user.findFirst({
      where: { disabledAt: null, sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } } } },
      select: userFields,
    }),
  );
}

// Users are never deleted, so once one exists the answer stays "yes": remembering it per
// process saves a count on every anonymous request without holding real state in memory.
export async function hasAnyUser(): Promise<boolean> {
  const known = remember("hasAnyUser", () => ({ value: false }));
  if (known.value) return true;
  known.value = (await db().user.count()) > 0;
  return known.value;
}

export function markHasUser() {
  remember("hasAnyUser", () => ({ value: true })).value = true;
}

function currentPath(request: Request) {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (user) return user;
  if (!(await hasAnyUser())) throw redirect("/setup");
  const params = new URLSearchParams({ redirectTo: currentPath(request) });
  throw redirect(`/login?${params}`);
}

/** Authentication and role, checked on the server; a missing permission is a 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/**
 * The role check for a user already signed in. Actions whose permission depends on the posted
 * intent sign the user in first (requireUser), read the body, then check the role with this.
 */
export function requireCan(user: CurrentUser, permission: Permission): CurrentUser {
  if (!can(user.role, permission)) forbidden();
  return user;
}

export async function createSession(tx: DbClient, userId: string, meta: { ipAddress: string; userAgent: string | null }) {
  const session = await tx.session.create({
    data: {
      id: newToken(),
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    },
  });
  await recordAudit(tx, {
    actorId: userId,
    action: "session.create",
    entityType: "Session",
    entityId: session.id.slice(0, 8),
    after: { userId, ipAddress: meta.ipAddress, expiresAt: session.expiresAt },
  });
  return session;
}

/** Signs the browser in with a session created by login, set-up or an accepted invitation. */
export async function redirectSignedIn(sessionId: string, to: string) {
  return redirect(to, { headers: { "Set-Cookie": await sessionCookie().serialize(sessionId) } });
}

/** Refuses an attempt that comes before its backoff is over (see domain/sign-in-throttle). */
async function throttleLogin(email: string, ipAddress: string) {
  const now = new Date();
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000);
  const lastSuccess = await db().loginAttempt.findFirst({
    where: { email, ipAddress, succeeded: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const count = async (where: { email?: string; ipAddress: string }, since: Date) => {
    const failed = await db().loginAttempt.aggregate({
      where: { ...where, succeeded: false, createdAt: { gt: since } },
      _count: { _all: true },
      _max: { createdAt: true },
    });
    return { failures: failed._count._all, lastFailureAt: failed._max.createdAt };
  };
  const [accountAtAddress, address] = await Promise.all([
    count({ email, ipAddress }, lastSuccess?.createdAt ?? windowStart),
    count({ ipAddress }, windowStart),
  ]);
  const wait = secondsToWait(accountAtAddress, address, now);
  if (wait > 0) tooManyRequests(wait);
}

/**
 * Checks a signed-in user's current password before a sensitive change. Failures count
 * towards the same limit as sign-in, so a stolen session cannot guess the password freely.
 */
export async function verifyCurrentPassword(userId: string, password: string, ipAddress: string): Promise<boolean> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, password: { select: { hash: true } } },
  });
  await throttleLogin(user.email, ipAddress);
  const ok = Boolean(user.password) && (await verifyPassword(user.password!.hash, password));
  if (!ok) await db().loginAttempt.create({ data: { email: user.email, ipAddress, succeeded: false } });
  return ok;
}

/**
 * Returns the new session id, or null for any failure (unknown email, wrong password,
 * disabled account): the caller shows one message whatever the reason.
 */
export async function login(input: {
  email: string;
  password: string;
  ipAddress: string;
  userAgent: string | null;
}): Promise<string | null> {
  const email = normaliseEmail(input.email);
  await throttleLogin(email, input.ipAddress);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, password: { select: { hash: true } } },
  });
  const passwordOk = await verifyPassword(user?.password?.hash ?? (await timingDummyHash()), input.password);
  const succeeded = Boolean(user?.password && passwordOk && !user.disabledAt);
  return db().$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ipAddress: input.ipAddress, succeeded } });
    // Attempts only matter for the last minute; a day is kept for investigation.
    await tx.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } } });
    if (!succeeded || !user) return null;
    const session = await createSession(tx, user.id, input);
    return session.id;
  });
}

export async function logout(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) {
    await db().$transaction(async (tx) => {
      const revoked = await tx.session.updateMany({
        where: { id: sessionId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const session = await tx.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
      if (revoked.count > 0 && session) {
        await recordAudit(tx, {
          actorId: session.userId,
          action: "session.revoke",
          entityType: "Session",
          entityId: sessionId.slice(0, 8),
          after: { reason: "logout" },
        });
      }
    });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

export { hashPassword };
