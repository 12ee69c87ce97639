/**
 * Cost-benefit metrics (metrics.md v1). SQL sums the rows; this module is the only place that
 * turns those sums into cost, benefit and ratios. Each formula is written once, as data, so the
 * ranking can sort by it in SQL (see `metrics.server.ts`) and every view shows the same figure.
 */
import { addDays, addMonths } from "~/shared/days";
import type { SpendSums } from "~/features/spend";

/** What SQL hands over for one scope (a partner, a campaign, a month, the programme). */
export interface CostBenefitSums extends SpendSums {
  coverageCount: number;
  /** Benefit sums over known values; null when no item in scope knows the metric. */
  impressions: number | null;
  reach: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  conversions: number | null;
  revenueMinor: number | null;
  /** Current disclosure checks that require a disclosure, and those of them that are compliant. */
  disclosureRequired: number;
  disclosureCompliant: number;
  /**
   * Counted by the app, shown apart from what people entered so nothing is counted twice: clicks
   * on tracked links (null when no link has any), and shop orders attributed to the partner with
   * their revenue net of refunds. The ratios of metrics.md keep using the entered figures.
   */
  trackedClicks: number | null;
  orderCount: number;
  orderRevenueMinor: number;
  /** Money rows (gifts, placements, payments, revenue, orders) left out because no rate could be used. */
  unconverted: number;
}

export type SumName = Exclude<keyof CostBenefitSums, "unconverted">;

/** Workspace EMV rates, in minor units of the reporting currency. */
export interface EmvRates {
  perMilleMinor: number;
  perEngagementMinor: number;
  perClickMinor: number;
  /** True until someone has set the rates: views label them "placeholder rates". */
  placeholder: boolean;
}

export type DerivedName = "cost" | "engagements" | "emv";
export type Quantity = SumName | DerivedName;
type Term = readonly [Quantity, number];

/**
 * cost = gifts + committed placements; engagements = likes + comments + shares + saves;
 * EMV = impressions / 1000 × per mille + engagements × per engagement + clicks × per click.
 * Each counts only its known parts and is unknown only when every part is.
 */
export function derivedFormulas(rates: EmvRates): Record<DerivedName, readonly Term[]> {
  return {
    cost: [
      ["giftsMinor", 1],
      ["placementsMinor", 1],
    ],
    engagements: [
      ["likes", 1],
      ["comments", 1],
      ["shares", 1],
      ["saves", 1],
    ],
    emv: [
      ["impressions", rates.perMilleMinor / 1000],
      ["engagements", rates.perEngagementMinor],
      ["clicks", rates.perClickMinor],
    ],
  };
}

export const ratioNames = [
  "cpm",
  "cpe",
  "cpc",
  "cpa",
  "costPerCoverage",
  "roas",
  "roi",
  "emvRatio",
  "engagementRate",
  "complianceRate",
] as const;
export type RatioName = (typeof ratioNames)[number];

export interface RatioFormula {
  /** Every term must be known, else the ratio is unknown. */
  numerator: readonly Term[];
  /** The first known one is used (engagement rate falls back from impressions to reach). */
  denominator: readonly Quantity[];
  scale: number;
  /** Money per unit (shown as an amount) or a plain number (shown as a ratio or percentage). */
  unit: "money" | "ratio" | "percent";
  /** Whether a higher value is better, for "worth their cost" colouring and best/worst lists. */
  higherIsBetter: boolean;
}

export const ratioFormulas: Record<RatioName, RatioFormula> = {
  cpm: { numerator: [["cost", 1]], denominator: ["impressions"], scale: 1000, unit: "money", higherIsBetter: false },
  cpe: { numerator: [["cost", 1]], denominator: ["engagements"], scale: 1, unit: "money", higherIsBetter: false },
  cpc: { numerator: [["cost", 1]], denominator: ["clicks"], scale: 1, unit: "money", higherIsBetter: false },
  cpa: { numerator: [["cost", 1]], denominator: ["conversions"], scale: 1, unit: "money", higherIsBetter: false },
  costPerCoverage: { numerator: [["cost", 1]], denominator: ["coverageCount"], scale: 1, unit: "money", higherIsBetter: false },
  roas: { numerator: [["revenueMinor", 1]], denominator: ["cost"], scale: 1, unit: "ratio", higherIsBetter: true },
  roi: {
    numerator: [
      ["revenueMinor", 1],
      ["cost", -1],
    ],
    denominator: ["cost"],
    scale: 1,
    unit: "percent",
    higherIsBetter: true,
  },
  emvRatio: { numerator: [["emv", 1]], denominator: ["cost"], scale: 1, unit: "ratio", higherIsBetter: true },
  engagementRate: {
    numerator: [["engagements", 1]],
    denominator: ["impressions", "reach"],
    scale: 1,
    unit: "percent",
    higherIsBetter: true,
  },
  complianceRate: {
    numerator: [["disclosureCompliant", 1]],
    denominator: ["disclosureRequired"],
    scale: 1,
    unit: "percent",
    higherIsBetter: true,
  },
};

