/**
 * Shop orders in: webhooks and files. An order is written once per shop and order id however often
 * it arrives; it counts for a partner when it carries their promo code, or when its landing
 * address came through their tracked link within the attribution window of a click (the code wins:
 * it is the last touch, at checkout). Refunds and cancellations take their amount off on their day.
 * An order that matches nobody is kept and listed.
 */
import {
  normaliseCode,
  linkCodeOfLanding,
  refundMinor,
  type PromoCodeInput,
  type ShopifyOrder,
  type ShopifyRefund,
  type ShopInput,
} from "~/domain/orders";
import { toMinorUnits } from "~/domain/money";
import { RuleViolation } from "~/domain/rules";
import { Prisma } from "~/generated/prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import { sealSecret } from "~/utils/secret-box.server";
import { recordAudit } from "./audit.server";
import { lockPartnersForShare } from "./row-locks.server";
import { getSettings } from "./settings.server";

export async function createPromoCode(actorId: string, partnerId: string, given: PromoCodeInput) {
  const input = { ...given, code: normaliseCode(given.code) };
  return db().$transaction(async (tx) => {
    await lockPartnersForShare(tx, [partnerId]);
    // One code at a time: two people giving the same code to two partners wait for each other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`promo:${input.code}`}))`;
    const others = await tx.promoCode.findMany({
      where: { code: input.code, archivedAt: null, partnerId: { not: partnerId } },
      select: { id: true, partner: { select: { name: true } } },
    });
    if (others.length && !input.shared)
      throw new RuleViolation("promoCodes.takenByOther", 409, "code", { partner: others.map((o) => o.partner.name).join(", ") });
    if (input.campaignId && !(await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } })))
      throw new RuleViolation("errors.invalidChoice", 422, "campaignId");
    let code;
    try {
      code = await tx.promoCode.create({
        data: {
          code: input.code,
          partnerId,
          campaignId: input.campaignId ?? null,
          validFrom: input.validFrom ? new Date(`${input.validFrom}T00:00:00Z`) : null,
          validTo: input.validTo ? new Date(`${input.validTo}T00:00:00Z`) : null,
          shared: input.shared,
          createdById: actorId,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new RuleViolation("promoCodes.alreadyTheirs", 409, "code");
      throw error;
    }
    // A shared code is shared for every partner who has it: said once, seen everywhere.
    if (input.shared && others.length)
      await tx.promoCode.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { shared: true } });
    await recordAudit(tx, { actorId, action: "promo_code.create", entityType: "PromoCode", entityId: code.id, after: code });
    return code;
  });
}

export function partnerPromoCodes(partnerId: string) {
  return db().promoCode.findMany({
    where: { partnerId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, code: true, validFrom: true, validTo: true, shared: true, archivedAt: true, campaign: { select: { name: true } } },
  });
}

export async function archivePromoCode(actorId: string, partnerId: string, codeId: string) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.promoCode.updateMany({
      where: { id: codeId, partnerId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (count === 0) throw new RuleViolation("errors.notFound", 404);
    await recordAudit(tx, { actorId, action: "promo_code.archive", entityType: "PromoCode", entityId: codeId, subjectId: partnerId });
  });
}

