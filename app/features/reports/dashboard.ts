/** Dashboard thresholds and figures, shared by the loaders and the page. */
import { committedMinor, wouldExceedBudget } from "~/shared/money";
import { complianceRate } from "./metrics";

/** Gifts shipped this many days ago with no coverage yet are "waiting" on the CM dashboard. */
export const WAITING_DAYS = 14;
export const NEW_COVERAGE_DAYS = 7;
/** Dashboard counts stop here ("1,000+"): past it the exact number is on the list the count links to. */
export const DASHBOARD_COUNT_CAP = 1000;

/** The marketing tiles: how many campaigns are over budget, and the year's committed spend. */
export function marketingTiles(marketing: {
  campaigns: { budgetMinor: number | null; committedMinor: number }[];
  spendByMonth: Record<string, { giftsMinor: number; placementsMinor: number }>;
}) {
  return {
    overBudget: marketing.campaigns.filter((campaign) => wouldExceedBudget(campaign.budgetMinor, campaign.committedMinor)).length,
    yearSpendMinor: Object.values(marketing.spendByMonth).reduce((sum, month) => sum + committedMinor(month), 0),
  };
}

/** How much of a campaign's budget is committed, in percent; a zero budget counts as one minor unit (any spend is far over). */
export function budgetUsePercent(committed: number, budgetMinor: number | null): number {
  return (100 * committed) / (budgetMinor || 1);
}

/** Several jurisdictions' rows together: their compliant and required checks, and the rate between them. */
export function complianceTotals(rows: { required: number; compliant: number }[]) {
  const compliant = rows.reduce((total, row) => total + row.compliant, 0);
  const required = rows.reduce((total, row) => total + row.required, 0);
  return { compliant, required, rate: complianceRate(compliant, required) };
}
