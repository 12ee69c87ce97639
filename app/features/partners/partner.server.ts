import { Prisma } from "~/generated/prisma/client";
import { audienceFlags } from "./audience-flags";
import { todayUtc, utcDay } from "~/shared/days";
import { audienceOf, buildSearchText, handleKey, websiteDomain, type ChannelInput, type PartnerInput } from "./partners";
import { isDoNotContact, totalFollowersOf, type PartnerStage } from "./partner-terms";
import type { BulkUpdate, PartnerListQuery } from "./partner-list";
import type { PartnerFilter } from "~/features/reports";
import { overdueTaskSql, overdueTaskWhere } from "~/features/outreach/index.server";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { lockPartnersForUpdate } from "~/utils/row-locks.server";

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
async function assertActiveOwner(tx: DbClient, ownerId: string | null | undefined) {
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

export function listOwners() {
  return db().user.findMany({ where: { disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** `contains` becomes LIKE '%…%' unescaped: a typed % or _ must match itself. */
function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function partnerListWhere(query: PartnerFilter): Prisma.PartnerWhereInput {
  return {
    archivedAt: query.archived ? { not: null } : null,
    ...(query.q ? { searchText: { contains: escapeLike(query.q.toLowerCase()) } } : {}),
    ...(query.stage.length ? { stage: { in: query.stage } } : {}),
    ...(query.kind.length ? { kind: { in: query.kind } } : {}),
    ...(query.country.length ? { country: { in: query.country } } : {}),
    ...(query.language.length ? { language: { in: query.language } } : {}),
    ...(query.tag.length ? { tags: { hasSome: query.tag } } : {}),
    ...(query.owner ? { ownerId: query.owner } : {}),
    ...(query.platform.length ? { channels: { some: { platform: { in: query.platform } } } } : {}),
    ...(query.overdue ? { tasks: { some: overdueTaskWhere(todayUtc()) } } : {}),
    ...(query.followersMin !== undefined || query.followersMax !== undefined
      ? { totalFollowers: { gte: query.followersMin, lte: query.followersMax } }
      : {}),
  };
}

/**
 * The same filters as `partnerListWhere`, as SQL on a "Partner" alias, for reports that join
 * partners to their own aggregates (a test checks that both select the same partners).
 */
export function partnerListConditionsSql(query: PartnerFilter, pa: Prisma.Sql): Prisma.Sql {
  const conditions: Prisma.Sql[] = [query.archived ? Prisma.sql`${pa}."archivedAt" IS NOT NULL` : Prisma.sql`${pa}."archivedAt" IS NULL`];
  if (query.q) conditions.push(Prisma.sql`${pa}."searchText" LIKE ${`%${escapeLike(query.q.toLowerCase())}%`}`);
  if (query.stage.length) conditions.push(Prisma.sql`${pa}."stage"::text IN (${Prisma.join(query.stage)})`);
  if (query.kind.length) conditions.push(Prisma.sql`${pa}."kind"::text IN (${Prisma.join(query.kind)})`);
  if (query.country.length) conditions.push(Prisma.sql`${pa}."country" IN (${Prisma.join(query.country)})`);
  if (query.language.length) conditions.push(Prisma.sql`${pa}."language" IN (${Prisma.join(query.language)})`);
  if (query.tag.length) conditions.push(Prisma.sql`${pa}."tags" && ${query.tag}::text[]`);
  if (query.owner) conditions.push(Prisma.sql`${pa}."ownerId" = ${query.owner}`);
  if (query.platform.length)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Channel" ch WHERE ch."partnerId" = ${pa}."id" AND ch."platform"::text IN (${Prisma.join(query.platform)}))`,
    );
  if (query.overdue)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Task" tk WHERE tk."partnerId" = ${pa}."id" AND ${overdueTaskSql(Prisma.raw("tk"), todayUtc())})`,
    );
  if (query.followersMin !== undefined) conditions.push(Prisma.sql`${pa}."totalFollowers" >= ${query.followersMin}`);
  if (query.followersMax !== undefined) conditions.push(Prisma.sql`${pa}."totalFollowers" <= ${query.followersMax}`);
  return Prisma.join(conditions, " AND ");
}

function partnerListOrder(query: PartnerListQuery): Prisma.PartnerOrderByWithRelationInput[] {
  // Unknown audiences sort last in both directions.
  return [
    query.sort === "followers" ? { totalFollowers: { sort: query.dir, nulls: "last" } } : { [query.sort]: query.dir },
    { id: query.dir },
  ];
}

/** Filters, sort and page all happen in SQL; the browser only ever gets one page. */
export async function listPartners(query: PartnerListQuery) {
  const where = partnerListWhere(query);
  const orderBy = partnerListOrder(query);
  const [rows, total] = await Promise.all([
    db().partner.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        kind: true,
        email: true,
        country: true,
        language: true,
        stage: true,
        tags: true,
        totalFollowers: true,
        updatedAt: true,
        archivedAt: true,
        owner: { select: { name: true } },
        channels: { select: { platform: true }, orderBy: { followers: { sort: "desc", nulls: "last" } }, take: 4 },
      },
    }),
    db().partner.count({ where }),
  ]);
  return { rows, total };
}

