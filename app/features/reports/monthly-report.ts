/** The monthly report as rows: the same lines feed the CSV, the PDF and the page's tables. */
import { nice } from "d3-array";
import { change, ratioFormulas, type CostBenefit, type DayPeriod, type RatioName } from "./metrics";
import { formatDaysOfMonth, formatMonth } from "~/shared/format";
import { toCsv } from "~/shared/csv";
import { csvRatio } from "./ranking";
import { csvMoney } from "~/shared/money";

/**
 * A column's heading: the month's name when the month is over, else the days it covers ("1–6 Dec
 * 2026"), so a month under way never looks like a whole one.
 */
export function monthlyColumnLabel(locale: string, month: string, period: DayPeriod, throughDay: number | null): string {
  if (throughDay === null) return formatMonth(locale, month, { month: "long", year: "numeric" });
  return formatDaysOfMonth(locale, period.from, period.to);
}

/** The three columns' headings, for the page, the PDF and the mail. */
export function monthlyColumnLabels(
  locale: string,
  report: { months: Record<MonthlyColumn, string>; periods: Record<MonthlyColumn, DayPeriod>; throughDay: number | null },
): Record<MonthlyColumn, string> {
  const label = (column: MonthlyColumn) => monthlyColumnLabel(locale, report.months[column], report.periods[column], report.throughDay);
  return { current: label("current"), previous: label("previous"), lastYear: label("lastYear") };
}
export type MonthlyColumn = "current" | "previous" | "lastYear";

export interface MonthlyReportData {
  currency: string;
  /** The days each column covers: whole months, or the same first days while the month is under way. */
  periods: Record<MonthlyColumn, DayPeriod>;
  figures: Record<"current" | "previous" | "lastYear", CostBenefit>;
  newPartners: { count: number };
  stageChanges: { from: string; to: string; count: number }[];
  coverageByPlatform: { platform: string; count: number; impressions: number | null }[];
  disclosure: {
    byJurisdiction: {
      key: string;
      checked: number;
      compliant: number;
      insufficient: number;
      missing: number;
      notRequired: number;
      awaitingReview: number;
      confirmedIssues: number;
    }[];
  };
}

export type MonthlyLine =
  | { kind: "money"; item: string; value: (f: CostBenefit) => number | null }
  | { kind: "count"; item: string; value: (f: CostBenefit) => number | null }
  | { kind: "ratio"; item: RatioName; value: (f: CostBenefit) => number | null };

/** The KPI lines compared across the three months, in the order the report shows them. */
export const monthlyKpiLines: MonthlyLine[] = [
  { kind: "money", item: "cost", value: (f) => f.costMinor },
  { kind: "money", item: "gifts_cost", value: (f) => f.sums.giftsMinor },
  { kind: "money", item: "placements_cost", value: (f) => f.sums.placementsMinor },
  { kind: "money", item: "paid_to_date", value: (f) => f.sums.paidMinor },
  { kind: "count", item: "gift_count", value: (f) => f.sums.giftCount },
  { kind: "count", item: "placement_count", value: (f) => f.sums.placementCount },
  { kind: "count", item: "coverage_count", value: (f) => f.sums.coverageCount },
  { kind: "count", item: "impressions", value: (f) => f.sums.impressions },
  { kind: "count", item: "engagements", value: (f) => f.engagements },
  { kind: "count", item: "clicks", value: (f) => f.sums.clicks },
  { kind: "count", item: "conversions", value: (f) => f.sums.conversions },
  { kind: "money", item: "revenue", value: (f) => f.sums.revenueMinor },
  { kind: "money", item: "emv", value: (f) => f.emvMinor },
  // Counted by the app (links and shop orders), apart from the figures people enter.
  { kind: "count", item: "tracked_clicks", value: (f) => f.sums.trackedClicks },
  { kind: "count", item: "attributed_orders", value: (f) => f.sums.orderCount },
  { kind: "money", item: "attributed_revenue", value: (f) => f.sums.orderRevenueMinor },
  { kind: "ratio", item: "cpm", value: (f) => f.ratios.cpm },
  { kind: "ratio", item: "cpe", value: (f) => f.ratios.cpe },
  { kind: "ratio", item: "cpc", value: (f) => f.ratios.cpc },
  { kind: "ratio", item: "cpa", value: (f) => f.ratios.cpa },
  { kind: "ratio", item: "roas", value: (f) => f.ratios.roas },
  { kind: "ratio", item: "roi", value: (f) => f.ratios.roi },
  { kind: "ratio", item: "emvRatio", value: (f) => f.ratios.emvRatio },
  { kind: "ratio", item: "engagementRate", value: (f) => f.ratios.engagementRate },
  { kind: "ratio", item: "complianceRate", value: (f) => f.ratios.complianceRate },
  { kind: "count", item: "unconverted", value: (f) => f.sums.unconverted },
];

