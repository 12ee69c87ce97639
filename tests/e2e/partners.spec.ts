import { expect, test } from "./fixtures";

test("a community manager records a partner and a channel, then finds it by filtering", async ({ page, signInAs }) => {
  await signInAs("manager");
  const name = `Léa Cuisine ${Date.now()}`;
  await page.goto("/partners");
  await page.getByRole("link", { name: "New partner" }).click();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Website").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Enter a web address without spaces, such as www.example.fr or https://example.fr/page.")).toBeVisible();

  await page.getByLabel("Website").fill("https://lea-cuisine.example.fr");
  await page.getByLabel("Stage").selectOption("active");
  await page.getByLabel("Country").fill("fr");
  await page.getByLabel("Tags").fill("Food, Lyon");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(`Partner ${name} created.`);
  // The message belongs to that page: it does not follow the user around.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: `Edit ${name}` })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.goBack();

  await page.locator("summary", { hasText: "Add a channel" }).click();
  const channel = page.locator("#add-channel");
  await channel.getByLabel("Platform").selectOption("instagram");
  await channel.getByLabel("Handle").fill("@leacuisine");
  await channel.getByLabel("Followers").fill("12,500");
  await channel.getByLabel("Engagement rate (%)").fill("0.2");
  await channel.getByRole("button", { name: "Add a channel" }).click();
  await expect(page.getByRole("status")).toHaveText("Channel added.");
  await expect(page.getByRole("heading", { name: "Instagram @leacuisine" })).toBeVisible();
  // 0.2 % for 12,500 followers is far below the micro tier's usual 2 %.
  await expect(page.getByRole("note")).toContainText("Engagement of 0.2% is far below the 2% usual for micro (≤ 100k) accounts.");

  await page.goto("/partners");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByRole("combobox", { name: "Stage" }).selectOption("active");
  await filters.getByRole("textbox", { name: "Tag", exact: true }).fill("lyon");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stage=active/);
  await expect(page.getByRole("link", { name })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("12,500");
  await expect(row).toContainText("Instagram");

  await page.getByLabel("Search").fill("@LEACUISINE");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("a second editor's stale save is refused, and nothing is overwritten", async ({ page, signInAs }) => {
  await signInAs("manager");
  const name = `Concurrent ${Date.now()}`;
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.waitForURL(/\/edit$/);
  const editUrl = page.url();

  // The same partner is saved first from another tab.
  const otherPage = await page.context().newPage();
  await otherPage.goto(editUrl);
  await otherPage.getByLabel("Name").fill(`${name} (theirs)`);
  await otherPage.getByRole("button", { name: "Save" }).click();
  await expect(otherPage.getByRole("status")).toHaveText("Partner saved.");
  await otherPage.close();

  await page.getByLabel("Name").fill(`${name} (mine)`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Someone else saved this partner since you opened it.");
  await expect(page.getByLabel("Name")).toHaveValue(`${name} (theirs)`);
});

test("viewers read partners but cannot create them", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/partners");
  await expect(page.getByRole("heading", { name: "Partners" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New partner" })).toHaveCount(0);
  const response = await page.goto("/partners/new");
  expect(response?.status()).toBe(403);
});

test("creating a look-alike warns, and the duplicate can be merged from the partner page", async ({ page, signInAs }) => {
  await signInAs("manager");
  const id = Date.now();
  const email = `twin.${id}@example.com`;
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(`Twin One ${id}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Twin One ${id}` })).toBeVisible();

  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(`Twin Two ${id}`);
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(`A partner that looks like the same person already exists: Twin One ${id}.`);
  await page.getByRole("button", { name: "Create anyway" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Twin Two ${id}` })).toBeVisible();

  const duplicates = page.locator("section", { has: page.getByRole("heading", { name: "Possible duplicates" }) });
  await expect(duplicates).toContainText(`Twin One ${id}`);
  await page.locator("html[data-hydrated]").waitFor();
  await duplicates.getByRole("button", { name: `Merge Twin One ${id} into this partner` }).click();
  // The confirmation is a dialog with the same action on its confirm button.
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: `Merge Twin One ${id} into this partner` })
    .click();
  await expect(page.getByRole("status")).toHaveText("Merged into this partner.");
  await expect(page.getByRole("heading", { name: "Possible duplicates" })).toHaveCount(0);

  await page.goto(`/partners?q=twin+one+${id}&archived=1`);
  await page.getByRole("link", { name: `Twin One ${id}` }).click();
  await expect(page.getByRole("note")).toContainText(`This partner was merged into Twin Two ${id}.`);
});

test("bulk stage change and a saved view", async ({ page, signInAs }) => {
  await signInAs("manager");
  const tag = `bulk${Date.now()}`;
  for (const name of ["Bulk One", "Bulk Two"]) {
    await page.goto("/partners/new");
    await page.getByLabel("Name").fill(`${name} ${tag}`);
    await page.getByLabel("Tags").fill(tag);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${name} ${tag}` })).toBeVisible();
  }
  await page.goto(`/partners?tag=${tag}`);
  await page.getByRole("checkbox", { name: `Select Bulk One ${tag}` }).check();
  await page.getByRole("checkbox", { name: `Select Bulk Two ${tag}` }).check();
  const bulk = page.getByRole("form", { name: "Change the selected partners" });
  await bulk.getByLabel("Change").selectOption("stage");
  await bulk.getByLabel("Stage").selectOption("negotiating");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Partners updated: 2.");
  await expect(page.getByRole("row", { name: new RegExp(`Bulk One ${tag}`) })).toContainText("Negotiating");

  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByLabel("View name").fill(`Mine ${tag}`);
  await page.getByRole("button", { name: "Save this view" }).click();
  await expect(page.getByRole("status")).toHaveText("View saved.");
  await page.goto("/partners");
  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByRole("link", { name: `Mine ${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByRole("row")).toHaveCount(3);
});