export async function createShop(actorId: string, input: ShopInput) {
  try {
    return await db().$transaction(async (tx) => {
      const shop = await tx.shop.create({
        data: {
          platform: input.platform,
          name: input.name,
          domain: input.domain,
          webhookSecretSealed: input.webhookSecret ? sealSecret(input.webhookSecret) : null,
        },
        select: { id: true, platform: true, name: true, domain: true },
      });
      // The secret is never audited; that one was set is.
      await recordAudit(tx, {
        actorId,
        action: "shop.create",
        entityType: "Shop",
        entityId: shop.id,
        after: { ...shop, webhookSecret: Boolean(input.webhookSecret) },
      });
      return shop;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RuleViolation("shops.domainTaken", 409, "domain");
    throw error;
  }
}

export function listShops() {
  return db().shop.findMany({
    orderBy: { name: "asc" },
    select: { id: true, platform: true, name: true, domain: true, webhookSecretSealed: true, _count: { select: { orders: true } } },
  });
}

export function shopByDomain(domain: string) {
  return db().shop.findUnique({ where: { domain: domain.toLowerCase() } });
}

interface Attribution {
  partnerId: string | null;
  campaignId: string | null;
  attributedBy: "code" | "link" | null;
  attributedTo: string | null;
}

/** Who an order counts for (see the module's comment); nobody when its code is shared or its link saw no click in the window. */
export async function attributeOrder(
  tx: DbClient,
  order: { orderedAt: Date; discountCodes: string[]; landingUrl: string | null },
): Promise<Attribution> {
  const day = new Date(Date.UTC(order.orderedAt.getUTCFullYear(), order.orderedAt.getUTCMonth(), order.orderedAt.getUTCDate()));
  const codes = [...new Set(order.discountCodes.map(normaliseCode))];
  if (codes.length) {
    const holders = await tx.promoCode.findMany({
      where: {
        code: { in: codes },
        archivedAt: null,
        OR: [{ validFrom: null }, { validFrom: { lte: day } }],
        AND: [{ OR: [{ validTo: null }, { validTo: { gte: day } }] }],
      },
      select: { code: true, partnerId: true, campaignId: true },
    });
    const partners = new Set(holders.map((holder) => holder.partnerId));
    // A code several partners share says nothing about which of them sold: the link may still tell.
    if (partners.size === 1)
      return { partnerId: holders[0].partnerId, campaignId: holders[0].campaignId, attributedBy: "code", attributedTo: holders[0].code };
  }
  const linkCode = linkCodeOfLanding(order.landingUrl);
  if (linkCode) {
    const { attributionWindowDays } = await getSettings(tx);
    const since = new Date(day.getTime() - attributionWindowDays * 86_400_000);
    const link = await tx.trackedLink.findUnique({
      where: { code: linkCode },
      select: { partnerId: true, campaignId: true, days: { where: { day: { gte: since, lte: day } }, take: 1, select: { day: true } } },
    });
    if (link && link.days.length)
      return { partnerId: link.partnerId, campaignId: link.campaignId, attributedBy: "link", attributedTo: linkCode };
  }
  return { partnerId: null, campaignId: null, attributedBy: null, attributedTo: null };
}

type Outcome = { orderId: string; created: boolean; partnerId: string | null; adjustments: number };

/** Adds the refunds and cancellation an order payload carries that are not there yet; returns how many. */
async function addAdjustments(
  tx: DbClient,
  order: { id: string; currency: string; totalMinor: number },
  payload: Pick<ShopifyOrder, "refunds" | "cancelled_at">,
) {
  let added = 0;
  for (const refund of payload.refunds) {
    const amount = refundMinor(refund, order.currency);
    if (amount === null || amount <= 0) continue;
    const created = await tx.orderAdjustment.createMany({
      data: [{ orderId: order.id, externalId: refund.id, day: new Date(refund.created_at), amountMinor: amount }],
      skipDuplicates: true,
    });
    added += created.count;
  }
  if (payload.cancelled_at) {
    // A cancellation takes off what refunds have not already taken.
    const refunded = await tx.orderAdjustment.aggregate({
      where: { orderId: order.id, externalId: { not: "cancelled" } },
      _sum: { amountMinor: true },
    });
    const rest = order.totalMinor - (refunded._sum.amountMinor ?? 0);
    if (rest > 0) {
      const created = await tx.orderAdjustment.createMany({
        data: [{ orderId: order.id, externalId: "cancelled", day: new Date(payload.cancelled_at), amountMinor: rest }],
        skipDuplicates: true,
      });
      added += created.count;
    }
  }
  return added;
}

/** orders/create and orders/updated: the order once, its status and adjustments kept up to date. */
export async function recordShopifyOrder(shopId: string, payload: ShopifyOrder, source: "webhook" | "csv" = "webhook"): Promise<Outcome> {
  const totalMinor = toMinorUnits(payload.total_price, payload.currency);
  if (totalMinor === null || totalMinor < 0) throw new RuleViolation("orders.badTotal", 422, undefined, { total: payload.total_price });
  const orderedAt = new Date(payload.created_at);
  if (Number.isNaN(orderedAt.getTime()))
    throw new RuleViolation("orders.badDate", 422, undefined, { date: payload.created_at.slice(0, 40) });
  return db().$transaction(async (tx) => {
    // The first copy inserts; every later copy (a replay, an update) finds it and waits its turn.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ShopOrder" ("id", "shopId", "externalId", "orderedAt", "currency", "totalMinor", "status", "source", "updatedAt")
      VALUES (${`ord_${shopId}_${payload.id}`}, ${shopId}, ${payload.id}, ${orderedAt}, ${payload.currency}, ${totalMinor}, ${payload.financial_status ?? "pending"}, ${source}, now())
      ON CONFLICT ("shopId", "externalId") DO NOTHING RETURNING "id"`;
    const created = inserted.length === 1;
    const [row] = await tx.$queryRaw<{ id: string; currency: string; totalMinor: number; partnerId: string | null }[]>`
      SELECT "id", "currency", "totalMinor", "partnerId" FROM "ShopOrder" WHERE "shopId" = ${shopId} AND "externalId" = ${payload.id} FOR UPDATE`;
    const discountCodes = payload.discount_codes.map((d) => normaliseCode(d.code)).filter(Boolean);
    let partnerId = row.partnerId;
    if (created) {
      const attribution = await attributeOrder(tx, { orderedAt, discountCodes, landingUrl: payload.landing_site ?? null });
      partnerId = attribution.partnerId;
      await tx.shopOrder.update({
        where: { id: row.id },
        data: { discountCodes, landingUrl: payload.landing_site ?? null, ...attribution },
      });
    } else await tx.shopOrder.update({ where: { id: row.id }, data: { status: payload.financial_status ?? undefined } });
    const adjustments = await addAdjustments(tx, row, payload);
    if (created || adjustments)
      await recordAudit(tx, {
        actorId: null,
        action: created ? "order.receive" : "order.update",
        entityType: "ShopOrder",
        entityId: row.id,
        after: { shopId, externalId: payload.id, partnerId, totalMinor, currency: payload.currency, adjustments },
      });
    return { orderId: row.id, created, partnerId, adjustments };
  });
}

/** refunds/create: the refund once, against its order; an unknown order is refused so the shop retries after the order arrives. */
export async function recordShopifyRefund(shopId: string, payload: ShopifyRefund) {
  return db().$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; currency: string; totalMinor: number }[]>`
      SELECT "id", "currency", "totalMinor" FROM "ShopOrder" WHERE "shopId" = ${shopId} AND "externalId" = ${payload.order_id} FOR UPDATE`;
    if (!order) throw new RuleViolation("orders.unknownOrder", 422, undefined, { order: payload.order_id });
    const added = await addAdjustments(tx, order, { refunds: [payload], cancelled_at: null });
    if (added)
      await recordAudit(tx, {
        actorId: null,
        action: "order.refund",
        entityType: "ShopOrder",
        entityId: order.id,
        after: { refundId: payload.id },
      });
    return { orderId: order.id, adjustments: added };
  });
}

export const ORDERS_PAGE_SIZE = 50;

/** Orders, newest first: one partner's, or those that matched nobody. */
export async function listOrders(filter: { partnerId?: string; unmatched?: boolean }, page: number) {
  const where: Prisma.ShopOrderWhereInput = filter.partnerId
    ? { partnerId: filter.partnerId }
    : filter.unmatched
      ? { partnerId: null }
      : {};
  const [total, orders] = await Promise.all([
    db().shopOrder.count({ where }),
    db().shopOrder.findMany({
      where,
      orderBy: [{ orderedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ORDERS_PAGE_SIZE,
      take: ORDERS_PAGE_SIZE,
      select: {
        id: true,
        externalId: true,
        orderedAt: true,
        currency: true,
        totalMinor: true,
        discountCodes: true,
        status: true,
        attributedBy: true,
        attributedTo: true,
        shop: { select: { name: true } },
        partner: { select: { id: true, name: true } },
        adjustments: { select: { amountMinor: true, day: true, externalId: true } },
      },
    }),
  ]);
  return { total, orders };
}
