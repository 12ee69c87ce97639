/**
 * The README's tour: screenshots of the main pages on the demo workspace, written to
 * docs/screenshots/. Run with `npm run screenshots` (not part of `npm test`).
 */
import path from "node:path";
import type { Role } from "../../app/shared/permissions";
import { demo, expect, test, type Demo } from "./demo-fixtures";

const out = path.resolve("docs/screenshots");

const shots: { file: string; role: Role; url: (records: Demo["records"]) => string; width?: number }[] = [
  { file: "dashboard-marketing", role: "marketing", url: () => "/" },
  { file: "partners", role: "marketing", url: () => "/partners" },
  { file: "partner", role: "marketing", url: (r) => `/partners/${r.partner}` },
  { file: "partner-cost-benefit", role: "marketing", url: (r) => `/partners/${r.partner}?tab=cost-benefit` },
  { file: "cost-benefit-ranking", role: "marketing", url: () => "/reports/cost-benefit" },
  { file: "monthly-report", role: "marketing", url: () => "/reports/monthly" },
  { file: "spend", role: "marketing", url: () => "/spend" },
  { file: "dashboard-compliance", role: "compliance", url: () => "/" },
  { file: "compliance-queue", role: "compliance", url: () => "/compliance" },
  { file: "partner-phone", role: "marketing", url: (r) => `/partners/${r.partner}`, width: 390 },
  { file: "dashboard-phone", role: "marketing", url: () => "/", width: 390 },
  { file: "content-review", role: "compliance", url: () => "/content" },
  { file: "captured-from-feeds", role: "manager", url: () => "/coverage/captured" },
  { file: "snapshot-disclosure-removed", role: "compliance", url: (r) => `/coverage/${r.snapshot}` },
];

for (const shot of shots) {
  test(`tour: ${shot.file}`, async ({ page, signInAs }) => {
    await signInAs(shot.role);
    await page.setViewportSize({ width: shot.width ?? 1440, height: shot.width ? 844 : 900 });
    await page.goto(shot.url(demo().records));
    await expect(page.locator("main h1")).toBeVisible();
    await page.screenshot({ path: path.join(out, `${shot.file}.png`), fullPage: !shot.width });
  });
}

/** The partner's side: the portal in French, a draft checked as it is typed, and the team's review of it. */
test("tour: the partner portal", async ({ page, browser, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs("manager");
  await page.goto(`/partners/${demo().records.partner}`);
  await page.getByRole("button", { name: /Create a portal link|Créer un lien vers le portail/ }).click();
  const link = await page.locator(".portal-link-field").inputValue();
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1440, height: 900 } });
  const portal = await context.newPage();
  await portal.goto(link);
  await expect(portal.locator("main h1")).toBeVisible();
  await portal.screenshot({ path: path.join(out, "portal.png"), fullPage: true });
  await portal.goto("/portal/content/new");
  await portal.getByLabel("Sujet").selectOption({ index: 1 });
  await portal.getByLabel("Plateforme", { exact: true }).selectOption("instagram");
  await portal.getByLabel("Date de publication prévue").fill("2026-12-20");
  await portal.getByLabel("Légende ou texte").fill("Trois semaines avec le coffret, mon avis honnête #zerodechet #routine");
  await expect(portal.getByTestId("draft-check")).toBeVisible();
  await portal.screenshot({ path: path.join(out, "portal-draft-check.png"), fullPage: true });
  await portal.setViewportSize({ width: 390, height: 844 });
  await portal.screenshot({ path: path.join(out, "portal-draft-check-phone.png") });
  await context.close();
});
