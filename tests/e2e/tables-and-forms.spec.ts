/** The shared table sorts from its headers, and forms cannot record the same thing twice. */
import { expect, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { columnValues, figure } from "./table-reading";

function expectOrdered(values: (number | string | null)[], direction: "asc" | "desc") {
  const known = values.filter((v) => v !== null) as (number | string)[];
  const sorted = [...known].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en", { sensitivity: "base" }),
  );
  if (direction === "desc") sorted.reverse();
  expect(known).toEqual(sorted);
}

async function clickHeader(page: Page, header: string) {
  const link = page
    .locator("thead th")
    .filter({ hasText: new RegExp(`^${header}`, "i") })
    .getByRole("link");
  const target = (await link.getAttribute("href"))!;
  await link.click();
  // The rows change once the page at the link's address has loaded.
  await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
}

test("every sortable header of the partner list orders the rows by its column", async ({ page, signInAs }) => {
  await signInAs("manager");
  for (const [name, followers, country] of [
    ["Sort Alpha", "900", "FR"],
    ["Sort Beta", "50000", "BE"],
    ["Sort Gamma", "7000", "DE"],
  ]) {
    await page.goto("/partners/new");
    await page.getByLabel("Name").fill(`${name} ${Date.now()}`);
    await page.getByLabel("Country").fill(country);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.locator("summary", { hasText: "Add a channel" }).click();
    await page.locator("#add-channel").getByLabel("Followers").fill(followers);
    await page.locator("#add-channel").getByRole("button", { name: "Add a channel" }).click();
    await expect(page.getByRole("status")).toHaveText("Channel added.");
  }
  await page.goto("/partners?q=sort");
  const table = page.getByRole("table");
  await clickHeader(page, "Followers");
  await expect(page).toHaveURL(/sort=followers&dir=asc/);
  expectOrdered((await columnValues(table, "Followers")).map(figure), "asc");
  await clickHeader(page, "Followers");
  await expect(page).toHaveURL(/sort=followers&dir=desc/);
  expect((await columnValues(table, "Followers")).map(figure)).toEqual([50000, 7000, 900]);
  await clickHeader(page, "Country");
  expectOrdered(await columnValues(table, "Country"), "asc");
  await clickHeader(page, "Name");
  expectOrdered(await columnValues(table, "Name"), "asc");
  await expect(table.locator("thead th[aria-sort='ascending']")).toHaveText(/Name/);
});

/** A new partner's outreach tab with its follow-up form open, ready to fill in. */
async function openFollowUpForm(page: Page, name: string) {
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("navigation", { name: "Partner sections" }).getByRole("link", { name: "Outreach" }).click();
  await page.locator("html[data-hydrated]").waitFor();
  await page.locator("summary", { hasText: "Add follow-up" }).click();
  return page.locator("#new-task");
}

test("a saved form empties without sending itself again, and keeps its confirmation on screen", async ({ page, signInAs }) => {
  await signInAs("manager");
  const form = await openFollowUpForm(page, `Single Post ${Date.now()}`);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await form.getByLabel("What to do").fill("Call back on Monday");
  await form.getByLabel("Due").fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Add follow-up" }).click();
  await expect(form.getByLabel("What to do")).toHaveValue("");
  await page.waitForLoadState("networkidle");
  // Resetting the form once saved used to post it again (an empty follow-up, refused), which
  // re-read the page and took the confirmation away.
  expect(posts).toHaveLength(1);
  await expect(page.getByRole("status")).toHaveText("Follow-up added.");
});

test("a follow-up form empties after saving, and a double click records one follow-up", async ({ page, signInAs }) => {
  await signInAs("manager");
  const form = await openFollowUpForm(page, `Double Click ${Date.now()}`);
  await form.getByLabel("What to do").fill("Send the press kit");
  await form.getByLabel("Due").fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  const keyBefore = await form.locator("input[name=idempotencyKey]").inputValue();
  await form.getByRole("button", { name: "Add follow-up" }).dblclick();
  await expect(page.getByRole("status")).toHaveText(/Follow-up added|already saved/);
  await expect(page.getByRole("region", { name: "Follow-ups" }).getByText("Send the press kit")).toHaveCount(1);
  await expect(form.getByLabel("What to do")).toHaveValue("");
  // The next entry gets a key of its own.
  expect(keyBefore).toMatch(/^[0-9a-f]{32}$/);
  await expect(form.locator("input[name=idempotencyKey]")).not.toHaveValue(keyBefore);
});

