/** Coverage items: saving them (and checking their disclosure in the same transaction), their metrics history, and lists. */
import type { Prisma } from "~/generated/prisma/client";
import {
  connectionFlags,
  metricsOf,
  type CoverageInput,
  type CoverageListQuery,
  type EditCoverageInput,
  type MetricsInput,
} from "./coverage";
import { overrideValue, type CoverageSort } from "./coverage-terms";
import { dayRange, isoDay, utcDay } from "~/shared/days";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { checkCoverageItem, type CheckableItem, type CheckContext } from "./disclosure.server";

const PAGE_SIZE = 50;

type CoverageFields = EditCoverageInput & { partnerId: string };

/** The partner, channel, campaign, gifts and placements an item names must exist and belong together. */
async function resolveLinks(tx: DbClient, input: CoverageFields) {
  const partner = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true, mergedIntoId: true } });
  if (!partner || partner.mergedIntoId) throw new RuleViolation("spend.unknownPartner", 422, "partnerId");
  if (input.channelId) {
    const channel = await tx.channel.findUnique({ where: { id: input.channelId }, select: { partnerId: true } });
    if (channel?.partnerId !== input.partnerId) throw new RuleViolation("coverage.unknownChannel", 422, "channelId");
  }
  const gifts = input.giftIds.length
    ? await tx.gift.findMany({
        where: { id: { in: input.giftIds }, partnerId: input.partnerId },
        select: { id: true, status: true, campaignId: true },
      })
    : [];
  if (gifts.length !== new Set(input.giftIds).size) throw new RuleViolation("coverage.unknownGift", 422, "giftIds");
  const placements = input.placementIds.length
    ? await tx.placement.findMany({
        where: { id: { in: input.placementIds }, partnerId: input.partnerId },
        select: { id: true, status: true, campaignId: true },
      })
    : [];
  if (placements.length !== new Set(input.placementIds).size) throw new RuleViolation("coverage.unknownPlacement", 422, "placementIds");
  // No campaign named: the one campaign the linked gifts and placements share, if they share one.
  const linkedCampaigns = new Set([...gifts, ...placements].map((row) => row.campaignId));
  const campaignId = input.campaignId ?? (linkedCampaigns.size === 1 ? [...linkedCampaigns][0] : null);
  const campaign = campaignId ? await tx.campaign.findUnique({ where: { id: campaignId }, select: { jurisdictions: true } }) : null;
  if (campaignId && !campaign) throw new RuleViolation("coverage.unknownCampaign", 422, "campaignId");
  const overrides = {
    paidOverride: overrideValue(input.paidOverride),
    giftedOverride: overrideValue(input.giftedOverride),
    affiliateOverride: overrideValue(input.affiliateOverride),
  };
  const flags = connectionFlags(
    { paid: placements.some((p) => p.status !== "cancelled"), gifted: gifts.some((g) => g.status !== "cancelled") },
    overrides,
  );
  return { campaignId, campaignJurisdictions: campaign?.jurisdictions ?? null, overrides, flags };
}

function itemData(input: CoverageFields, links: Awaited<ReturnType<typeof resolveLinks>>) {
  const overridden = Object.values(links.overrides).some((value) => value !== null);
  return {
    partnerId: input.partnerId,
    channelId: input.channelId ?? null,
    campaignId: links.campaignId,
    url: input.url,
    platform: input.platform,
    publishedOn: utcDay(input.publishedOn),
    title: input.title ?? null,
    text: input.text,
    jurisdiction: input.jurisdiction ?? null,
    ...links.flags,
    ...links.overrides,
    overrideReason: overridden ? (input.overrideReason ?? null) : null,
    platformLabel: input.platformLabel,
    imagesRetouched: input.imagesRetouched,
    imagesVirtual: input.imagesVirtual,
  };
}

const linkRows = (input: CoverageFields) => ({
  gifts: { create: [...new Set(input.giftIds)].map((giftId) => ({ giftId })) },
  placements: { create: [...new Set(input.placementIds)].map((placementId) => ({ placementId })) },
});

export interface SaveOptions {
  checkContext?: CheckContext;
  importKey?: string;
  /** The partner, when they reported the item themselves in the portal. */
  actorPartnerId?: string;
}

