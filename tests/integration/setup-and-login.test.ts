import { describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as setupRoute from "~/routes/setup";
import * as dashboardRoute from "~/routes/_index";
import { getCurrentUser, LOGIN_FAILURE_LIMIT } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { args, formRequest, getRequest, responseOf } from "../setup/fixtures";

const admin = { name: "Ada Admin", email: "Ada@Example.com", password: "correct-horse-battery", confirmPassword: "correct-horse-battery" };

function cookieFrom(response: Response) {
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

describe("first run, sign-in and sign-out", () => {
  it("sends every page to set-up while no user exists", async () => {
    const response = await responseOf(() => dashboardRoute.loader(args(getRequest("/"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/setup");
  });

  it("rejects a bad set-up form with 400, field errors and no user written", async () => {
    const response = await responseOf(() =>
      setupRoute.action(args(formRequest("/setup", { name: "", email: "not-an-email", password: "short", confirmPassword: "short" }))),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error).toMatchObject({ name: ["errors.required"], email: ["errors.invalidEmail"], password: ["errors.passwordTooShort"] });
    // What the user typed comes back, except the password.
    expect(body.result.initialValue).toMatchObject({ email: "not-an-email" });
    expect(body.result.initialValue.password).toBeUndefined();
    expect(await db().user.count()).toBe(0);
  });

  it("creates the first admin, signs them in and audits both in one go", async () => {
    const response = await responseOf(() => setupRoute.action(args(formRequest("/setup", admin))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const user = await getCurrentUser(getRequest("/", { cookie: cookieFrom(response) }));
    expect(user).toMatchObject({ email: "ada@example.com", role: "admin", name: "Ada Admin" });

    const events = await db().auditEvent.findMany({ where: { actorId: user!.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action).sort()).toEqual(["session.create", "user.create"]);
    expect(events.find((e) => e.action === "user.create")!.after).toMatchObject({ email: "ada@example.com", role: "admin" });
  });

  it("refuses a second set-up once an admin exists", async () => {
    const loader = await responseOf(() => setupRoute.loader(args(getRequest("/setup"))));
    expect(loader.headers.get("Location")).toBe("/login");
    const response = await responseOf(() =>
      setupRoute.action(args(formRequest("/setup", { ...admin, email: "mallory@example.com" }))),
    );
    // Answered before the body is read or a password hashed: the page is gone.
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(await db().user.count()).toBe(1);
  });

  it("redirects the anonymous to login, keeping a same-site redirectTo", async () => {
    const response = await responseOf(() => dashboardRoute.loader(args(getRequest("/?tab=1"))));
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2F%3Ftab%3D1");
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const wrongPassword = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: admin.email, password: "wrong-password" }), {}, "10.1.0.1")),
    );
    const unknownEmail = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "nobody@example.com", password: "wrong-password" }), {}, "10.1.0.1")),
    );
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await wrongPassword.json(), await unknownEmail.json()];
    expect(a.result.error[""]).toEqual(["login.invalid"]);
    expect(b.result.error[""]).toEqual(["login.invalid"]);
  });

  it("signs in, honours a same-site redirectTo, and refuses an off-site one", async () => {
    const ok = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password, redirectTo: "/settings/users" }), {}, "10.1.0.2")),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/settings/users");

    const offSite = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password, redirectTo: "//evil.test/x" }), {}, "10.1.0.2")),
    );
    expect(offSite.headers.get("Location")).toBe("/");
  });

  it("signs out by revoking the session row", async () => {
    const signIn = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password }), {}, "10.1.0.3")),
    );
    const cookie = cookieFrom(signIn);
    expect(await getCurrentUser(getRequest("/", { cookie }))).not.toBeNull();
    const out = await responseOf(() => logoutRoute.action(args(formRequest("/logout", {}, { cookie }))));
    expect(out.headers.get("Location")).toBe("/login");
    expect(await getCurrentUser(getRequest("/", { cookie }))).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "session.revoke" } })).toBe(1);
  });

  it(`answers 429 after ${LOGIN_FAILURE_LIMIT} failures a minute from one IP`, async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
      const response = await responseOf(() =>
        loginRoute.action(args(formRequest("/login", { email: `guess${i}@example.com`, password: "nope" }), {}, ip)),
      );
      expect(response.status).toBe(401);
    }
    const blocked = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password }), {}, ip)),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toBe("60");
    // Another address is not affected.
    const other = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password }), {}, "10.9.9.10")),
    );
    expect(other.status).toBe(302);
  });

  it(`answers 429 after ${LOGIN_FAILURE_LIMIT} failures a minute for one account, from any IP`, async () => {
    const target = "victim@example.com";
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
      await responseOf(() => loginRoute.action(args(formRequest("/login", { email: target, password: "nope" }), {}, `10.8.0.${i}`)));
    }
    const blocked = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "VICTIM@example.com", password: "nope" }), {}, "10.8.1.1")),
    );
    expect(blocked.status).toBe(429);
  });
});
