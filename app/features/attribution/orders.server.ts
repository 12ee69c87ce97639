/**
 * Shop orders in: webhooks and files. An order is written once per shop and order id however often
 * it arrives; it counts for a partner when it carries their promo code, or when its landing
 * address came through their tracked link within the attribution window of a click (the code wins:
 * it is the last touch, at checkout). Refunds and cancellations take their amount off on their day.
 * An order that matches nobody is kept and listed.
 */
import type { OrderImportPlan } from "./order-import";
import {
  fromShopifyOrder,
  normaliseCode,
  linkCodeOfLanding,
  refundMinor,
  type IncomingOrder,
  type PromoCodeInput,
  type ShopifyOrder,
  type ShopifyRefund,
  type ShopInput,
} from "./orders";
import { RuleViolation } from "~/shared/violations";
import { Prisma } from "~/generated/prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import { sealSecret } from "~/utils/secret-box.server";
import { recordAudit } from "~/utils/audit.server";
import { lockPartnersForShare } from "~/utils/row-locks.server";
import { getSettings } from "~/features/accounts/index.server";

export async function createPromoCode(actorId: string, partnerId: string, given: PromoCodeInput) {
  const input = { ...given, code: normaliseCode(given.code) };
  return db().$transaction(async (tx) => {
    await lockPartnersForShare(tx, [partnerId]);
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { erasedAt: true } });
    if (!partner) throw new RuleViolation("errors.notFound", 404);
    if (partner.erasedAt) throw new RuleViolation("privacy.alreadyErased", 409);
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

/** Adds the refunds and cancellation an order carries that are not there yet; returns how many. */
async function addAdjustments(
  tx: DbClient,
  order: { id: string; totalMinor: number },
  incoming: Pick<IncomingOrder, "refunds" | "cancelledAt">,
) {
  let added = 0;
  for (const refund of incoming.refunds) {
    const created = await tx.orderAdjustment.createMany({
      data: [{ orderId: order.id, externalId: refund.id, day: refund.day, amountMinor: refund.amountMinor }],
      skipDuplicates: true,
    });
    added += created.count;
  }
  if (incoming.cancelledAt) {
    // A cancellation takes off what refunds have not already taken.
    const refunded = await tx.orderAdjustment.aggregate({
      where: { orderId: order.id, externalId: { not: "cancelled" } },
      _sum: { amountMinor: true },
    });
    const rest = order.totalMinor - (refunded._sum.amountMinor ?? 0);
    if (rest > 0) {
      const created = await tx.orderAdjustment.createMany({
        data: [{ orderId: order.id, externalId: "cancelled", day: incoming.cancelledAt, amountMinor: rest }],
        skipDuplicates: true,
      });
      added += created.count;
    }
  }
  return added;
}

/** One order, from any door: written once per shop and id, attributed when first seen, its status and adjustments kept up to date. */
export async function recordOrder(shopId: string, incoming: IncomingOrder, source: "webhook" | "csv"): Promise<Outcome> {
  return db().$transaction(async (tx) => {
    // The first copy inserts; every later copy (a replay, an update) finds it and waits its turn.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ShopOrder" ("id", "shopId", "externalId", "orderedAt", "currency", "totalMinor", "status", "source", "updatedAt")
      VALUES (${`ord_${shopId}_${incoming.externalId}`}, ${shopId}, ${incoming.externalId}, ${incoming.orderedAt}, ${incoming.currency},
              ${incoming.totalMinor}, ${incoming.status}, ${source}, now())
      ON CONFLICT ("shopId", "externalId") DO NOTHING RETURNING "id"`;
    const created = inserted.length === 1;
    const [row] = await tx.$queryRaw<{ id: string; totalMinor: number; partnerId: string | null }[]>`
      SELECT "id", "totalMinor", "partnerId" FROM "ShopOrder" WHERE "shopId" = ${shopId} AND "externalId" = ${incoming.externalId} FOR UPDATE`;
    let partnerId = row.partnerId;
    if (created) {
      const attribution = await attributeOrder(tx, incoming);
      partnerId = attribution.partnerId;
      await tx.shopOrder.update({
        where: { id: row.id },
        data: { discountCodes: incoming.discountCodes, landingUrl: incoming.landingUrl, ...attribution },
      });
    } else await tx.shopOrder.update({ where: { id: row.id }, data: { status: incoming.status } });
    const adjustments = await addAdjustments(tx, row, incoming);
    if (created || adjustments)
      await recordAudit(tx, {
        actorId: null,
        action: created ? "order.receive" : "order.update",
        entityType: "ShopOrder",
        entityId: row.id,
        after: {
          shopId,
          externalId: incoming.externalId,
          partnerId,
          totalMinor: incoming.totalMinor,
          currency: incoming.currency,
          adjustments,
          source,
        },
      });
    return { orderId: row.id, created, partnerId, adjustments };
  });
}

/** orders/create and orders/updated. */
export function recordShopifyOrder(shopId: string, payload: ShopifyOrder) {
  return recordOrder(shopId, fromShopifyOrder(payload), "webhook");
}

/** refunds/create: the refund once, against its order; an unknown order is refused so the shop retries after the order arrives. */
export async function recordShopifyRefund(shopId: string, payload: ShopifyRefund) {
  return db().$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; currency: string; totalMinor: number }[]>`
      SELECT "id", "currency", "totalMinor" FROM "ShopOrder" WHERE "shopId" = ${shopId} AND "externalId" = ${payload.order_id} FOR UPDATE`;
    if (!order) throw new RuleViolation("orders.unknownOrder", 422, undefined, { order: payload.order_id });
    const amountMinor = refundMinor(payload, order.currency);
    const day = new Date(payload.created_at);
    if (amountMinor === null || Number.isNaN(day.getTime())) throw new RuleViolation("orders.badRefund", 422);
    const added =
      amountMinor > 0 ? await addAdjustments(tx, order, { refunds: [{ id: payload.id, day, amountMinor }], cancelledAt: null }) : 0;
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

/**
 * An order file: each order through the same path as a webhook, each one whole (an order and its
 * refund commit together); a file imported again changes nothing. A refund the file gives without
 * a date counts on the day of the import, when the app learned of it. The dry run only counts.
 */
export async function importOrders(actorId: string, shopId: string, plan: OrderImportPlan, dryRun: boolean) {
  const existing = new Set(
    (
      await db().shopOrder.findMany({
        where: { shopId, externalId: { in: plan.orders.map((order) => order.externalId) } },
        select: { externalId: true },
      })
    ).map((order) => order.externalId),
  );
  const settings = await getSettings();
  const rated = new Set(
    (
      await db().exchangeRate.findMany({
        where: { quoteCurrency: settings.reportingCurrency },
        distinct: ["baseCurrency"],
        select: { baseCurrency: true },
      })
    ).map((rate) => rate.baseCurrency),
  );
  const summary = {
    rowCount: plan.rowCount,
    orders: plan.orders.length,
    alreadyThere: plan.orders.filter((order) => existing.has(order.externalId)).length,
    rejected: plan.errors.length,
    // Orders in a currency with no rate into the reporting currency stay out of the figures, counted as left out.
    currenciesWithoutRate: plan.currencies.filter((currency) => currency !== settings.reportingCurrency && !rated.has(currency)),
    attributed: 0,
  };
  if (dryRun) return summary;
  const today = new Date();
  for (const order of plan.orders) {
    const outcome = await recordOrder(
      shopId,
      {
        ...order,
        refunds: order.refundedMinor > 0 ? [{ id: "file-refund", day: today, amountMinor: order.refundedMinor }] : [],
      },
      "csv",
    );
    if (outcome.partnerId) summary.attributed += 1;
  }
  await db().$transaction((tx) =>
    recordAudit(tx, { actorId, action: "orders.import", entityType: "Shop", entityId: shopId, after: { ...summary, format: plan.format } }),
  );
  return summary;
}

export const ORDERS_PAGE_SIZE = 50;

/** Orders, newest first: one partner's, or those that matched nobody. */
/** Orders by partner (or those that matched nobody), within days (UTC) when given: the orders behind a report's figure. */
export async function listOrders(filter: { partnerId?: string; unmatched?: boolean; from?: string; to?: string }, page: number) {
  const where: Prisma.ShopOrderWhereInput = {
    ...(filter.partnerId ? { partnerId: filter.partnerId } : filter.unmatched ? { partnerId: null } : {}),
    ...(filter.from || filter.to
      ? {
          orderedAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
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
