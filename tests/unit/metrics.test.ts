/** metrics.md, checked against examples worked out by hand (the comments show the arithmetic). */
import { describe, expect, it } from "vitest";
import {
  change,
  comparisonMonths,
  costBenefit,
  cumulativeByMonth,
  emptySums,
  postEngagementRate,
  presetPeriod,
  type CostBenefitSums,
} from "~/features/reports/metrics";
import { monthsBetween } from "~/shared/days";
import { resolvePeriod } from "~/features/reports/period-query";
import { csvRatio, parseRankingQuery } from "~/features/reports/ranking";
import { comparedPeriods } from "~/features/reports/metrics";
import { monthlyColumnLabels } from "~/features/reports/monthly-report";
import { csvMoney } from "~/shared/money";
import { lineChange, monthlyKpiLines, pdfValueAxis } from "~/features/reports/monthly-report";
import { ticks } from "d3-array";
import { formatChange } from "~/shared/format";

const rates = { perMilleMinor: 500, perEngagementMinor: 10, perClickMinor: 50, placeholder: true };
const sums = (partial: Partial<CostBenefitSums>): CostBenefitSums => ({ ...emptySums(), ...partial });

describe("cost-benefit formulas", () => {
  // Gifts: 2 × 25.00 + 5.00 shipping = 55.00; one placement at 300.00; cost 355.00.
  // Two posts: 20,000 impressions, 800 likes + 100 comments + (shares unknown) + 100 saves = 1,000
  // engagements, 250 clicks, 10 conversions, 710.00 revenue; 4 checks needed a disclosure, 3 compliant.
  const worked = costBenefit(
    sums({
      giftsMinor: 5500,
      placementsMinor: 30000,
      paidMinor: 10000,
      giftCount: 1,
      placementCount: 1,
      paymentCount: 1,
      coverageCount: 2,
      impressions: 20000,
      likes: 800,
      comments: 100,
      saves: 100,
      clicks: 250,
      conversions: 10,
      revenueMinor: 71000,
      disclosureRequired: 4,
      disclosureCompliant: 3,
    }),
    rates,
  );

  it("adds gifts and committed placements into cost, and keeps paid to date apart", () => {
    expect(worked.costMinor).toBe(35500);
    expect(worked.sums.paidMinor).toBe(10000);
  });

  it("counts the known parts of engagements", () => {
    expect(worked.engagements).toBe(1000);
  });

  it("values EMV with the workspace rates", () => {
    // 20,000 / 1,000 × 5.00 + 1,000 × 0.10 + 250 × 0.50 = 100 + 100 + 125 = 325.00
    expect(worked.emvMinor).toBe(32500);
  });

  it("computes every ratio as written in metrics.md", () => {
    expect(worked.ratios.cpm).toBe(1775); // 355.00 / 20,000 × 1,000 = 17.75
    expect(worked.ratios.cpe).toBe(35.5); // 355.00 / 1,000 = 0.355
    expect(worked.ratios.cpc).toBe(142); // 355.00 / 250 = 1.42
    expect(worked.ratios.cpa).toBe(3550); // 355.00 / 10 = 35.50
    expect(worked.ratios.costPerCoverage).toBe(17750); // 355.00 / 2 = 177.50
    expect(worked.ratios.roas).toBe(2); // 710 / 355
    expect(worked.ratios.roi).toBe(1); // (710 − 355) / 355
    expect(worked.ratios.emvRatio).toBeCloseTo(0.915493, 6); // 325 / 355
    expect(worked.ratios.engagementRate).toBe(0.05); // 1,000 / 20,000
    expect(worked.ratios.complianceRate).toBe(0.75); // 3 / 4
    expect(worked.empty).toBe(false);
  });

  it("gives a partner with only gifts its cost and no ratio at all", () => {
    const giftsOnly = costBenefit(sums({ giftsMinor: 4200, giftCount: 2 }), rates);
    expect(giftsOnly.costMinor).toBe(4200);
    expect(Object.values(giftsOnly.ratios)).toEqual(Array(10).fill(null));
    expect(giftsOnly.engagements).toBeNull();
    expect(giftsOnly.emvMinor).toBeNull();
    expect(giftsOnly.empty).toBe(false);
  });

  it("leaves ratios null when the denominator is 0 or unknown, and never Infinity or NaN", () => {
    const noCost = costBenefit(sums({ coverageCount: 1, impressions: 0, clicks: 0, revenueMinor: 5000 }), rates);
    expect(noCost.ratios.roas).toBeNull(); // cost 0
    expect(noCost.ratios.roi).toBeNull();
    expect(noCost.ratios.emvRatio).toBeNull();
    expect(noCost.ratios.cpm).toBeNull(); // impressions 0
    expect(noCost.ratios.cpc).toBeNull(); // clicks 0
    expect(noCost.ratios.cpe).toBeNull(); // engagements unknown
    expect(noCost.ratios.complianceRate).toBeNull(); // nothing needed a disclosure
    // Revenue unknown: ROAS and ROI are unknown too, not −100 %.
    const noRevenue = costBenefit(sums({ placementsMinor: 10000, placementCount: 1 }), rates);
    expect(noRevenue.ratios.roas).toBeNull();
    expect(noRevenue.ratios.roi).toBeNull();
  });

  it("takes reach for the engagement rate only when impressions are unknown", () => {
    // (30 + 10) / 800 = 0.05
    expect(postEngagementRate({ impressions: null, reach: 800, likes: 30, comments: 10, shares: null, saves: null })).toBe(0.05);
    expect(postEngagementRate({ impressions: 0, reach: 800, likes: 30, comments: 10, shares: null, saves: null })).toBeNull();
    expect(postEngagementRate({ impressions: 2000, reach: 800, likes: 30, comments: 10, shares: null, saves: null })).toBe(0.02);
  });

  it("is empty only when nothing happened in scope", () => {
    expect(costBenefit(emptySums(), rates).empty).toBe(true);
    expect(costBenefit(sums({ unconverted: 1 }), rates).empty).toBe(false);
  });

  it("compares periods without dividing by zero", () => {
    expect(change(150, 100)).toBe(0.5);
    expect(change(50, -100)).toBe(1.5);
    expect(change(10, 0)).toBeNull();
    expect(change(null, 10)).toBeNull();
  });
});

