import { audienceFlags } from "./audience-flags";
import { todayUtc, utcDay } from "~/shared/days";
import { audienceOf, buildSearchText, handleKey, websiteDomain, type ChannelInput, type PartnerInput } from "./partners";
import { totalFollowersOf } from "./partner-terms";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";

/** Someone else saved the partner since this edit began; nothing was written. */
export class StaleEditError extends Error {
  constructor(public readonly currentVersion: number) {
    super("stale edit");
  }
}

export const partnerFields = {
  id: true,
  externalId: true,
  name: true,
  kind: true,
  email: true,
  website: true,
  country: true,
  language: true,
  stage: true,
  ownerId: true,
  tags: true,
  notes: true,
  riskNotes: true,
  lawfulBasis: true,
  dataSource: true,
  erasedAt: true,
  archivedAt: true,
  mergedIntoId: true,
  version: true,
  totalFollowers: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Imports and the demo also set the external key; the form does not. */
export type PartnerRecord = PartnerInput & { externalId?: string };

export function partnerData(input: PartnerRecord) {
  return {
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    name: input.name,
    kind: input.kind,
    email: input.email ?? null,
    website: input.website ?? null,
    websiteDomain: websiteDomain(input.website),
    country: input.country ?? null,
    language: input.language ?? null,
    stage: input.stage,
    ownerId: input.ownerId ?? null,
    tags: input.tags,
    notes: input.notes ?? null,
    riskNotes: input.riskNotes ?? null,
    ...(input.lawfulBasis !== undefined ? { lawfulBasis: input.lawfulBasis } : {}),
    dataSource: input.dataSource ?? null,
  };
}

/** Keeps the denormalised columns (followers total, search text) in step with the channels. */
export async function refreshPartnerDerived(tx: DbClient, partnerId: string) {
  const partner = await tx.partner.findUniqueOrThrow({
    where: { id: partnerId },
    select: { name: true, email: true, website: true, tags: true, channels: { select: { handle: true, url: true, followers: true } } },
  });
  await tx.partner.update({
    where: { id: partnerId },
    data: {
      searchText: buildSearchText(partner, partner.channels),
      totalFollowers: totalFollowersOf(partner.channels),
    },
  });
}

/** A partner's owner must be an active user. */
export async function assertActiveOwner(tx: DbClient, ownerId: string | null | undefined) {
  if (ownerId && (await tx.user.count({ where: { id: ownerId, disabledAt: null } })) === 0) {
    throw new RuleViolation("errors.unknownOwner", 422, "ownerId");
  }
}

/** Inside a caller's transaction (an import is one transaction for the whole file). */
export async function createPartnerIn(tx: DbClient, actorId: string | null, input: PartnerRecord, action = "partner.create") {
  await assertActiveOwner(tx, input.ownerId);
  const created = await tx.partner.create({ data: partnerData(input), select: { id: true } });
  await refreshPartnerDerived(tx, created.id);
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: created.id }, select: partnerFields });
  await recordAudit(tx, { actorId, action, entityType: "Partner", entityId: partner.id, after: partner });
  return partner;
}

export function createPartner(actorId: string, input: PartnerRecord) {
  return db().$transaction((tx) => createPartnerIn(tx, actorId, input));
}

/** Saves only if the partner is still at `version`; otherwise throws StaleEditError. */
export async function updatePartner(actorId: string, partnerId: string, version: number, input: PartnerInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.partner.findUnique({ where: { id: partnerId }, select: partnerFields });
    if (!before) return null;
    await assertActiveOwner(tx, input.ownerId);
    const { count } = await tx.partner.updateMany({
      where: { id: partnerId, version },
      data: { ...partnerData(input), version: { increment: 1 } },
    });
    if (count === 0) throw new StaleEditError(before.version);
    await refreshPartnerDerived(tx, partnerId);
    const after = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: partnerFields });
    await recordAudit(tx, { actorId, action: "partner.update", entityType: "Partner", entityId: partnerId, before, after });
    return after;
  });
}