/** Saves a new item with its links and first metrics, and checks it; all in the caller's transaction. */
export async function insertCoverage(tx: DbClient, actorId: string | null, input: CoverageInput, options: SaveOptions = {}) {
  const links = await resolveLinks(tx, input);
  const metrics = metricsOf(input);
  const hasMetrics = Object.values(metrics).some((value) => value !== null);
  const item = await tx.coverageItem.create({
    data: {
      ...itemData(input, links),
      ...metrics,
      metricsOn: hasMetrics ? utcDay(input.publishedOn) : null,
      importKey: options.importKey ?? null,
      createdById: actorId,
      ...linkRows(input),
      ...(hasMetrics ? { metrics: { create: { ...metrics, measuredOn: utcDay(input.publishedOn), recordedById: actorId } } } : {}),
    },
  });
  const checks = await checkCoverageItem(tx, item as CheckableItem, links.campaignJurisdictions, options.checkContext);
  await recordAudit(tx, {
    actorId,
    actorPartnerId: options.actorPartnerId,
    action: "coverage.create",
    entityType: "CoverageItem",
    entityId: item.id,
    after: {
      ...item,
      giftIds: input.giftIds,
      placementIds: input.placementIds,
      checks: checks.map((c) => ({ jurisdiction: c.jurisdiction, verdict: c.result.verdict })),
    },
  });
  return { item, checks };
}

export function createCoverage(actorId: string, input: CoverageInput) {
  return db().$transaction((tx) => insertCoverage(tx, actorId, input));
}

export async function updateCoverage(actorId: string, id: string, input: EditCoverageInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.coverageItem.findUnique({
      where: { id },
      include: { gifts: { select: { giftId: true } }, placements: { select: { placementId: true } } },
    });
    if (!before) throw new RuleViolation("errors.notFound", 404);
    const fields = { ...input, partnerId: before.partnerId };
    const links = await resolveLinks(tx, fields);
    await tx.coverageGift.deleteMany({ where: { coverageItemId: id } });
    await tx.coveragePlacement.deleteMany({ where: { coverageItemId: id } });
    const item = await tx.coverageItem.update({ where: { id }, data: { ...itemData(fields, links), ...linkRows(fields) } });
    const checks = await checkCoverageItem(tx, item as CheckableItem, links.campaignJurisdictions);
    await recordAudit(tx, {
      actorId,
      action: "coverage.update",
      entityType: "CoverageItem",
      entityId: id,
      before: {
        ...before,
        gifts: undefined,
        placements: undefined,
        giftIds: before.gifts.map((g) => g.giftId),
        placementIds: before.placements.map((p) => p.placementId),
      },
      after: {
        ...item,
        giftIds: input.giftIds,
        placementIds: input.placementIds,
        checks: checks.map((c) => ({ jurisdiction: c.jurisdiction, verdict: c.result.verdict, changed: c.changed })),
      },
    });
    return { item, checks };
  });
}

/** A new measurement: kept in the history, and it becomes the item's figures unless a later one exists. */
export async function recordMetrics(actorId: string, id: string, input: MetricsInput) {
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ metricsOn: Date | null }[]>`SELECT "metricsOn" FROM "CoverageItem" WHERE "id" = ${id} FOR UPDATE`;
    if (!locked) throw new RuleViolation("errors.notFound", 404);
    const metrics = metricsOf(input);
    const measuredOn = utcDay(input.measuredOn);
    const snapshot = await tx.coverageMetrics.create({ data: { coverageItemId: id, measuredOn, ...metrics, recordedById: actorId } });
    const latest = !locked.metricsOn || isoDay(locked.metricsOn) <= input.measuredOn;
    if (latest) await tx.coverageItem.update({ where: { id }, data: { ...metrics, metricsOn: measuredOn } });
    await recordAudit(tx, {
      actorId,
      action: "coverage.metrics",
      entityType: "CoverageItem",
      entityId: id,
      after: { ...snapshot, latest },
    });
    return snapshot;
  });
}