/** A log entry dated tomorrow: the server refuses it (errors.inFuture), whatever the browser allowed. */
async function logEntryInTheFuture(page: Page) {
  await page.locator("summary", { hasText: "Log a message, call or note" }).click();
  const form = page.locator("#log-interaction");
  await form.getByLabel("When").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
  await form.getByLabel("Subject").fill("Relance coffret");
  await form.getByLabel("Message").fill("Bonjour Léa, avez-vous bien reçu le coffret ?");
  await form.getByRole("button", { name: "Add to the log" }).click();
  return form;
}

test("a refused entry on the outreach tab comes back on that tab, with its error and what was typed", async ({ page, signInAs }) => {
  await signInAs("manager");
  await openFollowUpForm(page, `Refused Tab ${Date.now()}`);
  const form = await logEntryInTheFuture(page);
  await expect(form.getByText("This is in the future.")).toBeVisible();
  await expect(page).toHaveURL(/\/partners\/[^/]+\/outreach/);
  await expect(page.getByRole("navigation", { name: "Partner sections" }).getByRole("link", { name: "Outreach" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(form.getByLabel("Message")).toHaveValue("Bonjour Léa, avez-vous bien reçu le coffret ?");
});

/** A manager's browser with JavaScript off, and a partner created there with a plain form POST. */
async function partnerWithoutJavaScript(browser: Browser, baseURL: string | undefined, signedIn: Page, name: string) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
  const plain = await context.newPage();
  await plain.goto("/partners/new");
  await plain.getByLabel("Name").fill(name);
  await plain.getByRole("button", { name: "Create", exact: true }).click();
  await expect(plain.getByRole("heading", { level: 1, name })).toBeVisible();
  return { context, plain };
}

test("a form works before JavaScript runs: a plain POST creates the partner", async ({ browser, baseURL, signInAs, page }) => {
  await signInAs("manager");
  const { context } = await partnerWithoutJavaScript(browser, baseURL, page, `Plain Post ${Date.now()}`);
  await context.close();
});

test("without JavaScript an unticked box is a valid answer: the browser does not demand it", async ({
  browser,
  baseURL,
  signInAs,
  page,
}) => {
  await signInAs("manager");
  const { context, plain } = await partnerWithoutJavaScript(browser, baseURL, page, `Plain Gift ${Date.now()}`);
  await plain.goto("/gifts/new");
  const boxes = plain.locator("form input[type=checkbox]");
  expect(await boxes.count()).toBeGreaterThan(0);
  for (const box of await boxes.all()) await expect(box).not.toHaveAttribute("required");
  await context.close();
});

test("without JavaScript a confirmation is a page of its own: archiving asks first", async ({ browser, baseURL, signInAs, page }) => {
  await signInAs("manager");
  const name = `Plain Archive ${Date.now()}`;
  const { context, plain } = await partnerWithoutJavaScript(browser, baseURL, page, name);
  const partnerUrl = plain.url();
  await plain.getByRole("link", { name: "Archive" }).click();
  const question = plain.getByRole("alertdialog");
  await expect(question).toContainText(name);
  // Cancel changes nothing.
  await question.getByRole("link", { name: "Cancel" }).click();
  await expect(plain.getByRole("alertdialog")).toHaveCount(0);
  await plain.getByRole("link", { name: "Archive" }).click();
  await plain.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click();
  await expect(plain.getByRole("status")).toContainText("archived");
  expect(plain.url()).toBe(partnerUrl);
  await context.close();
});

test("without JavaScript a refused entry comes back on its tab too: the server answers 400 with the errors and the text", async ({
  browser,
  baseURL,
  signInAs,
  page,
}) => {
  await signInAs("manager");
  const { context, plain } = await partnerWithoutJavaScript(browser, baseURL, page, `Plain Refused ${Date.now()}`);
  await plain.getByRole("navigation", { name: "Partner sections" }).getByRole("link", { name: "Outreach" }).click();
  const refused = plain.waitForResponse((response) => response.request().method() === "POST");
  const form = await logEntryInTheFuture(plain);
  expect((await refused).status()).toBe(400);
  await expect(plain).toHaveURL(/\/partners\/[^/]+\/outreach\?intent=log/);
  await expect(form.getByText("This is in the future.")).toBeVisible();
  await expect(form.getByLabel("Subject")).toHaveValue("Relance coffret");
  await expect(form.getByLabel("Message")).toHaveValue("Bonjour Léa, avez-vous bien reçu le coffret ?");
  await context.close();
});
