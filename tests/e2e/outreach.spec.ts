import { expect, test } from "./fixtures";

test("a community manager logs a message, gets a brief approved by compliance, sends it, and sets a follow-up", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  const name = `Brief Partner ${Date.now()}`;
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // 1. Log an incoming message, on the partner's outreach tab.
  await page.getByRole("navigation", { name: "Partner sections" }).getByRole("link", { name: "Outreach" }).click();
  await page.locator("summary", { hasText: "Log a message, call or note" }).click();
  const log = page.locator("#log-interaction");
  await log.getByLabel("Type").selectOption("email");
  await log.getByLabel("Direction").selectOption("inbound");
  await log.getByLabel("Subject").fill("Loved the samples");
  await log.getByLabel("Message").fill("Thank you, I will post next week.");
  await log.getByRole("button", { name: "Add to the log" }).click();
  await expect(page.getByRole("status")).toHaveText("Added to the log.");
  await expect(page.locator(".timeline")).toContainText("Thank you, I will post next week.");

  // 2. Write a brief and submit it for review.
  await page.locator("summary", { hasText: "Write a message or brief for review" }).click();
  const draft = page.locator("#new-draft");
  await draft.getByLabel("Kind").selectOption("brief");
  await draft.getByLabel("Subject").fill("Spring brief");
  await draft.getByLabel("Message").fill("Please disclose the partnership with #ad.");
  await draft.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: `Brief to ${name}` })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toHaveText("Submitted for review.");
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  // The author gets no approve button.
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const draftUrl = page.url();

  // 3. A compliance user approves it.
  await page.context().clearCookies();
  await signInAs("compliance");
  await page.goto("/drafts");
  await page
    .getByRole("link", { name: new RegExp(`Spring brief`) })
    .first()
    .click();
  await expect(page).toHaveURL(draftUrl);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved.");

  // 4. The manager marks it sent: it joins the outreach log.
  await page.context().clearCookies();
  await signInAs("manager");
  await page.goto(draftUrl);
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  // The confirmation is a dialog with the same action on its confirm button.
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByRole("status")).toHaveText("Recorded as sent.");
  await expect(page.locator(".timeline")).toContainText("approved");
  await page.getByRole("link", { name }).click();
  await expect(page.locator(".timeline")).toContainText("Sent after approval");

  // 5. A follow-up, due yesterday, shows as overdue in "my follow-ups".
  await page.locator("summary", { hasText: "Add follow-up" }).click();
  const task = page.locator("#new-task");
  await task.getByLabel("What to do").fill("Check the post went live");
  await task.getByLabel("Due").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await task.getByRole("button", { name: "Add follow-up" }).click();
  await expect(page.getByRole("status")).toHaveText("Follow-up added.");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Follow-ups" }).click();
  const overdue = page.locator("section", { has: page.getByRole("heading", { name: "Overdue" }) });
  await expect(overdue).toContainText("Check the post went live");
  await expect(overdue).toContainText(name);
});
