import { beforeAll, describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import * as securityRoute from "~/routes/settings.security";
import * as editUserRoute from "~/routes/settings.users.$userId";
import { getCurrentUser } from "~/features/accounts/auth.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

const OLD = "the-original-password";
const NEW = "a-brand-new-password";

async function signIn(email: string, password: string, ip = "10.20.0.1") {
  return responseOf(() => loginRoute.action(args(formRequest("/login", { email, password }), {}, ip)));
}

let adminCookie: string;
let adminId: string;

beforeAll(async () => {
  const admin = await createTestUser("admin");
  adminId = admin.id;
  adminCookie = await cookieFor(admin.id);
});

describe("changing one's own password", () => {
  it("refuses a wrong current password, changes nothing", async () => {
    const user = await createTestUser("manager", { password: OLD });
    const cookie = await cookieFor(user.id);
    const response = await responseOf(() =>
      securityRoute.action(
        args(
          formRequest(
            "/settings/security",
            { intent: "changePassword", currentPassword: "not-it", password: NEW, confirmPassword: NEW },
            { cookie },
          ),
        ),
      ),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.currentPassword).toEqual(["security.wrongCurrentPassword"]);
    expect(body.result.initialValue.password).toBeUndefined();
    expect((await signIn(user.email, OLD)).status).toBe(302);
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.passwordChange" } })).toBe(0);
  });

  it("changes it, keeps this session, ends the others, and audits without the hash", async () => {
    const user = await createTestUser("manager", { password: OLD });
    const current = await cookieFor(user.id);
    const other = await cookieFor(user.id);
    const response = await responseOf(() =>
      securityRoute.action(
        args(
          formRequest(
            "/settings/security",
            { intent: "changePassword", currentPassword: OLD, password: NEW, confirmPassword: NEW },
            { cookie: current },
          ),
        ),
      ),
    );
    expect(response.status).toBe(302);
    expect(await getCurrentUser(getRequest("/", { cookie: current }))).not.toBeNull();
    expect(await getCurrentUser(getRequest("/", { cookie: other }))).toBeNull();
    expect((await signIn(user.email, OLD, "10.20.0.2")).status).toBe(401);
    expect((await signIn(user.email, NEW, "10.20.0.3")).status).toBe(302);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.passwordChange" } });
    expect(JSON.stringify(event)).not.toMatch(/argon2/);
    expect(event.after).toEqual({ sessionsRevoked: 1 });
  });

  it("signs out the other sessions on request, and lists only whether a session is the current one", async () => {
    const user = await createTestUser("viewer");
    const current = await cookieFor(user.id);
    const others = [await cookieFor(user.id), await cookieFor(user.id)];
    const page = await (await responseOf(() => securityRoute.loader(args(getRequest("/settings/security", { cookie: current }))))).json();
    expect(page.sessions).toHaveLength(3);
    expect(page.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(page)).not.toContain(current.split("=")[1].split(".")[0].slice(1, 20));

    await responseOf(() => securityRoute.action(args(formRequest("/settings/security", { intent: "revokeOthers" }, { cookie: current }))));
    expect(await getCurrentUser(getRequest("/", { cookie: current }))).not.toBeNull();
    for (const cookie of others) expect(await getCurrentUser(getRequest("/", { cookie }))).toBeNull();
  });
});

describe("an admin helping a user", () => {
  it("sets a new password and ends all of that user's sessions", async () => {
    const user = await createTestUser("marketing", { password: OLD });
    const cookie = await cookieFor(user.id);
    const response = await responseOf(() =>
      editUserRoute.action(
        args(formRequest(`/settings/users/${user.id}`, { intent: "setPassword", password: NEW }, { cookie: adminCookie }), {
          userId: user.id,
        }),
      ),
    );
    expect(response.status).toBe(302);
    expect(await getCurrentUser(getRequest("/", { cookie }))).toBeNull();
    expect((await signIn(user.email, NEW, "10.20.1.1")).status).toBe(302);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.passwordReset" } });
    expect(event.actorId).toBe(adminId);
  });

  it("rejects a too-short password with 400", async () => {
    const user = await createTestUser("marketing");
    const response = await responseOf(() =>
      editUserRoute.action(
        args(formRequest(`/settings/users/${user.id}`, { intent: "setPassword", password: "short" }, { cookie: adminCookie }), {
          userId: user.id,
        }),
      ),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.password).toEqual(["errors.passwordTooShort"]);
  });

  it("signs a user out everywhere", async () => {
    const user = await createTestUser("compliance");
    const cookies = [await cookieFor(user.id), await cookieFor(user.id)];
    await responseOf(() =>
      editUserRoute.action(
        args(formRequest(`/settings/users/${user.id}`, { intent: "revokeAll" }, { cookie: adminCookie }), { userId: user.id }),
      ),
    );
    for (const cookie of cookies) expect(await getCurrentUser(getRequest("/", { cookie }))).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "session.revokeAll" } });
    expect(event.after).toMatchObject({ revoked: 2 });
  });

  it("is refused to non-admins with 403", async () => {
    const manager = await createTestUser("manager");
    const target = await createTestUser("viewer", { password: OLD });
    const cookie = await cookieFor(manager.id);
    const response = await responseOf(() =>
      editUserRoute.action(
        args(formRequest(`/settings/users/${target.id}`, { intent: "setPassword", password: NEW }, { cookie }), { userId: target.id }),
      ),
    );
    expect(response.status).toBe(403);
    expect((await signIn(target.email, OLD, "10.20.2.1")).status).toBe(302);
  });
});