export async function getCoverage(id: string) {
  return db().coverageItem.findUnique({
    where: { id },
    include: {
      partner: { select: { id: true, name: true, stage: true } },
      channel: { select: { id: true, platform: true, handle: true } },
      campaign: { select: { id: true, name: true, jurisdictions: true } },
      createdBy: { select: { name: true } },
      gifts: { select: { gift: { select: { id: true, itemName: true, quantity: true, status: true, shippedOn: true } } } },
      placements: { select: { placement: { select: { id: true, title: true, status: true, agreedOn: true } } } },
      metrics: { orderBy: [{ measuredOn: "desc" }, { createdAt: "desc" }], take: 50, include: { recordedBy: { select: { name: true } } } },
      checks: {
        where: { current: true },
        orderBy: { jurisdiction: "asc" },
        include: { snapshot: { select: { id: true, fetchedAt: true, finalUrl: true, text: true } } },
      },
      reviews: {
        orderBy: { createdAt: "desc" },
        include: {
          reviewer: { select: { name: true } },
          check: { select: { jurisdiction: true, verdict: true, reasons: true, ruleSetVersion: true } },
        },
      },
    },
  });
}

/**
 * Per jurisdiction, the latest check that read the item's own text (not a snapshot of the live
 * page): what the recorded text was found to carry, shown beside it when the current verdict is
 * about the live page.
 */
export async function recordedTextChecks(coverageItemId: string) {
  return db().disclosureCheck.findMany({
    where: { coverageItemId, snapshotId: null },
    orderBy: [{ jurisdiction: "asc" }, { checkedAt: "desc" }],
    distinct: ["jurisdiction"],
    select: { jurisdiction: true, verdict: true, markers: true, checkedAt: true },
  });
}

/** What the coverage form offers to link: the partner's channels, gifts and placements. */
export async function coverageChoices(partnerId: string) {
  const [channels, gifts, placements] = await Promise.all([
    db().channel.findMany({
      where: { partnerId },
      orderBy: [{ platform: "asc" }],
      select: { id: true, platform: true, handle: true, url: true },
    }),
    db().gift.findMany({
      where: { partnerId },
      orderBy: [{ createdAt: "desc" }],
      take: 100,
      select: { id: true, itemName: true, quantity: true, status: true, shippedOn: true },
    }),
    db().placement.findMany({
      where: { partnerId },
      orderBy: [{ agreedOn: "desc" }],
      take: 100,
      select: { id: true, title: true, status: true, agreedOn: true },
    }),
  ]);
  return { channels, gifts, placements };
}

/** How each sortable column of the coverage list orders rows; unknown figures come last either way. */
const coverageOrder: Record<CoverageSort, (dir: Prisma.SortOrder) => Prisma.CoverageItemOrderByWithRelationInput[]> = {
  publishedOn: (dir) => [{ publishedOn: dir }],
  item: (dir) => [{ title: { sort: dir, nulls: "last" } }, { url: dir }],
  partner: (dir) => [{ partner: { name: dir } }],
  campaign: (dir) => [{ campaign: { name: dir } }],
  impressions: (dir) => [{ impressions: { sort: dir, nulls: "last" } }],
};

export async function listCoverage(query: CoverageListQuery) {
  const where: Prisma.CoverageItemWhereInput = {
    ...(query.platform ? { platform: query.platform } : {}),
    ...(query.partnerId ? { partnerId: query.partnerId } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
    ...(query.from || query.to ? { publishedOn: dayRange(query.from, query.to) } : {}),
    ...(query.verdict ? { checks: { some: { current: true, verdict: query.verdict } } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().coverageItem.findMany({
      where,
      orderBy: [...coverageOrder[query.sort](query.dir), { id: query.dir }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        url: true,
        platform: true,
        publishedOn: true,
        impressions: true,
        partner: { select: { id: true, name: true } },
        campaign: { select: { id: true, name: true } },
        checks: { where: { current: true }, select: { jurisdiction: true, verdict: true, needsReview: true } },
      },
    }),
    db().coverageItem.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: PAGE_SIZE };
}

/** The partner page: the partner's latest coverage. */
export function partnerCoverage(partnerId: string) {
  return db().coverageItem.findMany({
    where: { partnerId },
    orderBy: [{ publishedOn: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      title: true,
      url: true,
      platform: true,
      publishedOn: true,
      checks: { where: { current: true }, select: { jurisdiction: true, verdict: true } },
    },
  });
}
