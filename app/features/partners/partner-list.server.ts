/** The partner list: its filters (Prisma and SQL), paging, export, bulk changes, saved views and pickers. */
import { Prisma } from "~/generated/prisma/client";
import { todayUtc } from "~/shared/days";
import { type PartnerStage } from "./partner-terms";
import type { BulkUpdate, PartnerListQuery } from "./partner-list";
import type { PartnerFilter } from "~/features/reports";
import { overdueTaskSql, overdueTaskWhere } from "~/features/outreach/index.server";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { lockPartnersForUpdate } from "~/utils/row-locks.server";
import { assertActiveOwner, partnerFields, refreshPartnerDerived } from "./partner.server";
import { partnerScopes } from "./partner-scopes.server";

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
    where: { id: { in: ids }, ...partnerScopes.standing },
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
    where: { searchText: { contains: escapeLike(q.toLowerCase()) }, ...partnerScopes.pickable, id: { notIn: excludeIds } },
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
