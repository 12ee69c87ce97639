/**
 * The cost-benefit rollup always equals a fresh aggregation: after any sequence of writes to its
 * sources (gifts, placements, payments, coverage, checks, exchange rates, settings), refreshing
 * the stale partners gives exactly the rows that summing everything again gives.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { refreshCostBenefitRollups, rollupColumns, rollupSourceSql } from "~/features/reports/cost-benefit-rollup.server";
import { costBenefitTotal, metricsContext } from "~/features/reports/metrics.server";
import { getSettings } from "~/features/accounts/settings.server";
import { db } from "~/utils/db.server";

const partners: string[] = [];
const campaigns: (string | null)[] = [null];

const columns = Prisma.join(["partnerId", "campaignId", "day", ...rollupColumns].map((c) => Prisma.raw(`"${c}"`)));
const ordered = Prisma.sql`ORDER BY "partnerId", "campaignId" NULLS FIRST, "day"`;

async function storedRows() {
  return db().$queryRaw<Record<string, unknown>[]>`SELECT ${columns} FROM "CostBenefitRollup" ${ordered}`;
}

async function freshRows() {
  const settings = await getSettings();
  return db().$queryRaw<
    Record<string, unknown>[]
  >`SELECT ${columns} FROM (${rollupSourceSql(null, settings.reportingCurrency, settings.giftValuationBasis)}) fresh ${ordered}`;
}

/** Numbers, bigints and decimals compared by value, as text (the table's integer types are narrower). */
const comparable = (rows: Record<string, unknown>[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value === null ? null : value instanceof Date ? value.toISOString() : String(value)]),
    ),
  );

async function expectRollupEqualsFreshAggregation() {
  await refreshCostBenefitRollups();
  const [stored, fresh] = await Promise.all([storedRows(), freshRows()]);
  expect(comparable(stored)).toEqual(comparable(fresh));
  expect(await db().costBenefitStale.count()).toBe(0);
  return stored;
}

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000);
const pick = <T>(list: T[], index: number) => list[index % list.length];

