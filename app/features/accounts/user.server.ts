import { hashToken, newToken } from "~/utils/tokens.server";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/utils/audit.server";
import { createSession, hashPassword, markHasUser, normaliseEmail } from "./auth.server";
import { db } from "~/utils/db.server";
import type { Role } from "~/shared/permissions";

export const INVITATION_TTL_DAYS = 7;
const publicUser = { id: true, email: true, name: true, role: true, locale: true, disabledAt: true, createdAt: true } as const;

/** A business rule broken by the request; the action turns it into a form error with a 4xx. */
export class UserRuleError extends Error {
  constructor(
    public readonly field: "email" | "role" | "form",
    public readonly messageKey: string,
  ) {
    super(messageKey);
  }
}

export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const FIRST_ADMIN_LOCK = 7_201_001;

/** Creates the first admin and signs them in; refused once any user exists. */
export async function createFirstAdmin(
  input: { name: string; email: string; password: string; locale: string | null },
  meta: { ipAddress: string; userAgent: string | null },
) {
  const hash = await hashPassword(input.password);
  const sessionId = await db().$transaction(async (tx) => {
    // Two set-up forms submitted at once must not both create an admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    if ((await tx.user.count()) > 0) throw new UserRuleError("form", "setup.alreadyDone");
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: normaliseEmail(input.email),
        role: "admin",
        locale: input.locale,
        password: { create: { hash } },
      },
      select: publicUser,
    });
    await recordAudit(tx, { actorId: user.id, action: "user.create", entityType: "User", entityId: user.id, after: user });
    return (await createSession(tx, user.id, meta)).id;
  });
  markHasUser();
  return sessionId;
}

export async function createUser(actorId: string, input: { name: string; email: string; role: Role; password: string }) {
  const hash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: normaliseEmail(input.email), role: input.role, password: { create: { hash } } },
        select: publicUser,
      });
      await recordAudit(tx, { actorId, action: "user.create", entityType: "User", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserRuleError("email", "users.emailTaken");
    throw error;
  }
}

/** Returns the one-time token for the invitation link; only its hash is stored. */
export async function inviteUser(actorId: string, input: { name: string; email: string; role: Role }) {
  const email = normaliseEmail(input.email);
  const token = newToken();
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new UserRuleError("email", "users.emailTaken");
    }
    const invitation = await tx.invitation.create({
      data: {
        name: input.name,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
        createdById: actorId,
      },
      select: { id: true, name: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, { actorId, action: "invitation.create", entityType: "Invitation", entityId: invitation.id, after: invitation });
    return { invitation, token };
  });
}

export async function findOpenInvitation(token: string) {
  return db().invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, name: true, email: true, role: true, expiresAt: true },
  });
}

export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  meta: { ipAddress: string; userAgent: string | null },
) {
  const hash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const invitation = await tx.invitation.findFirst({
        where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      });
      if (!invitation) throw new UserRuleError("form", "invite.invalid");
      const user = await tx.user.create({
        data: { name: input.name, email: invitation.email, role: invitation.role, password: { create: { hash } } },
        select: publicUser,
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedUserId: user.id } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "invitation.accept",
        entityType: "Invitation",
        entityId: invitation.id,
        after: { userId: user.id },
      });
      await recordAudit(tx, { actorId: user.id, action: "user.create", entityType: "User", entityId: user.id, after: user });
      return (await createSession(tx, user.id, meta)).id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserRuleError("email", "users.emailTaken");
    throw error;
  }
}

export async function revokeInvitation(actorId: string, invitationId: string) {
  return db().$transaction(async (tx) => {
    const result = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) return false;
    await recordAudit(tx, { actorId, action: "invitation.revoke", entityType: "Invitation", entityId: invitationId });
    return true;
  });
}

export const USERS_PAGE_SIZE = 25;

export async function listUsers(page: number) {
  const [users, total, invitations] = await Promise.all([
    db().user.findMany({
      select: publicUser,
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
    db().user.count(),
    db().invitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, name: true, email: true, role: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return { users, total, invitations };
}

export function getUser(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: publicUser });
}

/** Role and enabled state; an admin cannot demote or disable themself (no lock-out). */
export async function updateUserAccess(actorId: string, userId: string, change: { role: Role; disabled: boolean }) {
  if (actorId === userId && (change.role !== "admin" || change.disabled)) {
    throw new UserRuleError("role", "users.cannotLockOutSelf");
  }
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: publicUser });
    if (!before) return null;
    const disabledAt = change.disabled ? (before.disabledAt ?? new Date()) : null;
    const after = await tx.user.update({ where: { id: userId }, data: { role: change.role, disabledAt }, select: publicUser });
    if (change.disabled && !before.disabledAt) {
      // A disabled user is signed out everywhere at once.
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await recordAudit(tx, { actorId, action: "user.update", entityType: "User", entityId: userId, before, after });
    return after;
  });
}

export async function updateProfile(userId: string, change: { name: string; locale: string | null }) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: publicUser });
    const after = await tx.user.update({ where: { id: userId }, data: change, select: publicUser });
    await recordAudit(tx, { actorId: userId, action: "user.update", entityType: "User", entityId: userId, before, after });
    return after;
  });
}

export async function setUserLocale(userId: string, locale: string) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
    if (before.locale === locale) return;
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await recordAudit(tx, { actorId: userId, action: "user.update", entityType: "User", entityId: userId, before, after: { locale } });
  });
}

export function listActiveSessions(userId: string) {
  return db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, ipAddress: true, userAgent: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** Ends a user's sessions (all of them, or all but the one in use); returns how many. */
export async function revokeSessions(actorId: string, userId: string, exceptSessionId?: string) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    if (count > 0) {
      await recordAudit(tx, {
        actorId,
        action: "session.revokeAll",
        entityType: "User",
        entityId: userId,
        after: { revoked: count, keptCurrent: Boolean(exceptSessionId) },
      });
    }
    return count;
  });
}

/**
 * Sets a new password: by the user (keeping the session in use) or by an admin for someone
 * who forgot theirs (ending all of that user's sessions). The hash never enters the audit trail.
 */
export async function setPassword(actorId: string, userId: string, password: string, keepSessionId?: string) {
  const hash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return false;
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    const { count } = await tx.session.updateMany({
      where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId,
      action: actorId === userId ? "user.passwordChange" : "user.passwordReset",
      entityType: "User",
      entityId: userId,
      after: { sessionsRevoked: count },
    });
    return true;
  });
}
