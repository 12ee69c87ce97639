/**
 * Shop orders: Shopify webhooks signed as Shopify signs them (HMAC-SHA256 of the raw body, base64),
 * attribution by promo code and by tracked link, replays, refunds, and what the rollup makes of it.
 */
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "~/routes/webhooks.shopify";
import * as importRoute from "~/routes/orders.import";
import { createPromoCode, createShop } from "~/features/attribution/orders.server";
import { createTrackedLink } from "~/features/attribution/tracked-links.server";
import { refreshCostBenefitRollups } from "~/features/reports/cost-benefit-rollup.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, responseOf } from "../setup/fixtures";

const SECRET = "shpss_test_secret_for_webhooks";
const DOMAIN = `verdure-${Date.now()}.myshopify.com`;
let actorId = "";
let lea = "";
let hugo = "";
let linkCode = "";
let cookie = "";

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
  cookie = await cookieFor(actorId);
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

describe("order files", () => {
  const upload = (csv: string | Uint8Array, shopId: string) => {
    const form = new FormData();
    form.set("shopId", shopId);
    form.set("file", new File([typeof csv === "string" ? csv : Buffer.from(csv)], "orders.csv", { type: "text/csv" }));
    return responseOf(() =>
      importRoute.action(args(new Request("http://localhost/orders/import", { method: "POST", body: form, headers: { Cookie: cookie } }))),
    );
  };
  const confirm = (csv: string, shopId: string) =>
    responseOf(() => importRoute.action(args(formRequest("/orders/import", { csv, shopId }, { cookie }))));

  it("read Shopify's export (a row per line item), WooCommerce's (semicolons, Windows-1252) and a generic file, by the webhook's path", async () => {
    const shop = await createShop(actorId, { platform: "woocommerce", name: "Boutique CSV", domain: `csv-${Date.now()}.example.com` });
    const shopify = [
      "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Discount Code,Created at,Lineitem name,Cancelled at,Refunded Amount,Id",
      `#2001,a@b.test,paid,2026-11-20 10:00:00 +0100,EUR,80.00,80.00,LEA10,2026-11-20 10:00:00 +0100,Sérum,,,7001`,
      `#2001,,,,,,,,,Crème,,,7001`,
      `#2002,c@d.test,refunded,2026-11-21 11:00:00 +0100,EUR,50.00,50.00,,2026-11-21 11:00:00 +0100,Savon,,20.00,7002`,
      `#2003,e@f.test,paid,2026-11-22 09:00:00 +0100,EUR,abc,abc,,2026-11-22 09:00:00 +0100,Savon,,,7003`,
    ].join("\r\n");
    const preview = await upload(shopify, shop.id);
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.preview).toMatchObject({ format: "shopify", orders: 2, rejected: 1, alreadyThere: 0 });
    expect(body.preview.errors[0]).toMatchObject({ line: 5, column: "total", messageKey: "errors.invalidAmount" });
    expect(await db().shopOrder.count({ where: { shopId: shop.id } })).toBe(0);
    expect((await confirm(body.csv, shop.id)).status).toBe(302);
    const orders = await db().shopOrder.findMany({
      where: { shopId: shop.id },
      orderBy: { externalId: "asc" },
      include: { adjustments: true },
    });
    expect(
      orders.map((o) => [o.externalId, o.totalMinor, o.partnerId === lea ? "lea" : null, o.adjustments.map((a) => a.amountMinor)]),
    ).toEqual([
      ["7001", 8000, "lea", []],
      ["7002", 5000, null, [2000]],
    ]);
    // The same file again changes nothing.
    expect((await confirm(body.csv, shop.id)).status).toBe(302);
    expect(await db().shopOrder.count({ where: { shopId: shop.id } })).toBe(2);
    expect(await db().orderAdjustment.count({ where: { order: { shopId: shop.id } } })).toBe(1);

    const wooText = [
      "Order ID;Order Date;Order Currency;Order Total;Coupon Code;Order Status",
      `W-1;2026-11-23;EUR;12,50;lea10;completed`,
      `W-2;23/11/2026;USD;30,00;;completed`,
    ].join("\r\n");
    const latin1 = Uint8Array.from(Buffer.from(wooText.replace("completed", "complété"), "latin1"));
    const wooPreview = await (await upload(latin1, shop.id)).json();
    expect(wooPreview.preview).toMatchObject({ format: "woocommerce", orders: 2, rejected: 0, currenciesWithoutRate: ["USD"] });
    await confirm(wooPreview.csv, shop.id);
    const w1 = await db().shopOrder.findFirstOrThrow({ where: { shopId: shop.id, externalId: "W-1" } });
    expect([w1.totalMinor, w1.partnerId, w1.status]).toEqual([1250, lea, "complété"]);

    const generic = [
      "order_id,date,currency,total,discount_codes,landing_url,status",
      `G-1,${today},EUR,9.90,,/p?utm_content=${linkCode},paid`,
    ].join("\n");
    await confirm((await (await upload(generic, shop.id)).json()).csv, shop.id);
    expect((await db().shopOrder.findFirstOrThrow({ where: { shopId: shop.id, externalId: "G-1" } })).partnerId).toBe(hugo);
  });

  it("name the missing columns of a file that is not an order export", async () => {
    const shop = await db().shop.findFirstOrThrow({ where: { name: "Boutique CSV" } });
    const body = await (await upload("name;email\nLéa;lea@x.test", shop.id)).json();
    expect(body.preview.orders).toBe(0);
    expect(body.preview.errors.map((e: { column: string }) => e.column)).toEqual(["order_id", "date", "currency", "total"]);
  });
});

describe("promo codes", () => {
  it("belong to a partner that exists", async () => {
    await expect(createPromoCode(actorId, "no-such-partner", { code: "GHOST", shared: false })).rejects.toMatchObject({ status: 404 });
  });

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