async function anyRow(
  table: "gift" | "placement" | "payment" | "coverageItem" | "disclosureCheck" | "exchangeRate" | "shopOrder" | "orderAdjustment",
  index: number,
) {
  const rows = await (db()[table] as unknown as { findMany: (args: object) => Promise<{ id: string }[]> }).findMany({
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.length ? pick(rows, index).id : null;
}

const currency = fc.constantFrom("EUR", "USD", "CHF");
const index = fc.nat(50);
const offset = fc.nat(120);
const metric = fc.option(fc.nat(5000), { nil: null });

/** Each write is one of what the app does to a source of the rollup, with arbitrary values. */
const writes = fc.oneof(
  fc.record({
    op: fc.constant("gift"),
    partner: index,
    campaign: index,
    on: offset,
    cost: fc.nat(9000),
    currency,
    status: fc.constantFrom("planned", "shipped", "delivered", "returned", "cancelled"),
  }),
  fc.record({
    op: fc.constant("giftUpdate"),
    row: index,
    partner: index,
    on: offset,
    cost: fc.nat(9000),
    status: fc.constantFrom("shipped", "cancelled"),
  }),
  fc.record({ op: fc.constant("giftDelete"), row: index }),
  fc.record({
    op: fc.constant("placement"),
    partner: index,
    campaign: index,
    on: offset,
    fee: fc.nat(90000),
    currency,
    status: fc.constantFrom("proposed", "approved", "contracted", "paid", "cancelled"),
  }),
  fc.record({
    op: fc.constant("placementUpdate"),
    row: index,
    partner: index,
    campaign: index,
    on: offset,
    status: fc.constantFrom("approved", "cancelled"),
  }),
  fc.record({ op: fc.constant("payment"), row: index, on: offset, amount: fc.integer({ min: 1, max: 50000 }) }),
  fc.record({ op: fc.constant("paymentUpdate"), row: index, on: offset }),
  fc.record({ op: fc.constant("paymentDelete"), row: index }),
  fc.record({
    op: fc.constant("coverage"),
    partner: index,
    campaign: index,
    on: offset,
    impressions: metric,
    likes: metric,
    clicks: metric,
    revenue: metric,
    currency,
  }),
  fc.record({ op: fc.constant("coverageUpdate"), row: index, partner: index, on: offset, impressions: metric, revenue: metric, currency }),
  fc.record({ op: fc.constant("recheck"), row: index, verdict: fc.constantFrom("not_required", "compliant", "missing", "insufficient") }),
  fc.record({
    op: fc.constant("checkUpdate"),
    row: index,
    verdict: fc.constantFrom("not_required", "compliant", "missing", "insufficient"),
  }),
  fc.record({
    op: fc.constant("rate"),
    currency: fc.constantFrom("USD", "CHF", "EUR"),
    on: offset,
    rate: fc.integer({ min: 50, max: 150 }),
  }),
  fc.record({ op: fc.constant("rateDelete"), row: index }),
  // Shop orders (attributed or not), their refunds, a later re-attribution, and tracked clicks.
  fc.record({
    op: fc.constant("order"),
    partner: fc.option(index, { nil: null }),
    campaign: index,
    on: offset,
    total: fc.nat(20000),
    currency,
  }),
  fc.record({ op: fc.constant("orderUpdate"), row: index, partner: fc.option(index, { nil: null }), on: offset }),
  fc.record({ op: fc.constant("refund"), row: index, on: offset, amount: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ op: fc.constant("refundDelete"), row: index }),
  fc.record({ op: fc.constant("clicks"), partner: index, campaign: index, on: offset, clicks: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("settings"), currency: fc.constantFrom("EUR", "USD"), basis: fc.constantFrom("cost", "retail") }),
);
type Write = typeof writes extends fc.Arbitrary<infer T> ? T : never;

async function apply(write: Write) {
  const client = db();
  switch (write.op) {
    case "gift": {
      const shipped = !["planned", "cancelled"].includes(write.status);
      await client.gift.create({
        data: {
          partnerId: pick(partners, write.partner),
          campaignId: pick(campaigns, write.campaign),
          itemName: "Sérum",
          quantity: 1 + (write.cost % 3),
          unitCostMinor: write.cost,
          unitRetailMinor: write.cost % 2 ? write.cost * 2 : null,
          shippingMinor: write.cost % 500,
          currency: write.currency,
          status: write.status as "shipped",
          shippedOn: shipped ? day(write.on) : null,
        },
      });
      return;
    }
    case "giftUpdate": {
      const id = await anyRow("gift", write.row);
      if (id)
        await client.gift.update({
          where: { id },
          data: {
            partnerId: pick(partners, write.partner),
            shippedOn: day(write.on),
            deliveredOn: null,
            unitCostMinor: write.cost,
            status: write.status,
          },
        });
      return;
    }
    case "giftDelete": {
      const id = await anyRow("gift", write.row);
      if (id) await client.gift.delete({ where: { id } });
      return;
    }
    case "placement":
      await client.placement.create({
        data: {
          partnerId: pick(partners, write.partner),
          campaignId: pick(campaigns, write.campaign),
          title: "Vidéo",
          feeMinor: write.fee,
          currency: write.currency,
          agreedOn: day(write.on),
          status: write.status as "approved",
        },
      });
      return;
    case "placementUpdate": {
      const id = await anyRow("placement", write.row);
      if (id)
        await client.placement.update({
          where: { id },
          data: {
            partnerId: pick(partners, write.partner),
            campaignId: pick(campaigns, write.campaign),
            agreedOn: day(write.on),
            status: write.status,
          },
        });
      return;
    }
    case "payment": {
      const id = await anyRow("placement", write.row);
      if (id) await client.payment.create({ data: { placementId: id, paidOn: day(write.on), amountMinor: write.amount } });
      return;
    }
    case "paymentUpdate": {
      const id = await anyRow("payment", write.row);
      if (id) await client.payment.update({ where: { id }, data: { paidOn: day(write.on) } });
      return;
    }
    case "paymentDelete": {
      const id = await anyRow("payment", write.row);
      if (id) await client.payment.delete({ where: { id } });
      return;
    }
    case "coverage": {
      const partnerId = pick(partners, write.partner);
      const campaignId = pick(campaigns, write.campaign);
      const item = await client.coverageItem.create({
        data: {
          partnerId,
          campaignId,
          url: `https://blog.example/${write.on}-${write.partner}`,
          platform: "blog",
          publishedOn: day(write.on),
          text: "Merci à la marque #sponsorisé",
          impressions: write.impressions,
          likes: write.likes,
          clicks: write.clicks,
          revenueMinor: write.revenue,
          revenueCurrency: write.revenue === null ? null : write.currency,
        },
      });
      for (const jurisdiction of ["FR", "US"])
        await client.disclosureCheck.create({
          data: {
            coverageItemId: item.id,
            jurisdiction,
            jurisdictionSource: "default",
            ruleSetVersion: 1,
            verdict: "compliant",
            reasons: [],
            markers: [],
            publishedOn: item.publishedOn,
            partnerId,
            campaignId,
            platform: "blog",
          },
        });
      return;
    }
    case "coverageUpdate": {
      const id = await anyRow("coverageItem", write.row);
      if (!id) return;
      const partnerId = pick(partners, write.partner);
      await client.$transaction([
        client.coverageItem.update({
          where: { id },
          data: {
            partnerId,
            publishedOn: day(write.on),
            impressions: write.impressions,
            revenueMinor: write.revenue,
            revenueCurrency: write.revenue === null ? null : write.currency,
          },
        }),
        client.disclosureCheck.updateMany({ where: { coverageItemId: id }, data: { partnerId, publishedOn: day(write.on) } }),
      ]);
      return;
    }
    case "checkUpdate": {
      const id = await anyRow("disclosureCheck", write.row);
      if (id) await client.disclosureCheck.update({ where: { id }, data: { verdict: write.verdict } });
      return;
    }
    case "recheck": {
      // A recheck replaces the current check with a new one, as the checker does.
      const id = await anyRow("disclosureCheck", write.row);
      const check = id ? await client.disclosureCheck.findUnique({ where: { id } }) : null;
      if (!check?.current) return;
      const { id: _, supersedesId: __, markers, checkedAt: ___, ...rest } = check;
      await client.$transaction([
        client.disclosureCheck.update({ where: { id: check.id }, data: { current: false } }),
        client.disclosureCheck.create({
          data: { ...rest, markers: markers as Prisma.InputJsonValue, verdict: write.verdict, supersedesId: check.id },
        }),
      ]);
      return;
    }
    case "rate":
      await client.exchangeRate.upsert({
        where: {
          baseCurrency_quoteCurrency_validOn: {
            baseCurrency: write.currency,
            quoteCurrency: write.currency === "EUR" ? "USD" : "EUR",
            validOn: day(write.on),
          },
        },
        create: {
          baseCurrency: write.currency,
          quoteCurrency: write.currency === "EUR" ? "USD" : "EUR",
          validOn: day(write.on),
          rate: write.rate / 100,
          minorUnitShift: 0,
        },
        update: { rate: write.rate / 100 },
      });
      return;
    case "rateDelete": {
      const id = await anyRow("exchangeRate", write.row);
      if (id) await client.exchangeRate.delete({ where: { id } });
      return;
    }
    case "order":
      await client.shopOrder.create({
        data: {
          shopId: await testShop(),
          externalId: `o-${Math.random().toString(36).slice(2)}`,
          orderedAt: new Date(day(write.on).getTime() + 13 * 3_600_000),
          currency: write.currency,
          totalMinor: write.total,
          status: "paid",
          source: "test",
          partnerId: write.partner === null ? null : pick(partners, write.partner),
          campaignId: pick(campaigns, write.campaign),
        },
      });
      return;
    case "orderUpdate": {
      const id = await anyRow("shopOrder", write.row);
      if (id)
        await client.shopOrder.update({
          where: { id },
          data: { partnerId: write.partner === null ? null : pick(partners, write.partner), orderedAt: day(write.on) },
        });
      return;
    }
    case "refund": {
      const id = await anyRow("shopOrder", write.row);
      if (id)
        await client.orderAdjustment.create({
          data: { orderId: id, externalId: `r-${Math.random().toString(36).slice(2)}`, day: day(write.on), amountMinor: write.amount },
        });
      return;
    }
    case "refundDelete": {
      const id = await anyRow("orderAdjustment", write.row);
      if (id) await client.orderAdjustment.delete({ where: { id } });
      return;
    }
    case "clicks": {
      const partnerId = pick(partners, write.partner);
      const campaignId = pick(campaigns, write.campaign);
      const link =
        (await client.trackedLink.findFirst({ where: { partnerId, campaignId }, select: { id: true } })) ??
        (await client.trackedLink.create({
          data: {
            code: `t${Math.random().toString(36).slice(2, 9)}`,
            partnerId,
            campaignId,
            destination: "https://shop.example.com/",
            createdById: await testUser(),
          },
          select: { id: true },
        }));
      await client.$executeRaw`
        INSERT INTO "LinkClickDay" ("linkId", "day", "clicks") VALUES (${link.id}, ${day(write.on)}, ${write.clicks})
        ON CONFLICT ("linkId", "day") DO UPDATE SET "clicks" = "LinkClickDay"."clicks" + EXCLUDED."clicks"`;
      return;
    }
    case "settings":
      await client.workspaceSettings.update({
        where: { id: 1 },
        data: { reportingCurrency: write.currency, giftValuationBasis: write.basis as "cost" },
      });
      return;
  }
}

let shopId: string | null = null;
let userId: string | null = null;
async function testShop() {
  shopId ??= (await db().shop.create({ data: { platform: "shopify", name: "Test shop", domain: `rollup-${Date.now()}.myshopify.com` } }))
    .id;
  return shopId;
}
async function testUser() {
  userId ??= (await db().user.create({ data: { email: `rollup-${Date.now()}@example.test`, name: "Rollup", role: "admin" } })).id;
  return userId;
}

beforeAll(async () => {
  await getSettings();
  for (const name of ["Lina", "Marc", "Zoé", "Inès"])
    partners.push(
      (await db().partner.create({ data: { name, kind: "blogger", stage: "active", country: "FR", searchText: name.toLowerCase() } })).id,
    );
  for (const name of ["Printemps", "Noël"]) campaigns.push((await db().campaign.create({ data: { name } })).id);
});

describe("the cost-benefit rollup", () => {
  it("marks the partners a write touches as stale in the writing transaction, and not when it rolls back", async () => {
    await expectRollupEqualsFreshAggregation();
    await expect(
      db().$transaction(async (tx) => {
        await tx.gift.create({
          data: {
            partnerId: partners[0],
            itemName: "Crème",
            quantity: 1,
            unitCostMinor: 1200,
            currency: "EUR",
            status: "shipped",
            shippedOn: day(3),
          },
        });
        expect(await tx.costBenefitStale.findMany()).toEqual([{ partnerId: partners[0] }]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().costBenefitStale.count()).toBe(0);
  });

  it("reads what was just written: a report right after a write includes it", async () => {
    const context = await metricsContext();
    const period = { from: "2025-01-01", to: "2025-12-31", partnerId: partners[3] };
    const before = await costBenefitTotal(period, context);
    await db().gift.create({
      data: {
        partnerId: partners[3],
        itemName: "Crème",
        quantity: 2,
        unitCostMinor: 1500,
        shippingMinor: 500,
        currency: context.currency,
        status: "shipped",
        shippedOn: day(10),
      },
    });
    const after = await costBenefitTotal(period, context);
    expect(after.sums.giftsMinor - before.sums.giftsMinor).toBe(3500);
    expect(after.sums.giftCount - before.sums.giftCount).toBe(1);
  });

  it("equals a fresh aggregation after any sequence of writes", async () => {
    const seen = { rows: 0, unconverted: false, revenue: false, disclosure: false };
    await fc.assert(
      fc.asyncProperty(fc.array(writes, { minLength: 1, maxLength: 15 }), async (sequence) => {
        for (const write of sequence) {
          await apply(write);
          const rows = await expectRollupEqualsFreshAggregation();
          seen.rows = Math.max(seen.rows, rows.length);
          seen.unconverted ||= rows.some((row) => Number(row.unconverted) > 0);
          seen.revenue ||= rows.some((row) => row.revenueMinor !== null);
          seen.disclosure ||= rows.some((row) => Number(row.disclosureCompliant) < Number(row.disclosureRequired));
        }
      }),
      { numRuns: 40, seed: 20261121 },
    );
    // The runs must have exercised the interesting cases, not only empty tables.
    expect(seen).toEqual({ rows: expect.any(Number), unconverted: true, revenue: true, disclosure: true });
    expect(seen.rows).toBeGreaterThanOrEqual(10);
  }, 240_000);
});
