/**
 * Shop orders: Shopify webhooks signed as Shopify signs them (HMAC-SHA256 of the raw body, base64),
 * attribution by promo code and by tracked link, replays, refunds, and what the rollup makes of it.
 */
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "~/routes/webhooks.shopify";
import { createPromoCode, createShop } from "~/models/orders.server";
import { createTrackedLink } from "~/models/tracked-links.server";
import { refreshCostBenefitRollups } from "~/models/cost-benefit-rollup.server";
import { db } from "~/utils/db.server";
import { args, createTestUser, responseOf } from "../setup/fixtures";

const SECRET = "shpss_test_secret_for_webhooks";
const DOMAIN = `verdure-${Date.now()}.myshopify.com`;
let actorId = "";
let lea = "";
let hugo = "";
let linkCode = "";

const today = new Date().toISOString().slice(0, 10);

function webhook(topic: string, payload: unknown, options: { secret?: string | null; domain?: string } = {}) {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": options.domain ?? DOMAIN,
  };
  const secret = options.secret === undefined ? SECRET : options.secret;
  if (secret) headers["X-Shopify-Hmac-Sha256"] = createHmac("sha256", secret).update(body, "utf8").digest("base64");
  return responseOf(() => webhookRoute.action(args(new Request("http://localhost/webhooks/shopify", { method: "POST", headers, body }))));
}

const order = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  created_at: new Date().toISOString(),
  currency: "EUR",
  total_price: "59.90",
  financial_status: "paid",
  discount_codes: [],
  landing_site: "/",
  refunds: [],
  ...extra,
});

async function rollupOf(partnerId: string) {
  await refreshCostBenefitRollups();
  const [row] = await db().$queryRaw<
    { orders: bigint | null; revenue: string | null; clicks: bigint | null; unconverted: bigint | null }[]
  >`
    SELECT sum("orderCount") AS orders, round(sum("orderRevenueMinor"))::text AS revenue, sum("trackedClicks") AS clicks, sum("unconverted") AS unconverted
    FROM "CostBenefitRollup" WHERE "partnerId" = ${partnerId}`;
  return {
    orders: Number(row.orders ?? 0),
    revenue: Number(row.revenue ?? 0),
    clicks: row.clicks === null ? null : Number(row.clicks),
    unconverted: Number(row.unconverted ?? 0),
  };
}

beforeAll(async () => {
  actorId = (await createTestUser("admin")).id;
  await createShop(actorId, { platform: "shopify", name: "Maison Verdure", domain: DOMAIN, webhookSecret: SECRET });
  lea = (await db().partner.create({ data: { name: "Léa Orders", kind: "blogger" } })).id;
  hugo = (await db().partner.create({ data: { name: "Hugo Orders", kind: "influencer" } })).id;
  await createPromoCode(actorId, lea, { code: "lea10", shared: false });
  const link = await createTrackedLink(actorId, hugo, { destination: "https://shop.example.com/printemps" });
  linkCode = link.code;
  await db().linkClickDay.create({ data: { linkId: link.id, day: new Date(`${today}T00:00:00Z`), clicks: 3 } });
});

