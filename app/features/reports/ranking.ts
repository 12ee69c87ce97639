/** The cost-benefit ranking: its URL state and its CSV (columns fixed by the issue, in order). */
import { z } from "zod";
import { toCsv } from "~/shared/csv";
import { presetPeriod, ratioNames, type CostBenefit, type PeriodPreset } from "./metrics";
import { DEFAULT_PERIOD_PRESET, resolvePeriod } from "./period-query";
import { parseListQuery } from "~/shared/rules";
import { type FilterProblem } from "~/shared/violations";
import { csvMoney, toMajorUnits } from "~/shared/money";
import { PartnerListQuerySchema, searchParamsObject, type PartnerListQuery } from "~/features/partners";

export const rankingSorts = [
  "partner",
  "cost",
  "paidToDate",
  "coverageCount",
  "impressions",
  "engagements",
  "clicks",
  "conversions",
  "revenue",
  "emv",
  ...ratioNames,
] as const;
export type RankingSort = (typeof rankingSorts)[number];

export const PartnerFilterSchema = PartnerListQuerySchema.pick({
  q: true,
  stage: true,
  kind: true,
  platform: true,
  country: true,
  language: true,
  tag: true,
  owner: true,
  followersMin: true,
  followersMax: true,
  archived: true,
  overdue: true,
});
export type PartnerFilter = Pick<PartnerListQuery, keyof z.output<typeof PartnerFilterSchema>>;

const RankingParamsSchema = PartnerFilterSchema.extend({
  sort: z.enum(rankingSorts).catch("roi"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: PartnerListQuerySchema.shape.page,
});

export type RankingQuery = PartnerFilter & {
  preset: PeriodPreset;
  from: string;
  to: string;
  sort: RankingSort;
  dir: "asc" | "desc";
  /** Null: every row (exports). */
  page: number | null;
  pageSize: number;
};

export const RANKING_PAGE_SIZE = 50;

/**
 * `?period=…&sort=roi&…` → the ranking query. What cannot be used (a reversed period, an unknown
 * country) is left out and reported: the page says so on its forms, the export refuses.
 */
export function parseRankingQuery(params: URLSearchParams, today: string): { query: RankingQuery; problems: FilterProblem[] } {
  const period = resolvePeriod(params, today);
  const { query, problems } = parseListQuery(RankingParamsSchema, searchParamsObject(params));
  if ("error" in period) problems.unshift({ field: "period", message: period.error });
  const resolved = "error" in period ? presetPeriod(DEFAULT_PERIOD_PRESET, today) : period.period;
  return { query: { ...query, ...resolved, pageSize: RANKING_PAGE_SIZE }, problems };
}

export const rankingCsvColumns = [
  "partner",
  "external_id",
  "cost",
  "gifts_cost",
  "placements_cost",
  "paid_to_date",
  "coverage_count",
  "impressions",
  "engagements",
  "clicks",
  "conversions",
  "revenue",
  "emv",
  "cpm",
  "cpe",
  "cpc",
  "cpa",
  "roas",
  "roi",
  "compliance_rate",
  "unconverted",
  // Counted by the app (issue 19), after the fixed columns so existing readers keep their places.
  "tracked_clicks",
  "attributed_orders",
  "attributed_revenue",
] as const;

/**
 * A ratio with 4 decimals; null stays empty. CPM, CPE, CPC and CPA are money per unit and are
 * written in major units of the reporting currency.
 */
export function csvRatio(value: number | null, currency?: string): string {
  if (value === null) return "";
  const major = currency === undefined ? value : toMajorUnits(value, currency);
  const rounded = Math.round(major * 10_000) / 10_000;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(4);
}

export function rankingCsvRow(row: CostBenefit & { name: string; externalId: string | null }, currency: string): string[] {
  const { sums, ratios } = row;
  const count = (value: number | null) => (value === null ? "" : String(value));
  return [
    row.name,
    row.externalId ?? "",
    csvMoney(row.costMinor, currency),
    csvMoney(sums.giftsMinor, currency),
    csvMoney(sums.placementsMinor, currency),
    csvMoney(sums.paidMinor, currency),
    String(sums.coverageCount),
    count(sums.impressions),
    count(row.engagements),
    count(sums.clicks),
    count(sums.conversions),
    csvMoney(sums.revenueMinor, currency),
    csvMoney(row.emvMinor, currency),
    csvRatio(ratios.cpm, currency),
    csvRatio(ratios.cpe, currency),
    csvRatio(ratios.cpc, currency),
    csvRatio(ratios.cpa, currency),
    csvRatio(ratios.roas),
    csvRatio(ratios.roi),
    csvRatio(ratios.complianceRate),
    String(sums.unconverted),
    count(sums.trackedClicks),
    String(sums.orderCount ?? 0),
    csvMoney(sums.orderRevenueMinor ?? 0, currency),
  ];
}

export function rankingCsv(rows: (CostBenefit & { name: string; externalId: string | null })[], currency: string): string {
  return toCsv(
    [...rankingCsvColumns],
    rows.map((row) => rankingCsvRow(row, currency)),
  );
}
