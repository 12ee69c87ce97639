import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "~/routes/settings.audit";
import * as editUserRoute from "~/routes/settings.users.$userId";
import * as usersRoute from "~/routes/settings.users._index";
import * as inviteRoute from "~/routes/invite.$token";
import * as partnersRoute from "~/routes/partners._index";
import * as localeRoute from "~/routes/locale";
import { getCurrentUser } from "~/features/accounts/auth.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

let adminId: string;
let adminCookie: string;
let viewerCookie: string;

beforeAll(async () => {
  const admin = await createTestUser("admin");
  adminId = admin.id;
  adminCookie = await cookieFor(admin.id);
  viewerCookie = await cookieFor((await createTestUser("viewer")).id);
});

describe("user management", () => {
  it("lets an admin create a user, audited with the actor", async () => {
    const response = await responseOf(() =>
      usersRoute.action(
        args(
          formRequest(
            "/settings/users",
            { intent: "create", name: "Camille CM", email: "camille@example.com", role: "manager", password: "a-long-enough-password" },
            { cookie: adminCookie },
          ),
        ),
      ),
    );
    expect(response.status).toBe(302);
    const user = await db().user.findUniqueOrThrow({ where: { email: "camille@example.com" } });
    expect(user.role).toBe("manager");
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "user.create" } });
    expect(event.actorId).toBe(adminId);
  });

  it("refuses a duplicate email with 409 and writes nothing", async () => {
    const before = await db().auditEvent.count();
    const response = await responseOf(() =>
      usersRoute.action(
        args(
          formRequest(
            "/settings/users",
            { intent: "create", name: "Again", email: "CAMILLE@example.com", role: "viewer", password: "a-long-enough-password" },
            { cookie: adminCookie },
          ),
        ),
      ),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).result.error.email).toEqual(["users.emailTaken"]);
    expect(await db().user.count({ where: { email: "camille@example.com" } })).toBe(1);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("refuses a viewer's write with 403, on the server, and writes nothing", async () => {
    const usersBefore = await db().user.count();
    const eventsBefore = await db().auditEvent.count();
    const response = await responseOf(() =>
      usersRoute.action(
        args(
          formRequest(
            "/settings/users",
            { intent: "create", name: "Sneaky", email: "sneaky@example.com", role: "admin", password: "a-long-enough-password" },
            { cookie: viewerCookie },
          ),
        ),
      ),
    );
    expect(response.status).toBe(403);
    expect(await db().user.count()).toBe(usersBefore);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
  });

  it("refuses a viewer the user list and the audit trail, but lets them read partners", async () => {
    expect((await responseOf(() => usersRoute.loader(args(getRequest("/settings/users", { cookie: viewerCookie }))))).status).toBe(403);
    expect((await responseOf(() => auditRoute.loader(args(getRequest("/settings/audit", { cookie: viewerCookie }))))).status).toBe(403);
    expect((await responseOf(() => partnersRoute.loader(args(getRequest("/partners", { cookie: viewerCookie }))))).status).toBe(200);
  });

  it("disables a user: their sessions end at once, and the change is audited before/after", async () => {
    const target = await createTestUser("marketing");
    const targetCookie = await cookieFor(target.id);
    expect(await getCurrentUser(getRequest("/", { cookie: targetCookie }))).not.toBeNull();

    const response = await responseOf(() =>
      editUserRoute.action(
        args(
          formRequest(`/settings/users/${target.id}`, { intent: "access", role: "marketing", disabled: "on" }, { cookie: adminCookie }),
          { userId: target.id },
        ),
      ),
    );
    expect(response.status).toBe(302);
    expect(await getCurrentUser(getRequest("/", { cookie: targetCookie }))).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: target.id, action: "user.update" } });
    expect(event.before).toMatchObject({ disabledAt: null, role: "marketing" });
    expect((event.after as { disabledAt: string | null }).disabledAt).not.toBeNull();
  });

  it("changes a role", async () => {
    const target = await createTestUser("viewer");
    await responseOf(() =>
      editUserRoute.action(
        args(formRequest(`/settings/users/${target.id}`, { intent: "access", role: "compliance" }, { cookie: adminCookie }), {
          userId: target.id,
        }),
      ),
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("compliance");
  });

  it("stops an admin from locking themself out", async () => {
    const response = await responseOf(() =>
      editUserRoute.action(
        args(formRequest(`/settings/users/${adminId}`, { intent: "access", role: "viewer" }, { cookie: adminCookie }), { userId: adminId }),
      ),
    );
    expect(response.status).toBe(409);
    expect((await db().user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("admin");
  });

  it("answers 404 for an unknown user", async () => {
    const response = await responseOf(() =>
      editUserRoute.loader(args(getRequest("/settings/users/nope", { cookie: adminCookie }), { userId: "nope" })),
    );
    expect(response.status).toBe(404);
  });

  it("invites a user who then joins with the invited role; the link works once", async () => {
    const invited = await responseOf(() =>
      usersRoute.action(
        args(
          formRequest(
            "/settings/users",
            { intent: "invite", name: "Inès", email: "ines@example.com", role: "compliance" },
            { cookie: adminCookie },
          ),
        ),
      ),
    );
    expect(invited.status).toBe(200);
    const { inviteUrl } = await invited.json();
    const token = new URL(inviteUrl).pathname.split("/").pop()!;
    expect(await db().invitation.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    const page = await responseOf(() => inviteRoute.loader(args(getRequest(`/invite/${token}`), { token })));
    expect((await page.json()).invitation).toMatchObject({ email: "ines@example.com", role: "compliance" });

    const joined = await responseOf(() =>
      inviteRoute.action(
        args(
          formRequest(`/invite/${token}`, { name: "Inès D.", password: "another-long-password", confirmPassword: "another-long-password" }),
          { token },
        ),
      ),
    );
    expect(joined.status).toBe(302);
    const user = await getCurrentUser(getRequest("/", { cookie: joined.headers.get("Set-Cookie")!.split(";")[0] }));
    expect(user).toMatchObject({ email: "ines@example.com", role: "compliance", name: "Inès D." });

    const again = await responseOf(() =>
      inviteRoute.action(
        args(formRequest(`/invite/${token}`, { name: "X", password: "another-long-password", confirmPassword: "another-long-password" }), {
          token,
        }),
      ),
    );
    // A used link is unknown from then on: answered before the body is read or a password hashed.
    expect(again.status).toBe(404);
  });

  it("stores a signed-in user's language choice on the user, audited", async () => {
    const user = await createTestUser("manager");
    const cookie = await cookieFor(user.id);
    const response = await responseOf(() =>
      localeRoute.action(args(formRequest("/locale", { locale: "fr", redirectTo: "/partners" }, { cookie }))),
    );
    expect(response.headers.get("Location")).toBe("/partners");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("fr");
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.update" } })).toBe(1);

    const bad = await responseOf(() => localeRoute.action(args(formRequest("/locale", { locale: "xx" }, { cookie }))));
    expect(bad.status).toBe(400);
  });
});

describe("sign-in locks", () => {
  it("are listed for admins, and clearing one lets that account at that address try again, audited", async () => {
    const email = "held@example.com";
    const ipAddress = "10.6.6.6";
    await db().loginAttempt.createMany({ data: Array.from({ length: 8 }, () => ({ email, ipAddress, succeeded: false })) });
    const page = async () =>
      (await (await responseOf(() => usersRoute.loader(args(getRequest("/settings/users", { cookie: adminCookie }))))).json()) as {
        signInLocks: { email: string | null; ipAddress: string; failures: number }[];
      };
    expect((await page()).signInLocks).toEqual([expect.objectContaining({ email, ipAddress, failures: 8 })]);
    const cleared = await responseOf(() =>
      usersRoute.action(args(formRequest("/settings/users", { intent: "clearSignInLock", email, ipAddress }, { cookie: adminCookie }))),
    );
    expect(cleared.status).toBe(302);
    expect((await page()).signInLocks).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "signInLock.clear", actorId: adminId } })).toBe(1);
    // Viewers cannot clear locks.
    const refused = await responseOf(() =>
      usersRoute.action(args(formRequest("/settings/users", { intent: "clearSignInLock", email, ipAddress }, { cookie: viewerCookie }))),
    );
    expect(refused.status).toBe(403);
  });
});