describe("Shopify webhooks", () => {
  it("refuse unsigned, badly signed and unknown-shop requests with a 401, and write nothing", async () => {
    const before = await db().shopOrder.count();
    expect((await webhook("orders/create", order(900), { secret: null })).status).toBe(401);
    expect((await webhook("orders/create", order(900), { secret: "another-secret" })).status).toBe(401);
    expect((await webhook("orders/create", order(900), { domain: "unknown.myshopify.com" })).status).toBe(401);
    expect(await db().shopOrder.count()).toBe(before);
  });

  it("attribute an order to the partner whose code it carries, and another to the partner whose link it landed through", async () => {
    const byCode = await webhook("orders/create", order(1001, { discount_codes: [{ code: "Lea10" }], total_price: "80.00" }));
    expect(byCode.status).toBe(200);
    expect(await byCode.json()).toMatchObject({ created: true, partnerId: lea });
    const byLink = await webhook(
      "orders/create",
      order(1002, {
        landing_site: `/products/serum?utm_source=partnerledger&utm_medium=influencer&utm_content=${linkCode}`,
        total_price: "45.50",
      }),
    );
    expect(await byLink.json()).toMatchObject({ created: true, partnerId: hugo });
    const nobody = await webhook("orders/create", order(1003, { landing_site: "/?utm_content=nothing" }));
    expect(await nobody.json()).toMatchObject({ created: true, partnerId: null });
    // Kept and listed, never dropped.
    expect(await db().shopOrder.count({ where: { externalId: "1003", partnerId: null } })).toBe(1);

    expect(await rollupOf(lea)).toMatchObject({ orders: 1, revenue: 8000 });
    expect(await rollupOf(hugo)).toMatchObject({ orders: 1, revenue: 4550, clicks: 3 });
  });

  it("write an order once however often it arrives, and take a refund off on its day, once", async () => {
    const payload = order(1004, { discount_codes: [{ code: "LEA10" }], total_price: "100.00" });
    for (let i = 0; i < 100; i++) expect((await webhook("orders/create", payload)).status).toBe(200);
    expect(await db().shopOrder.count({ where: { externalId: "1004" } })).toBe(1);
    const orderId = (await db().shopOrder.findFirstOrThrow({ where: { externalId: "1004" } })).id;
    expect(await db().auditEvent.count({ where: { entityId: orderId, action: "order.receive" } })).toBe(1);

    const refund = {
      id: 5001,
      order_id: 1004,
      created_at: new Date().toISOString(),
      transactions: [{ amount: "30.00", kind: "refund", status: "success" }],
    };
    for (let i = 0; i < 3; i++) expect((await webhook("refunds/create", refund)).status).toBe(200);
    expect(await db().orderAdjustment.count({ where: { orderId } })).toBe(1);
    // Two orders of Léa's (80 + 100), less the 30 refunded.
    expect(await rollupOf(lea)).toMatchObject({ orders: 2, revenue: 15000 });

    // A cancellation takes off what is left of the order.
    await webhook("orders/updated", { ...payload, cancelled_at: new Date().toISOString(), financial_status: "refunded" });
    expect(await rollupOf(lea)).toMatchObject({ orders: 2, revenue: 8000 });
    // A refund for an order not received yet is refused, so the shop sends it again later.
    expect((await webhook("refunds/create", { ...refund, id: 5002, order_id: 999999 })).status).toBe(422);
  });

  it("count an order in a currency without a rate as left out, not as zero", async () => {
    await webhook("orders/create", order(1005, { currency: "CHF", total_price: "50.00", discount_codes: [{ code: "LEA10" }] }));
    const after = await rollupOf(lea);
    expect(after.orders).toBe(3);
    expect(after.revenue).toBe(8000);
    expect(after.unconverted).toBeGreaterThanOrEqual(1);
  });

  it("refuse a malformed payload with a 422 and write nothing", async () => {
    const before = await db().shopOrder.count();
    expect((await webhook("orders/create", { id: 1006, created_at: "yesterday", currency: "EUR", total_price: "ten" })).status).toBe(422);
    expect((await webhook("orders/create", { hello: "world" })).status).toBe(422);
    expect(await db().shopOrder.count()).toBe(before);
  });
});

describe("promo codes", () => {
  it("belong to one partner unless someone says the code is shared; a shared code alone attributes to nobody", async () => {
    await expect(createPromoCode(actorId, hugo, { code: "LEA10", shared: false })).rejects.toMatchObject({
      messageKey: "promoCodes.takenByOther",
      status: 409,
    });
    await createPromoCode(actorId, hugo, { code: "LEA10", shared: true });
    expect((await db().promoCode.findMany({ where: { code: "LEA10" }, select: { shared: true } })).map((c) => c.shared)).toEqual([
      true,
      true,
    ]);
    const shared = await webhook("orders/create", order(1007, { discount_codes: [{ code: "LEA10" }] }));
    expect(await shared.json()).toMatchObject({ created: true, partnerId: null });
  });
});
