import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

/** Issue 3's "done means": a community manager's day, in order, in one browser session. */
test("a community manager's day: import, find, log, get a brief approved, follow up, merge", async ({ page, signInAs }) => {
  const id = Date.now();
  const name = `Day Partner ${id}`;
  const twin = `Day Twin ${id}`;
  await signInAs("manager");

  // 1. Import a CSV.
  const file = path.join(os.tmpdir(), `day-${id}.csv`);
  fs.writeFileSync(
    file,
    [
      `external_id;name;stage;tags;email;platform;handle;followers`,
      `DAY-${id};${name};active;day-${id};day.${id}@example.com;instagram;@day_${id};25 000`,
    ].join("\n"),
  );
  await page.goto("/partners/import");
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Import 1 partner" }).click();
  await expect(page).toHaveURL(/\/partners$/);
  fs.rmSync(file);

  // 2. Find the partner by filtering.
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByRole("combobox", { name: "Stage" }).selectOption("active");
  await filters.getByRole("textbox", { name: "Tag", exact: true }).fill(`day-${id}`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // 3. Log a message, on the partner's outreach tab.
  await page.getByRole("navigation", { name: "Partner sections" }).getByRole("link", { name: "Outreach" }).click();
  await page.locator("summary", { hasText: "Log a message, call or note" }).click();
  await page.locator("#log-interaction").getByLabel("Direction").selectOption("outbound");
  await page.locator("#log-interaction").getByLabel("Message").fill("Sent the spring catalogue.");
  await page.locator("#log-interaction").getByRole("button", { name: "Add to the log" }).click();
  await expect(page.locator(".timeline")).toContainText("Sent the spring catalogue.");
  // The partner's own address, without the tab's (each tab has its own: /partners/<id>/outreach).
  const partnerUrl = page
    .url()
    .split("?")[0]
    .replace(/\/outreach$/, "");

  // 4. Submit a brief; a marketing user approves it.
  await page.locator("summary", { hasText: "Write a message or brief for review" }).click();
  await page.locator("#new-draft").getByLabel("Kind").selectOption("brief");
  await page.locator("#new-draft").getByLabel("Message").fill("Mention #ad in the first line.");
  await page.locator("#new-draft").getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  const draftUrl = page.url();
  await page.context().clearCookies();
  await signInAs("marketing");
  await page.goto(draftUrl);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await page.context().clearCookies();
  await signInAs("manager");

  // 5. Set a follow-up.
  await page.goto(`${partnerUrl}?tab=outreach`);
  await page.locator("summary", { hasText: "Add follow-up" }).click();
  await page.locator("#new-task").getByLabel("What to do").fill("Check the brief was received");
  await page
    .locator("#new-task")
    .getByLabel("Due")
    .fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
  await page.locator("#new-task").getByRole("button", { name: "Add follow-up" }).click();
  await expect(page.getByRole("status")).toHaveText("Follow-up added.");

  // 6. Merge a duplicate (someone created the same person with the same handle).
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(twin);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.locator("summary", { hasText: "Add a channel" }).click();
  await page.locator("#add-channel").getByLabel("Handle").fill(`@DAY_${id}`);
  await page.locator("#add-channel").getByRole("button", { name: "Add a channel" }).click();
  await expect(page.getByRole("status")).toHaveText("Channel added.");
  await page.goto(partnerUrl);
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: `Merge ${twin} into this partner` }).click();
  // The confirmation is a dialog with the same action on its confirm button.
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: `Merge ${twin} into this partner` })
    .click();
  await expect(page.getByRole("status")).toHaveText("Merged into this partner.");
  await expect(page.getByRole("heading", { name: /^Instagram/ })).toHaveCount(2);
});