describe("periods", () => {
  it("resolves the presets, both ends included", () => {
    expect(presetPeriod("30d", "2026-11-21")).toEqual({ preset: "30d", from: "2026-10-23", to: "2026-11-21" });
    expect(presetPeriod("quarter", "2026-11-21")).toEqual({ preset: "quarter", from: "2026-08-22", to: "2026-11-21" });
    expect(presetPeriod("12m", "2026-11-21")).toEqual({ preset: "12m", from: "2025-11-22", to: "2026-11-21" });
    expect(presetPeriod("quarter", "2026-05-31")).toEqual({ preset: "quarter", from: "2026-03-01", to: "2026-05-31" });
  });

  it("rejects a custom period that ends before it starts, or lacks an end", () => {
    const params = (query: string) => new URLSearchParams(query);
    expect(resolvePeriod(params("period=custom&from=2026-03-01&to=2026-02-01"), "2026-11-21")).toEqual({ error: "errors.endBeforeStart" });
    expect(resolvePeriod(params("period=custom&from=2026-03-01"), "2026-11-21")).toEqual({ error: "errors.required" });
    expect(resolvePeriod(params("period=custom&from=2026-02-30&to=2026-03-01"), "2026-11-21")).toEqual({ error: "errors.invalidDate" });
    expect(resolvePeriod(params("period=custom&from=2026-03-01&to=2026-03-01"), "2026-11-21")).toEqual({
      period: { preset: "custom", from: "2026-03-01", to: "2026-03-01" },
    });
    expect(resolvePeriod(params(""), "2026-11-21")).toEqual({ period: presetPeriod("12m", "2026-11-21") });
  });

  it("lists months and comparison months", () => {
    expect(monthsBetween("2025-11-22", "2026-02-03")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(comparisonMonths("2026-01")).toEqual({ previous: "2025-12", lastYear: "2025-01" });
  });

  it("reads the ranking's URL with ROI descending by default", () => {
    const parsed = parseRankingQuery(new URLSearchParams("stage=active&sort=nonsense"), "2026-11-21");
    expect(parsed).toMatchObject({
      query: { sort: "roi", dir: "desc", stage: ["active"], from: "2025-11-22", to: "2026-11-21", page: 1 },
      problems: [],
    });
  });

  it("reports a reversed period and an unknown country, and shows 12 months without them", () => {
    const parsed = parseRankingQuery(
      new URLSearchParams("period=custom&from=2026-05-01&to=2026-04-01&country=France&stage=active"),
      "2026-11-21",
    );
    expect(parsed.problems).toEqual([
      { field: "period", message: "errors.endBeforeStart" },
      { field: "country", message: "errors.countryCodes" },
    ]);
    expect(parsed.query).toMatchObject({ from: "2025-11-22", to: "2026-11-21", country: [], stage: ["active"] });
  });
});

describe("CSV figures", () => {
  it("writes amounts with the currency's own decimals and ratios with 4, null as empty", () => {
    // ISO 4217 minor units: EUR 2, JPY 0, BHD 3 (issue 28: BHD 1.234 was written 1.23, JPY 1500 as 1500.00).
    expect(csvMoney(123456, "EUR")).toBe("1234.56");
    expect(csvMoney(1500, "JPY")).toBe("1500");
    expect(csvMoney(1234, "BHD")).toBe("1.234");
    expect(csvMoney(-5, "EUR")).toBe("-0.05");
    expect(csvMoney(1234.6, "EUR")).toBe("12.35");
    expect(csvMoney(null, "EUR")).toBe("");
    expect(csvRatio(1775, "EUR")).toBe("17.7500");
    expect(csvRatio(2 / 3)).toBe("0.6667");
    expect(csvRatio(-0.5)).toBe("-0.5000");
    expect(csvRatio(null)).toBe("");
  });
});

describe("how a monthly line moved", () => {
  const line = (item: string) => monthlyKpiLines.find((l) => l.item === item)!;
  it("colours a change by what it means, not by its sign", () => {
    expect(lineChange(line("cost"), 120, 100)).toEqual({ kind: "percent", value: 0.2, tone: "neutral" });
    expect(lineChange(line("revenue"), 120, 100)?.tone).toBe("good");
    expect(lineChange(line("cpm"), 80, 100)?.tone).toBe("good");
    expect(lineChange(line("cpm"), 120, 100)?.tone).toBe("bad");
    expect(lineChange(line("impressions"), 50, 100)?.tone).toBe("bad");
  });

  it("calls a change too small to show no news, not bad news", () => {
    // Compliance 90.01 % → 90.00 %: "0 pts", neither red nor green.
    const rate = lineChange(line("complianceRate"), 0.9, 0.9001)!;
    expect(formatChange("en", rate)).toBe("0\u00a0pts");
    expect(rate.tone).toBe("neutral");
    // 1,000,000 → 999,900 impressions: "−0 %" would be read as bad news; it is "0%".
    const reach = lineChange(line("impressions"), 999_900, 1_000_000)!;
    expect(formatChange("en", reach)).toBe("0%");
    expect(reach.tone).toBe("neutral");
    expect(lineChange(line("complianceRate"), 0.9, 0.901)?.tone).toBe("bad");
  });

  it("moves rates in percentage points, even from or to zero", () => {
    const moved = lineChange(line("complianceRate"), 0, 0.75);
    expect(moved).toEqual({ kind: "points", value: -75, tone: "bad" });
    expect(formatChange("en", moved!)).toBe("-75\u00a0pts");
    expect(lineChange(line("roi"), 0.5, 0)).toEqual({ kind: "points", value: 50, tone: "good" });
    expect(formatChange("en", { kind: "percent", value: 0.2 })).toBe("+20%");
    expect(lineChange(line("cost"), 10, 0)).toBeNull();
  });
});

describe("budget burn", () => {
  it("adds committed spend up month by month, empty months adding nothing", () => {
    expect(
      cumulativeByMonth(
        ["2026-01", "2026-02", "2026-03", "2026-04"],
        [
          { month: "2026-03", committedMinor: 500 },
          { month: "2026-01", committedMinor: 1000 },
        ],
      ),
    ).toEqual([1000, 1000, 1500, 1500]);
    expect(cumulativeByMonth(["2026-01"], [])).toEqual([0]);
  });
});

describe("the monthly report compares like with like (issue 28)", () => {
  it("sets a month under way against the same first days of the month before and a year earlier", () => {
    expect(comparedPeriods("2026-12", "2026-12-06")).toEqual({
      months: { current: "2026-12", previous: "2026-11", lastYear: "2025-12" },
      throughDay: 6,
      periods: {
        current: { from: "2026-12-01", to: "2026-12-06" },
        previous: { from: "2026-11-01", to: "2026-11-06" },
        lastYear: { from: "2025-12-01", to: "2025-12-06" },
      },
    });
  });

  it("clamps the same days to a shorter month, and leaves a month that is over whole", () => {
    expect(comparedPeriods("2026-03", "2026-03-31").periods.previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(comparedPeriods("2024-03", "2024-03-30").periods.previous).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    const over = comparedPeriods("2026-11", "2026-12-06");
    expect(over.throughDay).toBeNull();
    expect(over.periods).toEqual({
      current: { from: "2026-11-01", to: "2026-11-30" },
      previous: { from: "2026-10-01", to: "2026-10-31" },
      lastYear: { from: "2025-11-01", to: "2025-11-30" },
    });
  });

  it("heads the columns with their days while the month is under way", () => {
    const report = comparedPeriods("2026-12", "2026-12-06");
    expect(monthlyColumnLabels("en", report)).toEqual({ current: "Dec 1–6, 2026", previous: "Nov 1–6, 2026", lastYear: "Dec 1–6, 2025" });
    expect(monthlyColumnLabels("fr", report).current).toBe("1er–6 déc. 2026");
    expect(monthlyColumnLabels("fr", comparedPeriods("2026-11", "2026-12-06")).current).toBe("novembre 2026");
  });
});

describe("the monthly PDF's value axis", () => {
  it("ends on a round value with room above the tallest bar", () => {
    // 2,600.00 € tallest: ticks 0, 1,000, 2,000, 3,000 (in cents), not 0, 1.3K, 2.6K touching the frame.
    expect(pdfValueAxis([260_000, 120_000, 0])).toEqual([0, 300_000]);
    // 2,950.00 €: 8 % headroom pushes the top past 3,000 to the next round value.
    const [, top] = pdfValueAxis([295_000]);
    expect(top).toBeGreaterThanOrEqual(295_000 * 1.08);
    expect(ticks(0, top, 4).every((tick) => tick % 50_000 === 0)).toBe(true);
    // Nothing to show: an axis up to about one unit of money, not fractions of a cent.
    expect(pdfValueAxis([])).toEqual([0, 120]);
  });
});
