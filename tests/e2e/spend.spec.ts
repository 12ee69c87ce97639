import { expect, expectNoSeriousA11yViolations, newPartner, test } from "./fixtures";

test("a CM proposes a placement, marketing approves it, and a payment is recorded", async ({ page, signInAs }) => {
  const id = Date.now();
  await signInAs("manager");
  const partnerId = await newPartner(page, `Placement Partner ${id}`);
  await page.goto(`/placements/new?partnerId=${partnerId}`);
  await page.getByLabel("Title").fill("Sponsored review");
  await page.getByLabel("Agreed fee").fill("1 200,00");
  await page.getByLabel("First deliverable").fill("Blog review");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sponsored review" })).toBeVisible();
  await expect(page.getByText("0 of 1 approvals")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve spend" })).toHaveCount(0);
  const url = page.url();

  await page.context().clearCookies();
  await signInAs("marketing");
  await page.goto(url);
  await page.getByRole("button", { name: "Approve spend" }).click();
  // €1,200 reaches the French written-agreement threshold with no signed agreement: asked first.
  await expect(page.getByRole("alert")).toContainText("A written agreement is required");
  await expect(page.locator(".page-header .badge")).toHaveText("Proposed");
  await page.getByRole("button", { name: "Approve without a signed agreement" }).click();
  await expect(page.getByText("Placement approved.")).toBeVisible();
  await expect(page.locator(".page-header .badge")).toHaveText("Approved");

  await page.getByLabel("Amount (EUR)").fill("500");
  await page.getByLabel("Invoice reference").fill("INV-1");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment recorded.")).toBeVisible();
  const payments = page.getByRole("region", { name: "Payments" });
  await expect(payments.getByRole("definition").nth(0)).toHaveText("€500.00");
  await expect(payments.getByRole("definition").nth(1)).toHaveText("€700.00");
  await expectNoSeriousA11yViolations(page);

  // More than what is outstanding is refused, and nothing is recorded.
  await page.getByLabel("Amount (EUR)").fill("700.01");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("This is more than what is outstanding.")).toBeVisible();
  await page.reload();
  await expect(payments.getByRole("definition").nth(1)).toHaveText("€700.00");
});

test("a batch gift is shipped to three partners", async ({ page, signInAs }) => {
  const id = Date.now();
  const tag = `batch-${id}`;
  await signInAs("manager");
  for (const n of [1, 2, 3]) await newPartner(page, `Batch ${n} ${id}`, tag);
  await page.goto(`/partners?tag=${tag}`);
  for (const n of [1, 2, 3]) await page.getByRole("checkbox", { name: `Select Batch ${n} ${id}` }).check();
  await page.getByRole("button", { name: "Send a gift to the selected partners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Send a gift to 3 partners" })).toBeVisible();
  await page.getByLabel("Item", { exact: true }).fill("Spring box");
  await page.getByLabel("Quantity").fill("2");
  await page.getByLabel("Unit value").fill("24.90");
  await page.getByLabel("Shipping cost").fill("6");
  await page.getByLabel("Status").selectOption("shipped");
  await page.getByLabel("Shipped on").fill("2026-11-02");
  await page.getByRole("button", { name: "Send to 3 partners" }).click();
  await expect(page.getByText("3 gifts recorded.")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4);
  for (const n of [1, 2, 3]) await expect(page.getByRole("row", { name: new RegExp(`Batch ${n} ${id}`) })).toContainText("€55.80");
  await expect(page.getByRole("table")).not.toContainText("Planned");
  await page.getByRole("link", { name: "2 × Spring box" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Spring box for Batch/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the over-budget warning appears, and going ahead is recorded", async ({ page, signInAs }) => {
  const id = Date.now();
  await signInAs("manager");
  const partnerId = await newPartner(page, `Budget Partner ${id}`);
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(`Small campaign ${id}`);
  await page.getByLabel("Budget").fill("100");
  await page.getByLabel("France (loi influenceurs)").check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Small campaign ${id}` })).toBeVisible();
  const campaignId = page.url().split("/").pop()!;

  await page.goto(`/placements/new?partnerId=${partnerId}&campaignId=${campaignId}`);
  await page.getByLabel("Title").fill("Too expensive");
  await page.getByLabel("Agreed fee").fill("150");
  await page.getByRole("button", { name: "Propose" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "over budget" });
  await expect(warning).toContainText("Budget €100.00; already committed €0.00; this adds €150.00, for €150.00 in all.");
  await page.getByRole("button", { name: "Go ahead anyway" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Too expensive" })).toBeVisible();
  await expect(page.getByText("Went over budget")).toBeVisible();
  await page.goto(`/campaigns/${campaignId}`);
  await expect(page.getByRole("region", { name: "Went ahead over budget" })).toContainText("Camille Manager");
  await expectNoSeriousA11yViolations(page);
});

test("a manager who tries to approve their own placement is refused", async ({ page, signInAs }) => {
  const id = Date.now();
  await signInAs("manager");
  const partnerId = await newPartner(page, `Own Approval ${id}`);
  await page.goto(`/placements/new?partnerId=${partnerId}`);
  await page.getByLabel("Title").fill("My own deal");
  await page.getByLabel("Agreed fee").fill("300");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My own deal" })).toBeVisible();
  // No button is offered; posting the approval anyway is refused by the server.
  await expect(page.getByRole("button", { name: "Approve spend" })).toHaveCount(0);
  const response = await page.request.post(page.url(), { form: { intent: "approve" }, headers: { Origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(403);
  await page.reload();
  await expect(page.locator(".page-header .badge")).toHaveText("Proposed");
  await expect(page.getByText("0 of 1 approvals")).toBeVisible();
});
