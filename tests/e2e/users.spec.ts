import { expect, test } from "./fixtures";

test("an admin creates a user, who then appears in the list", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/settings/users");
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/Page 1 of 1 · \d+ in all/);
  await expect(page.getByText("valid for 7 days")).toBeVisible();
  const form = page.locator("section", { has: page.getByRole("heading", { name: "Create a user" }) });

  await form.getByLabel("Full name").fill("Noé Nouveau");
  await form.getByLabel("Email").fill("bad-email");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();

  const email = `noe.${Date.now()}@example.com`;
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("marketing");
  await form.getByLabel("Password").fill("a-long-first-password");
  await form.getByRole("button", { name: "Create" }).click();

  await expect(page.getByRole("status")).toHaveText(`User ${email} created.`);
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("Noé Nouveau");
  await expect(row).toContainText("Marketing");
  await expect(row).toContainText("Active");
});

test("a viewer is refused a write with 403, even without the UI", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "You don't have access to this" })).toBeVisible();

  await page.goto("/");
  const response = await page.request.post("/settings/users", {
    form: { intent: "create", name: "Sneaky", email: "sneaky@example.com", role: "admin", password: "a-long-first-password" },
  });
  expect(response.status()).toBe(403);

  await signInAs("admin");
  await page.goto("/settings/users");
  await expect(page.getByRole("row", { name: /sneaky@example\.com/ })).toHaveCount(0);
});

test("unknown pages get a readable 404", async ({ page, signInAs }) => {
  await signInAs("manager");
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
});
