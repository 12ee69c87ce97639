import { describe, expect, it } from "vitest";
import type { Rate } from "~/shared/money";
import {
  agreementTotals,
  giftBenefitMinor,
  giftsCountTowardAgreement,
  placementsCountTowardAgreement,
  reachesThreshold,
  type AgreementItem,
} from "~/features/spend/written-agreement";

const rates: Rate[] = [
  { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.900000", validOn: "2026-01-01" },
  { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.800000", validOn: "2026-06-01" },
  { baseCurrency: "GBP", quoteCurrency: "EUR", rate: "1.150000", validOn: "2026-01-01" },
];

let n = 0;
const item = (
  kind: AgreementItem["kind"],
  on: string,
  amountMinor: number,
  currency = "EUR",
  campaignId: string | null = "spring",
): AgreementItem => ({
  kind,
  id: `i${++n}`,
  campaignId,
  campaignName: campaignId,
  on,
  amountMinor,
  currency,
});

describe("the French written-agreement threshold (décret 2025-1137)", () => {
  it("adds fees and gifts in several currencies at each item's dated rate, and reaches €1,000 at exactly €1,000", () => {
    // €400 fee + $500 on 2 March (× 0.9 = €450) + £130.44 (× 1.15 = €150.006, rounded to the cent as each amount is converted)
    const [spring] = agreementTotals(
      [item("placement", "2026-03-01", 40_000), item("gift", "2026-03-02", 50_000, "USD"), item("gift", "2026-03-03", 13_044, "GBP")],
      rates,
    );
    expect(spring).toMatchObject({
      year: 2026,
      campaignId: "spring",
      totalMinor: 40_000 + 45_000 + 15_001,
      unconverted: 0,
      items: 3,
      reached: true,
    });
    const [below] = agreementTotals([item("placement", "2026-03-01", 99_999)], rates);
    expect(below.reached).toBe(false);
    const [exactly] = agreementTotals([item("placement", "2026-03-01", 100_000)], rates);
    expect(exactly.reached).toBe(true);
  });

  it("uses the rate of the item's own date: the same $1,200 counts €1,080 in March and €960 in July", () => {
    expect(agreementTotals([item("placement", "2026-03-10", 120_000, "USD")], rates)[0]).toMatchObject({
      totalMinor: 108_000,
      reached: true,
    });
    expect(agreementTotals([item("placement", "2026-07-10", 120_000, "USD")], rates)[0]).toMatchObject({
      totalMinor: 96_000,
      reached: false,
    });
  });

  it("counts each calendar year apart: €600 in December and €600 in January never reach it together", () => {
    const totals = agreementTotals([item("placement", "2026-12-20", 60_000), item("placement", "2027-01-05", 60_000)], rates);
    expect(totals.map((t) => [t.year, t.totalMinor, t.reached])).toEqual([
      [2027, 60_000, false],
      [2026, 60_000, false],
    ]);
  });

  it("keeps objectives (campaigns) apart, and leaves out items from before 1 January 2026", () => {
    const totals = agreementTotals(
      [
        item("placement", "2026-02-01", 70_000, "EUR", "spring"),
        item("placement", "2026-02-01", 70_000, "EUR", "autumn"),
        item("placement", "2025-12-31", 90_000, "EUR", "spring"),
      ],
      rates,
    );
    expect(totals.map((t) => [t.campaignId, t.totalMinor, t.reached])).toEqual([
      ["autumn", 70_000, false],
      ["spring", 70_000, false],
    ]);
  });

  it("says when an amount could not be converted, rather than guessing", () => {
    const [total] = agreementTotals([item("placement", "2026-04-01", 30_000), item("gift", "2026-04-02", 10_000, "JPY")], rates);
    expect(total).toMatchObject({ totalMinor: 30_000, unconverted: 1, items: 2, reached: false });
    expect(reachesThreshold(30_000, null)).toBe(true);
    expect(reachesThreshold(30_000, 69_999)).toBe(false);
    expect(reachesThreshold(30_000, 70_000)).toBe(true);
  });

  it("leaves cancelled and returned gifts and cancelled or merely proposed placements out, and values gifts at retail", () => {
    expect(["planned", "shipped", "delivered", "returned", "cancelled"].filter(giftsCountTowardAgreement)).toEqual([
      "planned",
      "shipped",
      "delivered",
    ]);
    expect(["proposed", "approved", "contracted", "delivered", "paid", "cancelled"].filter(placementsCountTowardAgreement)).toEqual([
      "approved",
      "contracted",
      "delivered",
      "paid",
    ]);
    expect(giftBenefitMinor({ quantity: 2, unitCostMinor: 1_500, unitRetailMinor: 4_900, shippingMinor: 700 })).toBe(10_500);
    expect(giftBenefitMinor({ quantity: 1, unitCostMinor: 1_500, unitRetailMinor: null, shippingMinor: 0 })).toBe(1_500);
  });
});
