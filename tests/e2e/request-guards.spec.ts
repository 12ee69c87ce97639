/**
 * Requests are refused before they change anything when they come from another site (as documents
 * and as data requests), or when their body is too large or not a form.
 */
import http from "node:http";
import { expect, test } from "./fixtures";

const evil = "https://evil.example";

test("a cross-site POST is refused with 403 and writes nothing, whatever form it takes", async ({ page, signInAs, baseURL }) => {
  await signInAs("admin");
  await page.goto("/settings/users");
  const usersBefore = await page.locator("tbody tr").count();
  const create = {
    intent: "create",
    name: "Mallory",
    email: `mallory-${Date.now()}@evil.example`,
    password: "correct horse battery staple",
    role: "admin",
  };
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
  const own = await page.request.post("/settings/users", {
    headers: { Origin: new URL(baseURL!).origin },
    form: { intent: "revoke", invitationId: "none" },
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(500);
  expect(own.status()).not.toBe(403);
});

test("sign-in cannot be posted from another site (no login CSRF)", async ({ page }) => {
  const response = await page.request.post("/login?_data=routes%2Flogin", {
    headers: { Origin: evil },
    form: { email: "admin@example.com", password: "whatever-password" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("pl_session");
});

/** Sends only the headers of a POST (no body) and resolves with the status the server answers. */
function statusForHeaders(baseURL: string, path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method: "POST", headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

test("an oversized or unknown-length body is refused from its headers, before it is read", async ({ baseURL }) => {
  const started = Date.now();
  expect(
    await statusForHeaders(baseURL!, "/login", {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(200 * 1024 * 1024),
    }),
  ).toBe(413);
  expect(
    await statusForHeaders(baseURL!, "/login", { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }),
  ).toBe(411);
  // Answered at once: nothing waited for 200 MB that never came.
  expect(Date.now() - started).toBeLessThan(5_000);
});

test("a body that is not a form, or a broken upload, gets a 4xx and writes nothing", async ({ page, signInAs }) => {
  await signInAs("manager");
  const json = await page.request.post("/partners/new", {
    headers: { "Content-Type": "application/json" },
    data: JSON.stringify({ name: "Json Partner" }),
    maxRedirects: 0,
  });
  expect(json.status()).toBe(415);
  const text = await page.request.post("/partners/new?_data=routes%2Fpartners.new", {
    headers: { "Content-Type": "text/plain" },
    data: "name=Text Partner",
    maxRedirects: 0,
  });
  expect(text.status()).toBe(415);
  const broken = await page.request.post("/gifts/import?_data=routes%2Fgifts.import", {
    headers: { "Content-Type": "multipart/form-data; boundary=XYZ" },
    data: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\npartner,title',
    maxRedirects: 0,
  });
  expect(broken.status()).toBeGreaterThanOrEqual(400);
  expect(broken.status()).toBeLessThan(500);
  await page.goto("/partners?q=Partner");
  await expect(page.getByText("Json Partner")).toHaveCount(0);
  await expect(page.getByText("Text Partner")).toHaveCount(0);
});

test("signed-in pages and their data are never stored by a cache", async ({ page, signInAs }) => {
  await signInAs("manager");
  for (const url of ["/partners", "/partners?_data=routes%2Fpartners._index", "/compliance/summary/export"]) {
    const response = await page.request.get(url);
    expect(response.headers()["cache-control"], url).toContain("no-store");
  }
});
