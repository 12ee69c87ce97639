import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { dayRange, isoDay, utcDay } from "~/shared/days";
import { convertAmount, giftValueMinor } from "~/shared/money";
import { isDoNotContact } from "~/features/partners";
import { RuleViolation } from "~/shared/violations";
import { type GiftBatchInput, type GiftListQuery, type GiftShipmentInput } from "./spend";
import { canMoveGift, giftUnitPrices, type GiftSort, type GiftStatus } from "./spend-terms";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { lockPartnersForShare } from "~/utils/row-locks.server";
import { checkAgreementThreshold } from "./agreements.server";
import { checkCampaignBudget } from "./campaign.server";
import { getSettings, ratesInto } from "~/features/accounts/index.server";

const PAGE_SIZE = 50;
const day = (iso: string | undefined) => (iso ? utcDay(iso) : null);

/** Gifts and placements go only to live partners that may be contacted. */
export async function assertMayReceive(tx: DbClient, partnerIds: string[], field = "partnerId") {
  // Held until the gift or placement is written: "do not contact" set meanwhile waits, or is seen.
  await lockPartnersForShare(tx, [...new Set(partnerIds)]);
  const partners = await tx.partner.findMany({
    where: { id: { in: partnerIds } },
    select: { id: true, name: true, stage: true, mergedIntoId: true },
  });
  if (partners.length !== new Set(partnerIds).size || partners.some((p) => p.mergedIntoId))
    throw new RuleViolation("spend.unknownPartner", 422, field);
  const refused = partners.filter((p) => isDoNotContact(p.stage));
  if (refused.length) throw new RuleViolation("spend.doNotContactNamed", 422, field, { names: refused.map((p) => p.name).join(", ") });
}

/** What the gift form names: a catalogue product (its price and name by default) or a free-text item. */
async function resolveItem(tx: DbClient, input: Pick<GiftBatchInput, "productId" | "itemName" | "unitValue" | "currency">) {
  if (!input.productId) {
    if (input.unitValue === undefined) throw new RuleViolation("errors.required", 422, "unitValue");
    return { productId: null, itemName: input.itemName!, unitCostMinor: input.unitValue, unitRetailMinor: null };
  }
  const product = await tx.product.findUnique({ where: { id: input.productId } });
  if (!product || product.archivedAt) throw new RuleViolation("gifts.unknownProduct", 422, "productId");
  const { unitCostMinor, unitRetailMinor } = giftUnitPrices(product, input.currency, input.unitValue);
  if (unitCostMinor === undefined) throw new RuleViolation("gifts.unitValueInCurrency", 422, "unitValue");
  return { productId: product.id, itemName: input.itemName ?? product.name, unitCostMinor, unitRetailMinor };
}

/**
 * One gift per partner, all in one transaction: a do-not-contact partner, an unknown product or
 * an unconfirmed budget overrun refuses the whole batch and writes nothing.
 */
export async function createGifts(actorId: string | null, input: GiftBatchInput) {
  return db().$transaction(async (tx) => {
    await assertMayReceive(tx, input.partnerIds, "partnerIds");
    const item = await resolveItem(tx, input);
    const settings = await getSettings(tx);
    const valueEach = giftValueMinor(
      { quantity: input.quantity, shippingMinor: input.shipping ?? 0, ...item },
      settings.giftValuationBasis,
    );
    const on = input.shippedOn ?? isoDay(new Date());
    const overBudget = await checkCampaignBudget(
      tx,
      input.campaignId,
      { amountMinor: valueEach * input.partnerIds.length, currency: input.currency, on },
      input.overBudgetConfirmed,
    );
    const batchId = input.partnerIds.length > 1 ? crypto.randomUUID() : null;
    const gifts = [];
    for (const partnerId of input.partnerIds) {
      const gift = await tx.gift.create({
        data: {
          partnerId,
          campaignId: input.campaignId ?? null,
          ...item,
          quantity: input.quantity,
          shippingMinor: input.shipping ?? 0,
          currency: input.currency,
          requestedByPartner: input.requestedByPartner,
          status: input.status,
          carrier: input.carrier ?? null,
          trackingNumber: input.trackingNumber ?? null,
          shippedOn: day(input.shippedOn),
          deliveredOn: day(input.deliveredOn),
          expectedReturn: input.expectedReturn ?? null,
          agreementRef: input.agreementRef ?? null,
          batchId,
          budgetOverrideById: overBudget ? actorId : null,
          createdById: actorId,
        },
      });
      await recordAudit(tx, {
        actorId,
        action: overBudget ? "gift.create_over_budget" : "gift.create",
        entityType: "Gift",
        entityId: gift.id,
        after: gift,
      });
      gifts.push(gift);
    }
    return {
      gifts,
      overBudget,
      needsAgreement: (await agreementNeeded(tx, settings, { ...gifts[0], valueMinor: valueEach })) && !input.agreementRef,
    };
  });
}

/** Above the workspace threshold (in the reporting currency) a written agreement is needed. */
async function agreementNeeded(
  tx: DbClient,
  settings: Awaited<ReturnType<typeof getSettings>>,
  gift: { valueMinor: number; currency: string; shippedOn: Date | null; createdAt: Date },
) {
  const rates = gift.currency === settings.reportingCurrency ? [] : await ratesInto(tx, settings.reportingCurrency);
  const on = isoDay(gift.shippedOn ?? gift.createdAt);
  const value = convertAmount({ amountMinor: gift.valueMinor, currency: gift.currency, on }, settings.reportingCurrency, rates);
  return value !== null && value > settings.writtenAgreementMinor;
}

