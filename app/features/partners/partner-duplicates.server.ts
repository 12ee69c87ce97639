/** Partners that look like the same person, and merging them. */
import { Prisma } from "~/generated/prisma/client";
import { handleKey, websiteDomain, type ChannelInput } from "./partners";
import { isDoNotContact } from "./partner-terms";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { partnerFields, refreshPartnerDerived } from "./partner.server";
import { partnerScopes } from "./partner-scopes.server";

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
    where: { ...where, ...partnerScopes.standing },
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
