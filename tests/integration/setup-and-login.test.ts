import { describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as setupRoute from "~/routes/setup";
import * as dashboardRoute from "~/routes/_index";
import { getCurrentUser } from "~/features/accounts/auth.server";
import {
  ACCOUNT_ADDRESS_FREE_FAILURES,
  ADDRESS_FREE_FAILURES,
  backoffSeconds,
  MAX_BACKOFF_SECONDS,
  secondsToWait,
} from "~/features/accounts/sign-in-throttle";
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
    expect(body.result.error).toMatchObject({
      name: ["errors.required"],
      email: ["errors.invalidEmail"],
      password: ["errors.passwordTooShort"],
    });
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
    const response = await responseOf(() => setupRoute.action(args(formRequest("/setup", { ...admin, email: "mallory@example.com" }))));
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
      loginRoute.action(
        args(formRequest("/login", { email: "ada@example.com", password: admin.password, redirectTo: "/settings/users" }), {}, "10.1.0.2"),
      ),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/settings/users");

    const offSite = await responseOf(() =>
      loginRoute.action(
        args(formRequest("/login", { email: "ada@example.com", password: admin.password, redirectTo: "//evil.test/x" }), {}, "10.1.0.2"),
      ),
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

  it(`backs off an account at an address after ${ACCOUNT_ADDRESS_FREE_FAILURES} failures, and lets the owner in from elsewhere`, async () => {
    const attacker = "10.9.9.9";
    for (let i = 0; i < ACCOUNT_ADDRESS_FREE_FAILURES; i++) {
      const response = await responseOf(() =>
        loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: "nope" }), {}, attacker)),
      );
      expect(response.status).toBe(401);
    }
    const blocked = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password }), {}, attacker)),
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBe(1);
    // The owner, from their own address, is not locked out by someone else's guesses.
    const owner = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password }), {}, "10.9.9.10")),
    );
    expect(owner.status).toBe(302);
    // Other accounts from the attacker's address are not held back yet.
    const other = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "someone@example.com", password: "nope" }), {}, attacker)),
    );
    expect(other.status).toBe(401);
  });

  it("doubles the wait with each further failure, up to a cap", () => {
    expect([4, 5, 6, 7, 10].map((failures) => backoffSeconds(failures, ACCOUNT_ADDRESS_FREE_FAILURES))).toEqual([0, 1, 2, 4, 32]);
    expect(backoffSeconds(100, ACCOUNT_ADDRESS_FREE_FAILURES)).toBe(MAX_BACKOFF_SECONDS);
    const now = new Date("2026-11-29T12:00:00Z");
    const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
    expect(secondsToWait({ failures: 7, lastFailureAt: at(1) }, { failures: 7, lastFailureAt: at(1) }, now)).toBe(3);
    expect(secondsToWait({ failures: 7, lastFailureAt: at(5) }, { failures: 7, lastFailureAt: at(5) }, now)).toBe(0);
    expect(secondsToWait({ failures: 0, lastFailureAt: null }, { failures: ADDRESS_FREE_FAILURES + 2, lastFailureAt: at(0) }, now)).toBe(4);
  });

  it(`backs off an address that guesses many accounts after ${ADDRESS_FREE_FAILURES} failures`, async () => {
    const ip = "10.7.7.7";
    await db().loginAttempt.createMany({
      data: Array.from({ length: ADDRESS_FREE_FAILURES }, (_, i) => ({ email: `guess${i}@example.com`, ipAddress: ip, succeeded: false })),
    });
    const blocked = await responseOf(() =>
      loginRoute.action(args(formRequest("/login", { email: "ada@example.com", password: admin.password }), {}, ip)),
    );
    expect(blocked.status).toBe(429);
  });
});
