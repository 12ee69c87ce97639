import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const pages = [
  ["dashboard", "/"],
  ["partners", "/partners"],
  ["new partner", "/partners/new"],
  ["follow-ups", "/follow-ups"],
  ["import partners", "/partners/import"],
  ["review queue", "/drafts"],
  ["gifts", "/gifts"],
  ["new gift", "/gifts/new"],
  ["import gifts", "/gifts/import"],
  ["placements", "/placements"],
  ["new placement", "/placements/new"],
  ["campaigns", "/campaigns"],
  ["new campaign", "/campaigns/new"],
  ["products", "/products"],
  ["spend by month", "/spend"],
  ["gifts against placements", "/spend?view=kind"],
  ["workspace settings", "/settings/workspace"],
  ["exchange rates", "/settings/rates"],
  ["coverage", "/coverage"],
  ["new coverage", "/coverage/new"],
  ["import coverage", "/coverage/import"],
  ["captured from feeds", "/coverage/captured"],
  ["compliance", "/compliance"],
  ["disclosure rules", "/compliance/rules"],
  ["FR disclosure rules", "/compliance/rules/FR"],
  ["compliance summary", "/compliance/summary"],
  ["cost-benefit ranking", "/reports/cost-benefit"],
  ["monthly report", "/reports/monthly"],
  ["reports", "/reports"],
  ["settings", "/settings"],
  ["users", "/settings/users"],
  ["audit trail", "/settings/audit"],
  ["password & sessions", "/settings/security"],
  ["mail to triage", "/mail"],
  ["mail import", "/mail/import"],
  ["mail settings", "/settings/mail"],
  ["message templates", "/settings/templates"],
  ["shops", "/settings/shops"],
  ["shop orders", "/orders"],
  ["import orders", "/orders/import"],
  ["not found", "/no/such/page"],
] as const;

for (const [name, url] of pages) {
  test(`no serious accessibility violations: ${name}`, async ({ page, signInAs }) => {
    await signInAs("admin");
    const response = await page.goto(url);
    // An error page is accessible too; make sure each page is the page itself.
    expect(response?.status()).toBe(name === "not found" ? 404 : 200);
    await expect(page.locator("main h1, main h2").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test("no serious accessibility violations: editing a user", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/settings/users");
  await page.getByRole("link", { name: "Edit Victor Viewer" }).click();
  await expect(page.getByRole("heading", { name: "Edit Victor Viewer" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("no serious accessibility violations: a partner page with a channel", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(`A11y Partner ${Date.now()}`);
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator("summary", { hasText: "Add a channel" }).click();
  await page.locator("#add-channel").getByLabel("Followers").fill("5000");
  await page.locator("#add-channel").getByRole("button", { name: "Add a channel" }).click();
  await expect(page.getByRole("status")).toHaveText("Channel added.");
  await page.locator("summary", { hasText: "Record new numbers" }).click();
  await page.locator("summary", { hasText: "Measurement history" }).click();
  await expectNoSeriousA11yViolations(page);
  // The confirmation dialog: focus moves into it, axe finds nothing, Escape closes it.
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Archive" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Archive");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toBeFocused();
  await page.getByRole("link", { name: "Edit" }).click();
  await expectNoSeriousA11yViolations(page);
});

test("no serious accessibility violations: login", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page);
});

test("the forbidden page is accessible too", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "You don't have access to this" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
