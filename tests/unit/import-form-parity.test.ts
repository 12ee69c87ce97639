/**
 * The same bad gifts through the form's schema and through the CSV import: both refuse them, for
 * the same reasons (the import once accepted a delivered gift with no delivery date).
 */
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/shared/csv";
import { GiftBatchFormSchema } from "~/features/spend/spend";
import { planGiftImport } from "~/features/spend/spend-import";

const cases = [
  { name: "delivered with no delivery date", status: "delivered", shippedOn: "2026-03-01", deliveredOn: "" },
  { name: "shipped with no shipped date", status: "shipped", shippedOn: "", deliveredOn: "" },
  { name: "delivered before it was shipped", status: "delivered", shippedOn: "2026-03-05", deliveredOn: "2026-03-01" },
  { name: "shipped on 30 February", status: "shipped", shippedOn: "2026-02-30", deliveredOn: "" },
];

function formReasons(gift: (typeof cases)[number]) {
  const result = GiftBatchFormSchema.safeParse({
    partnerIds: ["p1"],
    itemName: "Candle",
    quantity: "1",
    unitValue: "10",
    currency: "EUR",
    status: gift.status,
    shippedOn: gift.shippedOn,
    deliveredOn: gift.deliveredOn,
  });
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.message))].sort();
}

function importReasons(gift: (typeof cases)[number]) {
  const csv = [
    "partner,product,quantity,unit_value,currency,status,shipped_on,delivered_on",
    `A-1,Candle,1,10,EUR,${gift.status},${gift.shippedOn},${gift.deliveredOn}`,
  ].join("\n");
  return [...new Set(planGiftImport(parseCsv(csv)).errors.map((error) => error.messageKey))].sort();
}

describe("gift rules: the form and the import refuse the same rows for the same reasons", () => {
  it.each(cases)("$name", (gift) => {
    const fromForm = formReasons(gift);
    expect(fromForm.length).toBeGreaterThan(0);
    expect(importReasons(gift)).toEqual(fromForm);
  });
});