/** The sums a quantity or ratio is computed from (what a query must add up to sort by it). */
export function sumsBehind(quantity: Quantity | RatioName): SumName[] {
  const derived = derivedFormulas({ perMilleMinor: 0, perEngagementMinor: 0, perClickMinor: 0, placeholder: true });
  if (quantity in ratioFormulas) {
    const formula = ratioFormulas[quantity as RatioName];
    return [...new Set([...formula.numerator.map(([q]) => q), ...formula.denominator].flatMap(sumsBehind))];
  }
  if (quantity in derived) return [...new Set(derived[quantity as DerivedName].flatMap(([q]) => sumsBehind(q)))];
  return [quantity as SumName];
}

export type Ratios = Record<RatioName, number | null>;

export interface CostBenefit {
  sums: CostBenefitSums;
  costMinor: number;
  engagements: number | null;
  emvMinor: number | null;
  ratios: Ratios;
  /** Nothing at all happened in scope: views show an empty state, not a row of zeros. */
  empty: boolean;
}

function knownSum(terms: readonly Term[], value: (q: Quantity) => number | null): number | null {
  let total: number | null = null;
  for (const [quantity, coefficient] of terms) {
    const v = value(quantity);
    if (v !== null) total = (total ?? 0) + v * coefficient;
  }
  return total;
}

function allKnownSum(terms: readonly Term[], value: (q: Quantity) => number | null): number | null {
  let total = 0;
  for (const [quantity, coefficient] of terms) {
    const v = value(quantity);
    if (v === null) return null;
    total += v * coefficient;
  }
  return total;
}

/** A ratio, or null when its denominator is 0 or unknown (or its numerator unknown). */
export function ratio(formula: RatioFormula, value: (q: Quantity) => number | null): number | null {
  const denominatorQuantity = formula.denominator.find((q) => value(q) !== null);
  const denominator = denominatorQuantity === undefined ? null : value(denominatorQuantity);
  if (denominator === null || denominator === 0) return null;
  const numerator = allKnownSum(formula.numerator, value);
  return numerator === null ? null : (numerator / denominator) * formula.scale;
}

export function costBenefit(sums: CostBenefitSums, rates: EmvRates): CostBenefit {
  const derived = derivedFormulas(rates);
  const cache = new Map<Quantity, number | null>();
  const value = (q: Quantity): number | null => {
    if (!cache.has(q)) cache.set(q, q in derived ? knownSum(derived[q as DerivedName], value) : sums[q as SumName]);
    return cache.get(q)!;
  };
  const ratios = Object.fromEntries(ratioNames.map((name) => [name, ratio(ratioFormulas[name], value)])) as Ratios;
  return {
    sums,
    costMinor: value("cost") ?? 0,
    engagements: value("engagements"),
    emvMinor: value("emv"),
    ratios,
    empty:
      sums.giftCount + sums.placementCount + sums.paymentCount + sums.coverageCount + sums.disclosureRequired === 0 &&
      sums.unconverted === 0 &&
      !(sums.orderCount > 0) &&
      !(sums.trackedClicks !== null && sums.trackedClicks > 0),
  };
}

/** compliant / requiring disclosure, or null when nothing required one. */
export function complianceRate(compliant: number, required: number): number | null {
  return ratio(ratioFormulas.complianceRate, (q) =>
    q === "disclosureCompliant" ? compliant : q === "disclosureRequired" ? required : null,
  );
}

