import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

test("first run leads to set-up, validates, and creates the first admin", async ({ page }) => {
  await page.goto("/partners");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome: create the first admin" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Full name").fill("Fiona First");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.").last()).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Fiona First");

  await page.getByLabel("Email").fill("fiona@example.com");
  await page.getByLabel("Password", { exact: true }).fill("a-very-long-password");
  await page.getByLabel("Confirm password").fill("a-very-long-password");
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page.getByRole("heading", { name: "Welcome, Fiona First" })).toBeVisible();
  await expect(page.getByText("Signed in as Fiona First (Admin)")).toBeVisible();

  // Set-up is over: the page now sends people to sign in.
  await page.context().clearCookies();
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
});