export async function getGift(id: string) {
  const gift = await db().gift.findUnique({
    where: { id },
    include: {
      partner: { select: { id: true, name: true, stage: true } },
      campaign: { select: { id: true, name: true } },
      product: { select: { id: true, name: true, sku: true } },
      createdBy: { select: { name: true } },
      budgetOverrideBy: { select: { name: true } },
    },
  });
  if (!gift) return null;
  const settings = await getSettings();
  const valueMinor = giftValueMinor(gift, settings.giftValuationBasis);
  return {
    gift,
    valueMinor,
    basis: settings.giftValuationBasis,
    needsAgreement: await agreementNeeded(db(), settings, { ...gift, valueMinor }),
    thresholdMinor: settings.writtenAgreementMinor,
    reportingCurrency: settings.reportingCurrency,
  };
}

type GiftRow = Prisma.GiftGetPayload<object>;

/** A locked read-modify-write of one gift; `afterChange` may refuse (the transaction rolls back) or add to the audit event. */
async function updateGift(
  actorId: string,
  id: string,
  change: (gift: GiftRow) => Prisma.GiftUpdateInput,
  action: string,
  afterChange?: (tx: DbClient, before: GiftRow, after: GiftRow) => Promise<Record<string, unknown>>,
) {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Gift" WHERE "id" = ${id} FOR UPDATE`;
    if (!locked.length) throw new RuleViolation("errors.notFound", 404);
    const before = await tx.gift.findUniqueOrThrow({ where: { id } });
    const after = await tx.gift.update({ where: { id }, data: change(before) });
    const extra = afterChange ? await afterChange(tx, before, after) : {};
    await recordAudit(tx, { actorId, action, entityType: "Gift", entityId: id, before, after: { ...after, ...extra } });
    return after;
  });
}

export function updateShipment(actorId: string, input: GiftShipmentInput) {
  return updateGift(
    actorId,
    input.giftId,
    (gift) => {
      if (!canMoveGift(gift.status as GiftStatus, input.status)) throw new RuleViolation("gifts.badTransition", 409, "status");
      return {
        status: input.status,
        carrier: input.carrier ?? null,
        trackingNumber: input.trackingNumber ?? null,
        shippedOn: day(input.shippedOn),
        deliveredOn: day(input.deliveredOn),
      };
    },
    "gift.shipment",
    async (tx, before, after) => {
      if (before.status !== "planned" || after.status !== "shipped") return {};
      const on = after.shippedOn ?? after.createdAt;
      const withoutAgreement = await checkAgreementThreshold(
        tx,
        after.partnerId,
        { campaignId: after.campaignId, on },
        input.withoutAgreementConfirmed,
      );
      return withoutAgreement ? { withoutSignedAgreement: true } : {};
    },
  );
}

export function updateReturn(
  actorId: string,
  input: { giftId: string; expectedReturn?: string; returnFulfilledOn?: string; agreementRef?: string },
) {
  return updateGift(
    actorId,
    input.giftId,
    () => ({
      expectedReturn: input.expectedReturn ?? null,
      returnFulfilledOn: day(input.returnFulfilledOn),
      agreementRef: input.agreementRef ?? null,
    }),
    "gift.return",
  );
}

/** Shipped at least `days` ago, with no coverage linked and not marked as returned in kind. */
export function waitingForCoverage(days: number): Prisma.GiftWhereInput {
  return {
    status: { in: ["shipped", "delivered"] },
    shippedOn: { lte: new Date(Date.now() - days * 86_400_000) },
    returnFulfilledOn: null,
    coverage: { none: {} },
  };
}

/** How each sortable column of the gift list orders rows. */
const giftOrder: Record<GiftSort, (dir: Prisma.SortOrder) => Prisma.GiftOrderByWithRelationInput[]> = {
  createdAt: (dir) => [{ createdAt: dir }],
  item: (dir) => [{ itemName: dir }],
  partner: (dir) => [{ partner: { name: dir } }],
  campaign: (dir) => [{ campaign: { name: dir } }],
  status: (dir) => [{ status: dir }],
  shippedOn: (dir) => [{ shippedOn: { sort: dir, nulls: "last" } }],
};

export async function listGifts(query: GiftListQuery) {
  const where: Prisma.GiftWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
    ...(query.partnerId ? { partnerId: query.partnerId } : {}),
    ...(query.batch ? { batchId: query.batch } : {}),
    ...(query.from || query.to ? { shippedOn: dayRange(query.from, query.to) } : {}),
  };
  if (query.waitingDays !== undefined) Object.assign(where, waitingForCoverage(query.waitingDays));
  // Gifts waiting for coverage read oldest shipment first unless a column was chosen.
  const orderBy: Prisma.GiftOrderByWithRelationInput[] =
    query.waitingDays !== undefined && query.sort === "createdAt"
      ? [{ shippedOn: "asc" }, { id: "asc" }]
      : [...giftOrder[query.sort](query.dir), { id: query.dir }];
  const [rows, total] = await Promise.all([
    db().gift.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        itemName: true,
        quantity: true,
        unitCostMinor: true,
        unitRetailMinor: true,
        shippingMinor: true,
        currency: true,
        status: true,
        shippedOn: true,
        deliveredOn: true,
        returnFulfilledOn: true,
        expectedReturn: true,
        partner: { select: { id: true, name: true, stage: true } },
        campaign: { select: { id: true, name: true } },
      },
    }),
    db().gift.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: PAGE_SIZE };
}

/** The partner page: the partner's latest gifts. */
export function partnerGifts(partnerId: string) {
  return db().gift.findMany({
    where: { partnerId },
    orderBy: [{ createdAt: "desc" }],
    take: 20,
    select: {
      id: true,
      itemName: true,
      quantity: true,
      unitCostMinor: true,
      unitRetailMinor: true,
      shippingMinor: true,
      currency: true,
      status: true,
      shippedOn: true,
      campaign: { select: { id: true, name: true } },
    },
  });
}