/** Lines where more is better (benefit), or less is (cost per result); totals of spend and counts of items sent are neither. */
const betterWhen: Partial<Record<string, "higher" | "lower">> = {
  coverage_count: "higher",
  impressions: "higher",
  engagements: "higher",
  clicks: "higher",
  conversions: "higher",
  revenue: "higher",
  emv: "higher",
  tracked_clicks: "higher",
  attributed_orders: "higher",
  attributed_revenue: "higher",
};

export interface LineChange {
  /** Rates (ROI, engagement and compliance rates) move in percentage points; everything else in percent. */
  kind: "percent" | "points";
  /** A fraction for percent (0.25 = +25 %), points for points (−75 = −75 pts). */
  value: number;
  tone: "good" | "bad" | "neutral";
}

/**
 * How a line moved from `before` to `now`, and whether that is good news: a cost rise is not
 * "good", a CPM fall is. A rate from 75 % to 0 % is −75 points, not −100 %.
 */
export function lineChange(line: MonthlyLine, now: number | null, before: number | null): LineChange | null {
  if (now === null || before === null) return null;
  const formula = line.kind === "ratio" ? ratioFormulas[line.item] : null;
  const points = formula?.unit === "percent";
  const value = points ? (now - before) * 100 : change(now, before);
  if (value === null) return null;
  const direction = formula ? (formula.higherIsBetter ? "higher" : "lower") : betterWhen[line.item];
  // A change too small to show ("0 pts", "0 %" at one decimal) is no news, good or bad.
  const shown = Math.round((points ? value : value * 100) * 10) / 10;
  const tone = shown === 0 || !direction ? "neutral" : value > 0 === (direction === "higher") ? "good" : "bad";
  return { kind: points ? "points" : "percent", value, tone };
}

/** How a line is formatted (`formatKpi`): ratios by their formula's unit. */
export function lineUnit(line: MonthlyLine) {
  if (line.kind === "ratio") return ratioFormulas[line.item].unit;
  return line.kind === "money" ? "amount" : "count";
}

/** One KPI line's value in CSV form: amounts with 2 decimals, ratios with 4, unknown empty. */
export function csvValue(line: MonthlyLine, figures: CostBenefit, currency: string): string {
  const value = line.value(figures);
  if (line.kind === "money") return csvMoney(value, currency);
  if (line.kind === "ratio") return csvRatio(value, ratioFormulas[line.item].unit === "money" ? currency : undefined);
  return value === null ? "" : String(value);
}

/** section, item, this month, previous month, same month last year (the last two only for KPIs). */
export function monthlyReportRows(report: MonthlyReportData): string[][] {
  const { current, previous, lastYear } = report.figures;
  const kpis = monthlyKpiLines.map((line) => [
    "kpi",
    line.item,
    ...[current, previous, lastYear].map((f) => csvValue(line, f, report.currency)),
  ]);
  return [
    ["currency", report.currency, "", "", ""],
    ["period", "from", report.periods.current.from, report.periods.previous.from, report.periods.lastYear.from],
    ["period", "to", report.periods.current.to, report.periods.previous.to, report.periods.lastYear.to],
    ...kpis,
    ["partners", "new_partners", String(report.newPartners.count), "", ""],
    ...report.stageChanges.map((c) => ["stage_change", `${c.from}>${c.to}`, String(c.count), "", ""]),
    ...report.coverageByPlatform.map((p) => ["coverage_by_platform", p.platform, String(p.count), "", ""]),
    ...report.disclosure.byJurisdiction.flatMap((j) => [
      ["disclosure", `${j.key}.checked`, String(j.checked), "", ""],
      ["disclosure", `${j.key}.compliant`, String(j.compliant), "", ""],
      ["disclosure", `${j.key}.insufficient`, String(j.insufficient), "", ""],
      ["disclosure", `${j.key}.missing`, String(j.missing), "", ""],
      ["disclosure", `${j.key}.awaiting_review`, String(j.awaitingReview), "", ""],
      ["disclosure", `${j.key}.confirmed_issues`, String(j.confirmedIssues), "", ""],
    ]),
  ];
}

/** The monthly report as CSV: one row per line, the three months as columns. */
export function monthlyReportCsv(report: MonthlyReportData & { months: { current: string; previous: string; lastYear: string } }): string {
  return toCsv(["section", "item", report.months.current, report.months.previous, report.months.lastYear], monthlyReportRows(report));
}

/** The value axis of the PDF's bars: from 0 to a round value at least 8 % above the tallest bar. */
export function pdfValueAxis(values: number[]): [number, number] {
  const tallest = Math.max(100, ...values);
  return nice(0, tallest * 1.08, 4) as [number, number];
}