/** One post's engagement rate (metrics.md): engagements / impressions, else / reach. */
export function postEngagementRate(
  post: Pick<CostBenefitSums, "impressions" | "reach" | "likes" | "comments" | "shares" | "saves">,
): number | null {
  return costBenefit({ ...emptySums(), ...post }, { perMilleMinor: 0, perEngagementMinor: 0, perClickMinor: 0, placeholder: true }).ratios
    .engagementRate;
}

export function emptySums(): CostBenefitSums {
  return {
    giftsMinor: 0,
    placementsMinor: 0,
    paidMinor: 0,
    giftCount: 0,
    placementCount: 0,
    paymentCount: 0,
    coverageCount: 0,
    impressions: null,
    reach: null,
    views: null,
    likes: null,
    comments: null,
    shares: null,
    saves: null,
    clicks: null,
    conversions: null,
    revenueMinor: null,
    disclosureRequired: 0,
    disclosureCompliant: 0,
    trackedClicks: null,
    orderCount: 0,
    orderRevenueMinor: 0,
    unconverted: 0,
  };
}

/** Relative change from `before` to `now`; null when there is nothing to compare with. */
export function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / Math.abs(before);
}

// ── Periods ──────────────────────────────────────────────────────────────────────────────────

export const periodPresets = ["30d", "quarter", "12m", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface Period {
  preset: PeriodPreset;
  from: string;
  to: string;
}

/** Both ends inclusive: "last 30 days" is today and the 29 days before it. */
export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, today: string): Period {
  if (preset === "30d") return { preset, from: addDays(today, -29), to: today };
  if (preset === "quarter") return { preset, from: addDays(addMonths(today, -3), 1), to: today };
  return { preset, from: addDays(addMonths(today, -12), 1), to: today };
}

/**
 * Budget burn: committed spend added up month by month over `months`, from amounts per month
 * (months without spend add nothing).
 */
export function cumulativeByMonth(months: string[], amounts: { month: string; committedMinor: number }[]): number[] {
  const byMonth = new Map(amounts.map((a) => [a.month, a.committedMinor]));
  let total = 0;
  return months.map((month) => (total += byMonth.get(month) ?? 0));
}

/** The month before and the same month a year earlier, for the monthly report. */
export function comparisonMonths(month: string): { previous: string; lastYear: string } {
  return { previous: addMonths(`${month}-01`, -1).slice(0, 7), lastYear: addMonths(`${month}-01`, -12).slice(0, 7) };
}

export interface DayPeriod {
  from: string;
  to: string;
}

/** The days of a month, as far as they go: the whole month, or its first `throughDay` days (clamped to its length). */
function monthDays(month: string, throughDay: number | null): DayPeriod {
  const [year, monthNumber] = month.split("-").map(Number);
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const last = Math.min(throughDay ?? length, length);
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/**
 * What the monthly report compares. A month that is over is set against the whole month before
 * and the same month a year earlier. A month still under way is set against the same days of
 * those months (1–6 December against 1–6 November and 1–6 December last year), so a week is never
 * compared with a month.
 */
export function comparedPeriods(month: string, today: string) {
  const months = { current: month, ...comparisonMonths(month) };
  const throughDay = today.slice(0, 7) === month ? Number(today.slice(8, 10)) : null;
  return {
    months,
    /** The day of the month the figures run to when the month is not over; null for a whole month. */
    throughDay,
    periods: {
      current: monthDays(months.current, throughDay),
      previous: monthDays(months.previous, throughDay),
      lastYear: monthDays(months.lastYear, throughDay),
    },
  };
}

export const valueVerdicts = ["pays", "doesNotPay", "noCoverage", "noCost", "unknown"] as const;
export type ValueVerdict = (typeof valueVerdicts)[number];

/**
 * "Worth their cost" at a glance: by ROI when revenue is known, else by EMV against cost. Cost
 * with no coverage at all is called out on its own; this is a reading aid, not a metrics.md figure.
 */
export function valueVerdict(figures: CostBenefit): ValueVerdict {
  if (figures.costMinor === 0) return figures.sums.coverageCount > 0 ? "noCost" : "unknown";
  if (figures.sums.coverageCount === 0) return "noCoverage";
  const { roi, emvRatio } = figures.ratios;
  if (roi !== null) return roi >= 0 ? "pays" : "doesNotPay";
  if (emvRatio !== null) return emvRatio >= 1 ? "pays" : "doesNotPay";
  return "unknown";
}
