import { describe, expect, it } from "vitest";
import {
  committedMinor,
  convertMinor,
  findRate,
  fromMinorUnits,
  giftValueMinor,
  minorDigits,
  outstandingMinor,
  toMinorUnits,
  totalIn,
  wouldExceedBudget,
  type Rate,
} from "~/shared/money";
import { GiftBatchFormSchema, parseSpendQuery, PaymentFormSchema, PlacementFormSchema } from "~/features/spend/spend";
import { approvalsNeeded } from "~/features/spend/spend-terms";

describe("amounts typed by people become exact minor units", () => {
  it.each([
    ["1250", "EUR", 125000],
    ["1 250,50", "EUR", 125050],
    ["1,250.5", "USD", 125050],
    ["1.250,05", "EUR", 125005],
    ["0.1", "EUR", 10],
    ["1200", "JPY", 1200],
    ["1.234", "BHD", 1234],
  ])("%s %s → %i", (text, currency, minor) => expect(toMinorUnits(text, currency)).toBe(minor));

  it("refuses more decimals than the currency has, and non-numbers", () => {
    expect(toMinorUnits("10.005", "EUR")).toBeNull();
    expect(toMinorUnits("10.5", "JPY")).toBeNull();
    expect(toMinorUnits("ten", "EUR")).toBeNull();
    expect(minorDigits("JPY")).toBe(0);
  });

  it("shows minor units back as plain decimals", () => {
    expect(fromMinorUnits(125050, "EUR")).toBe("1250.50");
    expect(fromMinorUnits(5, "EUR")).toBe("0.05");
    expect(fromMinorUnits(1200, "JPY")).toBe("1200");
  });
});

