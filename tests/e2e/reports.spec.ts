import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/** A partner with one 40.00 gift and one post (20,000 impressions, 500 likes) in June 2019, a month no other test uses. */
async function partnerWithResults(page: Page, name: string) {
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const partnerId = page.url().split("/").pop()!;
  await page.goto(`/gifts/new?partnerId=${partnerId}`);
  await page.getByLabel("Item", { exact: true }).fill("Coffret");
  await page.getByLabel("Unit value").fill("40");
  await page.getByLabel("Status").selectOption("shipped");
  await page.getByLabel("Shipped on").fill("2019-06-03");
  await page.getByRole("button", { name: "Save gift" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Coffret");
  await page.goto(`/coverage/new?partnerId=${partnerId}`);
  await page.getByLabel("Link (http or https)").fill(`https://instagram.com/p/${Date.now()}`);
  await page.getByLabel("Platform", { exact: true }).selectOption("instagram");
  await page.getByLabel("Published on").fill("2019-06-10");
  await page.getByLabel("Text as published").fill("#publicité Mon coffret préféré");
  await page.getByLabel(/Gift: 1 × Coffret/).check();
  await page.getByLabel("Impressions", { exact: true }).fill("20000");
  await page.getByLabel("Likes", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByText(/Coverage saved/)).toBeVisible();
  return partnerId;
}

test("the ranking, the partner panel and the monthly report show the same hand-checked figures", async ({ page, signInAs }) => {
  await signInAs("manager");
  const name = `Ranked Partner ${Date.now()}`;
  const partnerId = await partnerWithResults(page, name);

  // Cost 40.00 for 20,000 impressions: CPM = 40 / 20,000 × 1,000 = 2.00; CPE = 40 / 500 = 0.08.
  await page.goto(`/partners/${partnerId}?tab=cost-benefit&period=custom&from=2019-06-01&to=2019-06-30`);
  const panel = page.locator("#cost-benefit");
  await expect(panel.getByText("Gifts (1 shipped)")).toBeVisible();
  await expect(panel.locator("dt", { hasText: "CPM" }).locator("xpath=..").locator("dd")).toHaveText("€2.00");
  await expect(panel.locator("dt", { hasText: "CPE" }).locator("xpath=..").locator("dd")).toHaveText("€0.08");
  await expect(panel.locator("dt", { hasText: "ROI" }).locator("xpath=..").locator("dd")).toContainText("—");
  await expect(panel.locator(".kpi-label").filter({ hasText: /^CPM/ })).toHaveAttribute("title", "CPM = cost / impressions × 1000");
  await panel.getByRole("link", { name: "Gifts (1 shipped)" }).click();
  await expect(page.getByRole("link", { name: /Coffret/ })).toHaveCount(1);

  await page.goto("/reports/cost-benefit?period=custom&from=2019-06-01&to=2019-06-30&sort=cpm&dir=asc");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("€40.00");
  await expect(row).toContainText("€2.00");
  await expectNoSeriousA11yViolations(page);
  const csv = await (await page.request.get("/reports/cost-benefit/export?period=custom&from=2019-06-01&to=2019-06-30")).text();
  expect(csv).toContain(`${name},,40.00,40.00,0.00,0.00,1,20000,500,,,,150.00,2.0000,0.0800,,,,,1.0000,0`);

  // A period that ends before it starts is refused on the form, with the dates as typed.
  const bad = await page.goto("/reports/cost-benefit?period=custom&from=2019-07-01&to=2019-06-01");
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("The end date is before the start date.");
  await expect(page.locator("#period-from")).toHaveValue("2019-07-01");

  await page.goto("/reports/monthly?month=2019-06");
  await expect(page.getByRole("heading", { level: 1, name: "Monthly report, June 2019" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^CPM/ })).toContainText("€2.00");
  await expectNoSeriousA11yViolations(page);
  const pdf = await page.request.get("/reports/monthly/pdf?month=2019-06");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

/** The column's header lies within the table's visible part, to the right of the sticky name column. */
async function expectColumnInView(page: Page, column: string) {
  const wrap = (await page.locator(".table-wrap").boundingBox())!;
  const name = (await page.locator("thead th.sticky-cell").boundingBox())!;
  const header = (await page.locator(`thead th[data-column="${column}"]`).boundingBox())!;
  expect(name.x).toBeGreaterThanOrEqual(wrap.x - 1);
  expect(header.x).toBeGreaterThanOrEqual(name.x + name.width - 1);
  expect(header.x + header.width).toBeLessThanOrEqual(Math.min(wrap.x + wrap.width, 1440) + 1);
}

test("the ranking keeps the partner and the column it is sorted by in view at 1440 px", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs("manager");
  const name = `Ranked in view ${Date.now()}`;
  await partnerWithResults(page, name);
  const period = "period=custom&from=2019-06-01&to=2019-06-30";
  await page.goto(`/reports/cost-benefit?${period}`);
  await expect(page.locator('thead th[data-column="roi"]')).toHaveAttribute("aria-sort", "descending");
  await expectColumnInView(page, "roi");
  // The last column, sorted by its header link: scrolled into view beside the partner's name.
  await page.goto(`/reports/cost-benefit?${period}&sort=complianceRate&dir=desc`);
  await expect(page.locator('thead th[data-column="complianceRate"]')).toHaveAttribute("aria-sort", "descending");
  await expectColumnInView(page, "complianceRate");
  await expect(page.getByRole("link", { name })).toBeInViewport();
});

test("an empty period shows an empty state, not zeros", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/reports/cost-benefit?period=custom&from=2001-01-01&to=2001-01-31");
  await expect(page.getByText("No partner had cost or coverage in this period.")).toBeVisible();
  await page.goto("/reports/monthly?month=2001-01");
  await expect(page.getByText("Nothing recorded this month")).toBeVisible();
});

test("each role gets its own dashboard", async ({ page, signInAs }) => {
  await signInAs("compliance");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Disclosure compliance" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Spend and value" })).toHaveCount(0);
  await page.context().clearCookies();
  await signInAs("marketing");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Spend and value" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Best return on investment" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Below break-even (ROI under 0%)" })).toBeVisible();
  await expect(page.getByText(/^Last 12 months, from /)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
