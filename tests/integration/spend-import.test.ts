import { describe, expect, it } from "vitest";
import { parseCsv } from "~/shared/csv";
import { planGiftImport, planPlacementImport } from "~/features/spend/spend-import";
import { importGifts, importPlacements } from "~/features/spend/spend-import.server";
import { db } from "~/utils/db.server";

async function partners() {
  await db().partner.createMany({
    data: [
      { name: "Alice Blog", kind: "blogger", externalId: "A-1", stage: "active" },
      { name: "Bob Vlog", kind: "influencer", email: "bob@example.test", stage: "active" },
      { name: "Closed Shop", kind: "blogger", stage: "do_not_contact" },
    ],
  });
  await db().campaign.create({ data: { name: "Spring", currency: "EUR" } });
  await db().product.create({ data: { name: "Serum 30 ml", sku: "SER-30", unitCostMinor: 1200, retailMinor: 3900, currency: "EUR" } });
}

describe("gift and placement CSV imports", () => {
  it("imports valid gift rows, names the rejected ones, and adds nothing the second time", async () => {
    await partners();
    const csv = [
      "partner,campaign,product,sku,quantity,unit_value,currency,shipping_cost,status,carrier,tracking_number,shipped_on,delivered_on,requested",
      "A-1,spring,,SER-30,2,,EUR,4.90,shipped,Colissimo,6A123,2026-03-01,,yes",
      'bob@example.test,,"Tote bag, canvas",,1,"12,50",eur,0,delivered,,,01/03/2026,03/03/2026,non',
      "Closed Shop,,Candle,,1,10,EUR,,planned,,,,,",
      "Nobody,,Candle,,0,10,XXX,,planned,,,,,",
      "A-1,,Candle,,1,-3,EUR,,shipped,,,2026-03-05,2026-03-01,",
    ].join("\n");
    const plan = planGiftImport(parseCsv(csv));
    const first = await importGifts(null, plan);
    expect(first).toMatchObject({ rowCount: 5, created: 2, unchanged: 0, rejected: 3 });
    expect(first.errors.map((e) => [e.line, e.column, e.messageKey])).toEqual([
      [4, "partner", "spend.doNotContact"],
      [5, "currency", "errors.unknownCurrency"],
      [5, "quantity", "errors.quantityAtLeastOne"],
      [6, "unit_value", "errors.negativeAmount"],
      [6, "delivered_on", "errors.deliveredBeforeShipped"],
    ]);
    const gifts = await db().gift.findMany({ orderBy: { itemName: "asc" } });
    expect(
      gifts.map((g) => [
        g.itemName,
        g.quantity,
        g.unitCostMinor,
        g.unitRetailMinor,
        g.shippingMinor,
        g.currency,
        g.status,
        g.requestedByPartner,
      ]),
    ).toEqual([
      ["Serum 30 ml", 2, 1200, 3900, 490, "EUR", "shipped", true],
      ["Tote bag, canvas", 1, 1250, null, 0, "EUR", "delivered", false],
    ]);
    expect(await db().auditEvent.count({ where: { action: "gift.import" } })).toBe(2);
    expect(await importGifts(null, planGiftImport(parseCsv(csv)))).toMatchObject({ created: 0, unchanged: 2 });
    expect(await db().gift.count()).toBe(2);
  });

  it("groups placement rows into placements with payments and refuses an overpayment", async () => {
    const csv = [
      "partner,campaign,title,fee,currency,status,agreed_on,due_on,paid_amount,paid_on,invoice_ref",
      "A-1,Spring,Reel,1500,EUR,contracted,2026-04-01,2026-04-20,500,2026-04-05,F-1",
      "A-1,Spring,Reel,1500,EUR,contracted,2026-04-01,2026-04-20,700,2026-04-25,F-2",
      "bob@example.test,,Review,800,EUR,delivered,2026-04-02,,900,2026-04-03,F-3",
      "Bob Vlog,,Story,300,EUR,proposed,2026-04-02,,,,",
    ].join("\n");
    const result = await importPlacements({ id: null, mayApprove: true }, planPlacementImport(parseCsv(csv)));
    expect(result).toMatchObject({ created: 3, rejected: 1 });
    expect(result.errors).toEqual([{ line: 4, column: "paid_amount", messageKey: "placements.overpayment", value: "900" }]);
    const reel = await db().placement.findFirstOrThrow({ where: { title: "Reel" }, include: { payments: true, deliverables: true } });
    expect(reel.payments.map((p) => p.amountMinor).sort()).toEqual([50000, 70000]);
    expect(reel.deliverables).toHaveLength(1);
    expect(await importPlacements({ id: null, mayApprove: true }, planPlacementImport(parseCsv(csv)))).toMatchObject({
      created: 0,
      unchanged: 3,
    });
  });
});