export async function setPartnerArchived(actorId: string, partnerId: string, archived: boolean) {
  return db().$transaction(async (tx) => {
    const before = await tx.partner.findUnique({ where: { id: partnerId }, select: { archivedAt: true } });
    if (!before) return false;
    if (Boolean(before.archivedAt) === archived) return true;
    const archivedAt = archived ? new Date() : null;
    await tx.partner.update({ where: { id: partnerId }, data: { archivedAt, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId,
      action: archived ? "partner.archive" : "partner.restore",
      entityType: "Partner",
      entityId: partnerId,
      before,
      after: { archivedAt },
    });
    return true;
  });
}

function measurementDay(input: ChannelInput) {
  return input.measuredOn ? utcDay(input.measuredOn) : todayUtc();
}

export function addChannel(actorId: string, partnerId: string, input: ChannelInput) {
  return db().$transaction((tx) => addChannelIn(tx, actorId, partnerId, input));
}

export async function addChannelIn(tx: DbClient, actorId: string | null, partnerId: string, input: ChannelInput) {
  const measuredOn = measurementDay(input);
  const audience = audienceOf(input) ?? undefined;
  const channel = await tx.channel.create({
    data: {
      partnerId,
      platform: input.platform,
      handle: input.handle ?? null,
      handleKey: handleKey(input.handle),
      url: input.url ?? null,
      followers: input.followers ?? null,
      engagementRate: input.engagementRate ?? null,
      audience,
      measuredOn,
      measurements: { create: { measuredOn, followers: input.followers ?? null, engagementRate: input.engagementRate ?? null, audience } },
    },
    select: {
      id: true,
      partnerId: true,
      platform: true,
      handle: true,
      url: true,
      followers: true,
      engagementRate: true,
      audience: true,
      measuredOn: true,
    },
  });
  await refreshPartnerDerived(tx, partnerId);
  await recordAudit(tx, { actorId, action: "channel.create", entityType: "Channel", entityId: channel.id, after: channel });
  return channel;
}

/**
 * Records new numbers for a channel. History is kept as entered (blank = unknown then). The
 * channel's current figures move only for a measurement at least as recent as theirs, and a
 * figure left blank keeps its last known value.
 */
export function recordMeasurement(actorId: string, channelId: string, input: ChannelInput) {
  return db().$transaction((tx) => recordMeasurementIn(tx, actorId, channelId, input));
}

export async function recordMeasurementIn(tx: DbClient, actorId: string | null, channelId: string, input: ChannelInput) {
  const before = await tx.channel.findUnique({
    where: { id: channelId },
    select: { partnerId: true, handle: true, url: true, followers: true, engagementRate: true, audience: true, measuredOn: true },
  });
  if (!before) return null;
  const measuredOn = measurementDay(input);
  const audience = audienceOf(input) ?? undefined;
  await tx.channelMeasurement.create({
    data: { channelId, measuredOn, followers: input.followers ?? null, engagementRate: input.engagementRate ?? null, audience },
  });
  const isLatest = !before.measuredOn || measuredOn >= before.measuredOn;
  const after = await tx.channel.update({
    where: { id: channelId },
    data: {
      platform: input.platform,
      handle: input.handle ?? null,
      handleKey: handleKey(input.handle),
      url: input.url ?? null,
      ...(isLatest
        ? {
            ...(input.followers !== undefined ? { followers: input.followers } : {}),
            ...(input.engagementRate !== undefined ? { engagementRate: input.engagementRate } : {}),
            ...(audience ? { audience } : {}),
            measuredOn,
          }
        : {}),
    },
    select: { handle: true, url: true, followers: true, engagementRate: true, audience: true, measuredOn: true },
  });
  await refreshPartnerDerived(tx, before.partnerId);
  await recordAudit(tx, {
    actorId,
    action: "channel.measure",
    entityType: "Channel",
    entityId: channelId,
    before,
    after: { ...after, recorded: { measuredOn, followers: input.followers ?? null, engagementRate: input.engagementRate ?? null } },
  });
  return after;
}

/** The partner's own fields, without channels or history: for forms and existence checks. */
export function getPartner(partnerId: string) {
  return db().partner.findUnique({ where: { id: partnerId }, select: partnerFields });
}

const HISTORY_PER_CHANNEL = 24;

export async function getPartnerPage(partnerId: string) {
  const partner = await db().partner.findUnique({
    where: { id: partnerId },
    select: {
      ...partnerFields,
      owner: { select: { id: true, name: true } },
      mergedInto: { select: { id: true, name: true } },
      channels: {
        orderBy: [{ followers: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        select: {
          id: true,
          platform: true,
          handle: true,
          url: true,
          followers: true,
          engagementRate: true,
          audience: true,
          measuredOn: true,
          measurements: {
            orderBy: { measuredOn: "desc" },
            take: HISTORY_PER_CHANNEL,
            select: { id: true, measuredOn: true, followers: true, engagementRate: true },
          },
        },
      },
    },
  });
  if (!partner) return null;
  return {
    ...partner,
    channels: partner.channels.map((channel) => ({
      ...channel,
      measurements: [...channel.measurements].reverse(),
      flags: audienceFlags(channel.measurements),
    })),
  };
}

export function channelPartnerId(channelId: string) {
  return db().channel.findUnique({ where: { id: channelId }, select: { partnerId: true } });
}