const EXPORT_BATCH = 1000;

/**
 * Every partner matching the list's filters, in the list's order, one row per channel (the
 * import's format, so an export can be edited and imported back). Read in batches.
 */
export async function* exportPartnerRows(query: PartnerListQuery) {
  // The order is read once, as ids; each batch is then fetched by id, so the export costs one
  // index walk instead of an OFFSET that rereads every row before it, and yields between batches.
  const ids = (await db().partner.findMany({ where: partnerListWhere(query), orderBy: partnerListOrder(query), select: { id: true } })).map(
    (row) => row.id,
  );
  for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
    const slice = ids.slice(start, start + EXPORT_BATCH);
    const batch = await db().partner.findMany({
      where: { id: { in: slice } },
      select: {
        ...partnerFields,
        owner: { select: { email: true } },
        channels: {
          orderBy: { createdAt: "asc" },
          select: { platform: true, handle: true, url: true, followers: true, engagementRate: true, measuredOn: true },
        },
      },
    });
    const byId = new Map(batch.map((partner) => [partner.id, partner]));
    for (const id of slice) {
      const partner = byId.get(id);
      if (partner) yield partner;
    }
  }
}

/** What makes two partners look like the same person: email, website domain, or a channel handle/URL. */
type ChannelIdentity = { platform: ChannelInput["platform"]; handle?: string | null; url?: string | null };

/**
 * Same email, same website domain, or a channel with the same handle or URL. The channel
 * matches are looked up first: written as one OR with EXISTS, PostgreSQL walked every partner.
 */
async function duplicateWhere(
  client: DbClient,
  input: { email?: string | null; websiteDomain?: string | null; channels: ChannelIdentity[] },
): Promise<Prisma.PartnerWhereInput | null> {
  const handles = input.channels.filter((c) => handleKey(c.handle)).map((c) => ({ platform: c.platform, handleKey: handleKey(c.handle) }));
  const urls = input.channels.filter((c) => c.url).map((c) => c.url!);
  const sharedChannels =
    handles.length || urls.length
      ? await client.channel.findMany({
          where: { OR: [...handles, ...(urls.length ? [{ url: { in: urls } }] : [])] },
          select: { partnerId: true },
        })
      : [];
  const or: Prisma.PartnerWhereInput[] = [
    ...(input.email ? [{ email: input.email }] : []),
    ...(input.websiteDomain ? [{ websiteDomain: input.websiteDomain }] : []),
    ...(sharedChannels.length ? [{ id: { in: [...new Set(sharedChannels.map((c) => c.partnerId))] } }] : []),
  ];
  return or.length ? { OR: or } : null;
}

