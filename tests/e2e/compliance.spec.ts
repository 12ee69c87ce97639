import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

async function newPartner(page: Page, name: string) {
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/").pop()!;
}

/** Records an Instagram post for the partner; `gifted` ticks the partner's first gift, else the "gifted" flag is set by hand. */
async function recordPost(page: Page, partnerId: string, text: string, { linkGift = false } = {}) {
  await page.goto(`/coverage/new?partnerId=${partnerId}`);
  await page.getByLabel("Link (http or https)").fill(`https://instagram.com/p/${Date.now()}`);
  await page.getByLabel("Platform", { exact: true }).selectOption("instagram");
  await page.getByLabel("Text as published").fill(text);
  if (linkGift) await page.getByLabel(/Gift: 1 × Sérum/).check();
  else {
    await page.getByLabel("Gifted", { exact: true }).selectOption("yes");
    await page.getByLabel("Reason for the change").fill("Press trip paid outside the tool");
  }
  await page.getByLabel("Impressions", { exact: true }).fill("12 000");
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByText("Coverage saved. Its disclosure is missing or insufficient")).toBeVisible();
  return page.url().split("/").pop()!;
}

test("a gifted post without a disclosure is queued and a compliance user confirms the issue", async ({ page, signInAs }) => {
  await signInAs("manager");
  const name = `Gifted Poster ${Date.now()}`;
  const partnerId = await newPartner(page, name);
  await page.goto(`/gifts/new?partnerId=${partnerId}`);
  await page.getByLabel("Item", { exact: true }).fill("Sérum");
  await page.getByLabel("Unit value").fill("25");
  await page.getByLabel("Status").selectOption("shipped");
  await page.getByLabel("Shipped on").fill("2026-03-01");
  await page.getByRole("button", { name: "Save gift" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sérum");

  const coverageId = await recordPost(page, partnerId, "Ma routine du soir avec ce sérum ✨", { linkGift: true });
  await expect(page.getByText("Paid: No · Gifted: Yes · Affiliate: No")).toBeVisible();
  await expect(page.getByText("No disclosure", { exact: true })).toBeVisible();
  await expect(page.getByText("Waiting for a compliance review.")).toBeVisible();
  await expect(page.getByText("Impressions").first()).toBeVisible();

  await page.context().clearCookies();
  await signInAs("compliance");
  await page.goto(`/compliance?partnerId=${partnerId}`);
  await expect(page.getByText("1 item to review")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: /instagram\.com/ }).click();
  await expect(page).toHaveURL(new RegExp(`/coverage/${coverageId}`));
  await page.getByLabel("Decision", { exact: true }).selectOption("confirmed_issue");
  await page.getByLabel("Note or reason").fill("Ask her to add « Publicité » at the start.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Decision recorded.")).toBeVisible();
  await expect(page.getByText("Decision: Confirmed issue.")).toBeVisible();
  await expect(page.getByText("Ask her to add « Publicité » at the start.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/compliance?partnerId=${partnerId}`);
  await expect(page.getByText("Nothing to review")).toBeVisible();
  await page.goto(`/partners/${partnerId}?tab=coverage`);
  const record = page.getByRole("region", { name: "Disclosure record" });
  // Plurals follow the language's rules: "1 check", "1 confirmed issue".
  await expect(record.getByText("1 check needed a disclosure; 0 were compliant (0%).")).toBeVisible();
  await expect(record.getByText("Open: 0 waiting for review, 1 confirmed issue.")).toBeVisible();
});

test("a false positive is dismissed only with a reason", async ({ page, signInAs }) => {
  await signInAs("manager");
  const partnerId = await newPartner(page, `False Positive ${Date.now()}`);
  const coverageId = await recordPost(page, partnerId, "Thanks to my sister for this lovely gift 🎁 #collab");

  await page.context().clearCookies();
  await signInAs("compliance");
  await page.goto(`/coverage/${coverageId}`);
  await expect(page.getByText("Unclear wording", { exact: true })).toBeVisible();
  await page.getByLabel("Decision", { exact: true }).selectOption("false_positive");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Say why this is a false positive.")).toBeVisible();
  await page.getByLabel("Note or reason").fill("A family gift, not from the brand.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Decision recorded.")).toBeVisible();
  await expect(page.getByText("Decision: False positive.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Decisions" }).getByText("A family gift, not from the brand.")).toBeVisible();
  await page.goto(`/compliance?partnerId=${partnerId}`);
  await expect(page.getByText("Nothing to review")).toBeVisible();
});

test("the French UI explains a reason in French and highlights the marker", async ({ page, signInAs, browser }) => {
  await signInAs("manager");
  const partnerId = await newPartner(page, `Partenaire FR ${Date.now()}`);
  const longIntro =
    "Mon avis après trois semaines d'utilisation : la texture est légère, le parfum discret et la peau plus douce au réveil. Je le garde dans ma routine du soir. ";
  const coverageId = await recordPost(page, partnerId, `${longIntro}#publicité`);

  await page.context().clearCookies();
  await signInAs("compliance");
  // A French browser, with the same session.
  const french = await browser.newContext({
    locale: "fr-FR",
    extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" },
    baseURL: test.info().project.use.baseURL,
  });
  await french.addCookies(await page.context().cookies());
  const fr = await french.newPage();
  await fr.goto(`/coverage/${coverageId}`);
  await expect(fr.locator("html")).toHaveAttribute("lang", "fr");
  await expect(fr.getByText("Mention cachée sous le « plus »")).toBeVisible();
  await expect(fr.getByText(/La mention admise n’apparaît qu’après l’endroit où la plateforme coupe le texte/)).toBeVisible();
  await expect(fr.locator("mark.marker-accepted", { hasText: "#publicité" })).toContainText("sous le « plus »");
  await expect(fr.getByText(/Ni cette retombée ni sa campagne n’indiquent de juridiction/)).toBeVisible();
  await expectNoSeriousA11yViolations(fr);
  await french.close();
});

test("a re-check runs as a job with a progress page, and ends on its result", async ({ page, signInAs }) => {
  await signInAs("compliance");
  await page.goto("/compliance/rules/UK");
  await page.getByRole("button", { name: "Re-check now" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Re-checking coverage against the new rules");
  // The page follows the job by itself until it is done.
  await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status")).toContainText(/of \d+ done · 100/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
  await page.getByRole("link", { name: "See the result" }).click();
  await expect(page).toHaveURL(/\/compliance\/rechecks\//);
});