describe("conversion (metrics.md)", () => {
  // Worked by hand: 100.00 USD at 0.92 = 92.00 EUR; 33.33 USD at 0.92 = 30.6636 → 30.66 EUR;
  // 1 000 JPY at 0.0061 EUR = 6.10 EUR (JPY has no minor unit, EUR two: shift +2).
  it("multiplies by the rate and rounds half away from zero", () => {
    expect(convertMinor(10000, "0.92", 0)).toBe(9200);
    expect(convertMinor(3333, "0.92", 0)).toBe(3066);
    expect(convertMinor(1000, "0.0061", 2)).toBe(610);
    expect(convertMinor(1, "0.5", 0)).toBe(1); // 0.5 cent rounds up
    expect(convertMinor(-1, "0.5", 0)).toBe(-1);
  });

  const rates: Rate[] = [
    { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.90", validOn: "2026-01-01" },
    { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.95", validOn: "2026-03-01" },
  ];

  it("uses the latest rate dated on or before the amount's own date", () => {
    expect(findRate(rates, "USD", "EUR", "2026-02-28")?.rate).toBe("0.90");
    expect(findRate(rates, "USD", "EUR", "2026-03-01")?.rate).toBe("0.95");
    expect(findRate(rates, "USD", "EUR", "2025-12-31")).toBeUndefined();
    // A rate the other way round is not used: nothing is guessed.
    expect(findRate(rates, "EUR", "USD", "2026-06-01")).toBeUndefined();
  });

  it("sums exact conversions and rounds the total once", () => {
    // 3 × 33.33 USD at 0.92: each is 30.6636 EUR; rounding each would give 91.98, the exact total is 91.9908 → 91.99.
    const amounts = [1, 2, 3].map(() => ({ amountMinor: 3333, currency: "USD", on: "2026-05-01" }));
    expect(totalIn("EUR", amounts, [{ baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.92", validOn: "2026-01-01" }]).totalMinor).toBe(
      9199,
    );
  });

  it("leaves out amounts with no rate, and reports them", () => {
    // EUR 500.00 + USD 200.00 on 2026-02-10 (× 0.90 = 180.00) + USD 100.00 on 2026-03-05 (× 0.95 = 95.00)
    // + GBP 50.00 (no rate) + USD 10.00 on 2025-12-01 (before the first rate) = 775.00 EUR, with two left out.
    const total = totalIn(
      "EUR",
      [
        { amountMinor: 50000, currency: "EUR", on: "2026-02-01" },
        { amountMinor: 20000, currency: "USD", on: "2026-02-10" },
        { amountMinor: 10000, currency: "USD", on: "2026-03-05" },
        { amountMinor: 5000, currency: "GBP", on: "2026-02-15" },
        { amountMinor: 1000, currency: "USD", on: "2025-12-01" },
      ],
      rates,
    );
    expect(total.totalMinor).toBe(77500);
    expect(total.missing).toEqual([
      { currency: "GBP", from: "2026-02-15", amountMinor: 5000, count: 1 },
      { currency: "USD", from: "2025-12-01", amountMinor: 1000, count: 1 },
    ]);
  });
});

describe("gift value, outstanding and approvals", () => {
  it("values a gift as quantity × unit value + shipping, at cost or retail", () => {
    const gift = { quantity: 3, unitCostMinor: 2000, unitRetailMinor: 4500, shippingMinor: 690 };
    expect(giftValueMinor(gift, "cost")).toBe(6690); // 3 × 20.00 + 6.90
    expect(giftValueMinor(gift, "retail")).toBe(14190); // 3 × 45.00 + 6.90
    expect(giftValueMinor({ ...gift, unitRetailMinor: null }, "retail")).toBe(6690);
  });

  it("computes what is outstanding", () => {
    expect(outstandingMinor(150000, [50000, 25000])).toBe(75000);
  });

  it("asks a second approver above the limit, or when the fee cannot be valued", () => {
    expect(approvalsNeeded(500000, null)).toBe(1);
    expect(approvalsNeeded(500000, 500000)).toBe(1);
    expect(approvalsNeeded(500001, 500000)).toBe(2);
    expect(approvalsNeeded(null, 500000)).toBe(2);
  });
});

describe("bad input is refused by the shared schemas", () => {
  const gift = { partnerIds: "p1", itemName: "Serum", quantity: "1", unitValue: "20", currency: "EUR", status: "planned" };
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((i) => i.message) ?? [];

  it("negative amounts, zero quantities and unknown currencies", () => {
    expect(messages(GiftBatchFormSchema.safeParse({ ...gift, unitValue: "-5" }))).toContain("errors.negativeAmount");
    expect(messages(GiftBatchFormSchema.safeParse({ ...gift, quantity: "0" }))).toContain("errors.quantityAtLeastOne");
    expect(messages(GiftBatchFormSchema.safeParse({ ...gift, currency: "XYZ" }))).toContain("errors.unknownCurrency");
    expect(
      messages(PlacementFormSchema.safeParse({ partnerId: "p", title: "Post", fee: "-1", currency: "EUR", agreedOn: "2026-01-01" })),
    ).toContain("errors.negativeAmount");
  });

  it("a shipped date after the delivered date", () => {
    const result = GiftBatchFormSchema.safeParse({ ...gift, status: "delivered", shippedOn: "2026-03-10", deliveredOn: "2026-03-09" });
    expect(messages(result)).toContain("errors.deliveredBeforeShipped");
  });

  it("an amount that cannot be read, with one message", () => {
    const result = PaymentFormSchema.safeParse({ amount: "12,5,0", paidOn: "2026-04-01" });
    expect(messages(result)).toEqual(["errors.invalidAmount"]);
  });

  it("a period whose start is after its end", () => {
    const reversed = parseSpendQuery(new URLSearchParams("from=2026-05-01&to=2026-04-01&country=France"), "2026-11-21");
    expect(reversed.problems).toEqual([
      { field: "to", message: "errors.endBeforeStart" },
      { field: "country", message: "errors.countryCode" },
    ]);
    expect(reversed.query).toMatchObject({ from: "2025-12-01", to: "2026-11-21" });
    expect(reversed.query.country).toBeUndefined();
    const ok = parseSpendQuery(new URLSearchParams(""), "2026-11-21");
    expect(ok).toMatchObject({ query: { from: "2025-12-01" }, problems: [] });
  });
});

describe("committed spend and the budget", () => {
  it("commits gifts plus placements, once", () => {
    expect(committedMinor({ giftsMinor: 12_500, placementsMinor: 80_000 })).toBe(92_500);
  });

  it("is over budget only past the budget, never without one, and always when the addition cannot be converted", () => {
    expect(wouldExceedBudget(100_000, 100_000)).toBe(false);
    expect(wouldExceedBudget(100_000, 90_000, 10_001)).toBe(true);
    expect(wouldExceedBudget(null, 5_000_000)).toBe(false);
    expect(wouldExceedBudget(100_000, 0, null)).toBe(true);
  });
});
