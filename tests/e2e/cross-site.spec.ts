/** Requests from another site are refused before they change anything, as documents and as data requests. */
import { expect, test } from "./fixtures";

const evil = "https://evil.example";

test("a cross-site POST is refused with 403 and writes nothing, whatever form it takes", async ({ page, signInAs, baseURL }) => {
  await signInAs("admin");
  await page.goto("/settings/users");
  const usersBefore = await page.locator("tbody tr").count();
  const create = { intent: "create", name: "Mallory", email: `mallory-${Date.now()}@evil.example`, password: "correct horse battery staple", role: "admin" };
  const attempts: { url: string; headers: Record<string, string> }[] = [
    { url: "/settings/users", headers: { Origin: evil } },
    { url: "/settings/users?_data=routes%2Fsettings.users._index", headers: { Origin: evil } },
    { url: "/settings/users?_data=routes%2Fsettings.users._index", headers: { "Sec-Fetch-Site": "cross-site" } },
    // A forged forwarded host does not make a foreign origin ours: TRUST_PROXY is not set.
    { url: "/settings/users", headers: { Origin: evil, "X-Forwarded-Host": "evil.example" } },
    { url: "/settings/users", headers: { Origin: "null" } },
  ];
  for (const attempt of attempts) {
    const response = await page.request.post(attempt.url, { headers: attempt.headers, form: create, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(attempt)).toBe(403);
    expect(await response.text()).toContain("Request refused");
  }
  await page.reload();
  await expect(page.locator("tbody tr")).toHaveCount(usersBefore);
  await expect(page.getByText(create.email)).toHaveCount(0);

  // The app's own form, from its own origin, still works.
  const own = await page.request.post("/settings/users", { headers: { Origin: new URL(baseURL!).origin }, form: { intent: "revoke", invitationId: "none" }, maxRedirects: 0 });
  expect(own.status()).toBeLessThan(500);
  expect(own.status()).not.toBe(403);
});

test("sign-in cannot be posted from another site (no login CSRF)", async ({ page }) => {
  const response = await page.request.post("/login?_data=routes%2Flogin", { headers: { Origin: evil }, form: { email: "admin@example.com", password: "whatever-password" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("pl_session");
});