/** The oldest other partner that looks like the same person, if any. */
export async function findDuplicate(
  input: { email?: string | null; website?: string | null; channels: ChannelIdentity[] },
  client: DbClient = db(),
) {
  const where = await duplicateWhere(client, { ...input, websiteDomain: websiteDomain(input.website) });
  if (!where) return null;
  return client.partner.findFirst({
    where: { ...where, mergedIntoId: null },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Other active partners that look like this one. */
export async function possibleDuplicates(partnerId: string) {
  const partner = await db().partner.findUnique({
    where: { id: partnerId },
    select: { email: true, websiteDomain: true, channels: { select: { platform: true, handle: true, url: true } } },
  });
  if (!partner) return [];
  const where = await duplicateWhere(db(), partner);
  if (!where) return [];
  return db().partner.findMany({
    where: { ...where, id: { not: partnerId }, archivedAt: null },
    select: { id: true, name: true, email: true, stage: true },
    take: 10,
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Merges `duplicateId` into `keepId`: every channel, message, draft and follow-up moves over,
 * tags are combined, empty fields are filled from the duplicate, and the duplicate is archived
 * with a pointer to the partner it became part of. One transaction, one audit event each.
 */
export async function mergePartners(actorId: string, keepId: string, duplicateId: string) {
  if (keepId === duplicateId) throw new RuleViolation("partners.mergeSelf", 422);
  return db().$transaction(async (tx) => {
    const [keep, duplicate] = await Promise.all([
      tx.partner.findUnique({ where: { id: keepId }, select: partnerFields }),
      tx.partner.findUnique({ where: { id: duplicateId }, select: { ...partnerFields, mergedIntoId: true, websiteDomain: true } }),
    ]);
    if (!keep || !duplicate) throw new RuleViolation("errors.notFound", 404);
    if (duplicate.mergedIntoId) throw new RuleViolation("partners.alreadyMerged");
    const moved = {
      channels: (await tx.channel.updateMany({ where: { partnerId: duplicateId }, data: { partnerId: keepId } })).count,
      interactions: (await tx.interaction.updateMany({ where: { partnerId: duplicateId }, data: { partnerId: keepId } })).count,
      drafts: (await tx.draft.updateMany({ where: { partnerId: duplicateId }, data: { partnerId: keepId } })).count,
      tasks: (await tx.task.updateMany({ where: { partnerId: duplicateId }, data: { partnerId: keepId } })).count,
      // Captures follow their channel, which moved above.
      capturedPosts: (await tx.capturedPost.updateMany({ where: { partnerId: duplicateId }, data: { partnerId: keepId } })).count,
    };
    const filled = {
      email: keep.email ?? duplicate.email,
      website: keep.website ?? duplicate.website,
      websiteDomain: keep.website ? undefined : duplicate.websiteDomain,
      country: keep.country ?? duplicate.country,
      language: keep.language ?? duplicate.language,
      ownerId: keep.ownerId ?? duplicate.ownerId,
      // A do-not-contact request survives the merge, whichever side it was on.
      stage: isDoNotContact(duplicate.stage) ? duplicate.stage : keep.stage,
      tags: [...new Set([...keep.tags, ...duplicate.tags])],
      notes: [keep.notes, duplicate.notes].filter(Boolean).join("\n\n") || null,
      riskNotes: [keep.riskNotes, duplicate.riskNotes].filter(Boolean).join("\n\n") || null,
    };
    // The duplicate's external key would otherwise block a later import matching the kept one.
    await tx.partner.update({
      where: { id: duplicateId },
      data: { archivedAt: new Date(), mergedIntoId: keepId, externalId: null, version: { increment: 1 } },
    });
    await tx.partner.update({
      where: { id: keepId },
      data: { ...filled, externalId: keep.externalId ?? duplicate.externalId, version: { increment: 1 } },
    });
    await refreshPartnerDerived(tx, keepId);
    await refreshPartnerDerived(tx, duplicateId);
    await recordAudit(tx, {
      actorId,
      action: "partner.merge",
      entityType: "Partner",
      entityId: keepId,
      before: { kept: keep, merged: duplicate },
      after: { mergedFrom: duplicateId, moved, fields: filled },
    });
    await recordAudit(tx, {
      actorId,
      action: "partner.mergedInto",
      entityType: "Partner",
      entityId: duplicateId,
      before: { archivedAt: duplicate.archivedAt },
      after: { mergedIntoId: keepId },
    });
    return moved;
  });
}

/**
 * Changes the stage, adds a tag or sets the owner of many partners at once: one transaction,
 * one audit event per partner changed. Partners already in the target state are left alone.
 */
export async function bulkUpdatePartners(actorId: string, change: BulkUpdate) {
  return db().$transaction(async (tx) => {
    if (change.operation === "owner") await assertActiveOwner(tx, change.ownerId);
    // Locked before they are read: two bulk changes, or a bulk change and an edit, apply one after the other.
    await lockPartnersForUpdate(tx, [...new Set(change.ids)]);
    const before = await tx.partner.findMany({
      where: { id: { in: change.ids } },
      select: { id: true, stage: true, tags: true, ownerId: true },
    });
    let changed = 0;
    for (const partner of before) {
      const data =
        change.operation === "stage"
          ? partner.stage === change.stage
            ? null
            : { stage: change.stage }
          : change.operation === "tag"
            ? partner.tags.includes(change.tag)
              ? null
              : { tags: [...partner.tags, change.tag] }
            : partner.ownerId === change.ownerId
              ? null
              : { ownerId: change.ownerId };
      if (!data) continue;
      await tx.partner.update({ where: { id: partner.id }, data: { ...data, version: { increment: 1 } } });
      if (change.operation === "tag") await refreshPartnerDerived(tx, partner.id);
      const field = Object.keys(data)[0] as "stage" | "tags" | "ownerId";
      await recordAudit(tx, {
        actorId,
        action: "partner.bulkUpdate",
        entityType: "Partner",
        entityId: partner.id,
        before: { [field]: partner[field] },
        after: data,
      });
      changed += 1;
    }
    return changed;
  });
}

export function listSavedViews(userId: string) {
  return db().savedView.findMany({ where: { userId }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true } });
}

/** Saving under an existing name replaces that view. */
export async function saveView(userId: string, name: string, query: string) {
  return db().$transaction(async (tx) => {
    const before = await tx.savedView.findUnique({ where: { userId_name: { userId, name } } });
    const view = await tx.savedView.upsert({
      where: { userId_name: { userId, name } },
      create: { userId, name, query },
      update: { query },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: before ? "savedView.update" : "savedView.create",
      entityType: "SavedView",
      entityId: view.id,
      before: before ? { query: before.query } : undefined,
      after: { name, query },
    });
    return view;
  });
}

export async function deleteView(userId: string, viewId: string) {
  return db().$transaction(async (tx) => {
    const view = await tx.savedView.findFirst({ where: { id: viewId, userId } });
    if (!view) return false;
    await tx.savedView.delete({ where: { id: viewId } });
    await recordAudit(tx, {
      actorId: userId,
      action: "savedView.delete",
      entityType: "SavedView",
      entityId: viewId,
      before: { name: view.name, query: view.query },
    });
    return true;
  });
}

/** Partners chosen for a gift or placement form, by id. */
export async function partnersByIds(ids: string[]) {
  if (ids.length === 0) return [];
  return db().partner.findMany({
    where: { id: { in: ids }, mergedIntoId: null },
    select: { id: true, name: true, stage: true },
    orderBy: { name: "asc" },
  });
}

/** A short pick-list for a form: live partners whose search text contains the query. */
export async function searchPartnerChoices(
  q: string,
  excludeIds: string[] = [],
): Promise<{ id: string; name: string; stage: PartnerStage }[]> {
  if (!q) return [];
  return db().partner.findMany({
    where: { searchText: { contains: escapeLike(q.toLowerCase()) }, mergedIntoId: null, archivedAt: null, id: { notIn: excludeIds } },
    select: { id: true, name: true, stage: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
  });
}

/** The little a sub-page of a partner shows of them: name and stage. */
export function partnerHeading(partnerId: string) {
  return db().partner.findUnique({ where: { id: partnerId }, select: { id: true, name: true, stage: true } });
}

/** A partner's channels, for choosing one (a feed's channel). */
export function partnerChannelChoices(partnerId: string) {
  return db().channel.findMany({
    where: { partnerId },
    orderBy: [{ followers: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    take: 100,
    select: { id: true, platform: true, handle: true, followers: true },
  });
}
