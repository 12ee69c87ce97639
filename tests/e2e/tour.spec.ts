/**
 * The README's tour: screenshots of the main pages on the demo workspace, written to
 * docs/screenshots/. Run with `npm run screenshots` (not part of `npm test`).
 */
import path from "node:path";
import type { Role } from "../../app/utils/permissions";
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
