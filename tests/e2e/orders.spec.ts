/**
 * Results that come in by themselves: a tracked link clicked from browsers, two Shopify orders
 * (one with the partner's code, one landing through the link) sent as signed webhooks, the
 * partner's cost-benefit panel, and a refund.
 */
import { createHmac } from "node:crypto";
import { expect, test } from "./fixtures";

const SECRET = "e2e-shopify-signing-secret";

test("three clicks, an order by code and one by link show on the partner's panel, and a refund reduces the revenue", async ({
  page,
  browser,
  signInAs,
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const domain = `e2e-${stamp}.myshopify.com`;
  const name = `Orders Partner ${stamp}`;
  const code = `E2E${stamp}`.slice(0, 16);

  // The admin connects the shop.
  await signInAs("admin");
  await page.goto("/settings/shops");
  const shop = page.locator("#new-shop");
  await shop.getByLabel("Name").fill("Maison E2E");
  await shop.getByLabel("Shop domain").fill(domain);
  await shop.getByLabel("Webhook signing secret").fill(SECRET);
  await shop.getByRole("button", { name: "Add shop" }).click();
  await expect(page.getByRole("status")).toHaveText("Shop added.");

  // Marketing gives the partner a link (to a page of this server, so the browser lands) and a code.
  await page.context().clearCookies();
  await signInAs("manager");
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const partnerUrl = page.url().split("?")[0];
  await page.getByRole("link", { name: "Links and codes" }).click();
  await page
    .locator("#new-link")
    .getByLabel("Destination")
    .fill(`${baseURL!.replace("localhost", "127.0.0.1")}/healthz`);
  await page.locator("#new-link").getByRole("button", { name: "Create link" }).click();
  await expect(page.getByRole("status")).toHaveText("Link created.");
  const shortLink = (await page.getByTestId("short-link").first().textContent())!.trim();
  const linkCode = shortLink.split("/r/")[1];
  await page.locator("summary", { hasText: "Add a promo code" }).click();
  await page.locator("#new-code").getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await page.locator("#new-code").getByRole("button", { name: "Add code" }).click();
  await expect(page.getByRole("status")).toHaveText("Promo code added.");

  // Three people click the link, each in their own browser.
  for (const agent of ["Firefox/131.0", "Safari/605.1.15", "Chrome/130.0"]) {
    const context = await browser.newContext({ userAgent: `Mozilla/5.0 (X11; Linux x86_64) ${agent}` });
    const visitor = await context.newPage();
    const response = await visitor.goto(`/r/${linkCode}`);
    expect(new URL(visitor.url()).searchParams.get("utm_content")).toBe(linkCode);
    expect(response?.status()).toBe(200);
    await context.close();
  }

  // The shop sends two orders, signed as Shopify signs them.
  const send = async (topic: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    const response = await request.post("/webhooks/shopify", {
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": domain,
        "X-Shopify-Hmac-Sha256": createHmac("sha256", SECRET).update(body, "utf8").digest("base64"),
      },
      data: body,
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  const now = new Date().toISOString();
  const base = { created_at: now, currency: "EUR", financial_status: "paid", refunds: [] };
  // The clicks are written within a second; an order landing through the link needs one in the window.
  await expect
    .poll(async () => (await page.reload(), await page.getByTestId("link-clicks").first().textContent()), { timeout: 10_000 })
    .toBe("3");
  await send("orders/create", { ...base, id: stamp, total_price: "60.00", discount_codes: [{ code }], landing_site: "/" });
  await send("orders/create", {
    ...base,
    id: stamp + 1,
    total_price: "40.00",
    discount_codes: [],
    landing_site: `/products/kit?utm_content=${linkCode}`,
  });

  await page.goto(`${partnerUrl}?tab=cost-benefit`);
  await expect(page.getByTestId("tracked-clicks-figure")).toHaveText("3");
  await expect(page.getByTestId("orders-figure")).toHaveText("2");
  await expect(page.getByTestId("order-revenue-figure")).toHaveText("€100.00");

  // A refund takes its amount off.
  await send("refunds/create", {
    id: stamp + 2,
    order_id: stamp,
    created_at: new Date().toISOString(),
    transactions: [{ amount: "25.00", kind: "refund", status: "success" }],
  });
  await page.reload();
  // Interactions wait for hydration: a click in the middle of it can be lost.
  await page.locator("html[data-hydrated]").waitFor();
  await expect(page.getByTestId("order-revenue-figure")).toHaveText("€75.00");
  await expect(page.getByTestId("orders-figure")).toHaveText("2");
  await page.getByTestId("orders-figure").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: `Shop orders of ${name}` })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(2);

  // The ranking says how many orders stand behind the partner's figures, and links to them.
  await page.goto(`/reports/cost-benefit?q=${encodeURIComponent(name)}`);
  const row = page.locator("tbody tr", { hasText: name });
  await expect(row.getByRole("link", { name: "2", exact: true })).toBeVisible();
  await expect(row).toContainText("€75.00");
  await row.getByRole("link", { name: "2", exact: true }).click();
  await expect(page.getByTestId("orders-period")).toContainText("2 orders from");
  await expect(page.locator("tbody tr")).toHaveCount(2);
});
