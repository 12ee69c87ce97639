/** Tracked links: made on a partner's page, resolved by the redirect, counted by day. */
import { randomInt } from "node:crypto";
import { LINK_CODE_ALPHABET, redirectAddress, type TrackedLinkInput } from "./tracked-links";
import { RuleViolation } from "~/shared/violations";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { trackedLinkCache } from "./tracked-link-cache.server";
import { recordAudit } from "~/utils/audit.server";
import { lockPartnersForShare } from "~/utils/row-locks.server";
import { getSettings } from "~/features/accounts/index.server";

function newCode() {
  return Array.from({ length: 8 }, () => LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)]).join("");
}

export async function createTrackedLink(actorId: string, partnerId: string, input: TrackedLinkInput) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        await lockPartnersForShare(tx, [partnerId]);
        const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { erasedAt: true } });
        if (!partner) throw new RuleViolation("errors.notFound", 404);
        if (partner.erasedAt) throw new RuleViolation("privacy.alreadyErased", 409);
        if (input.campaignId && !(await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } })))
          throw new RuleViolation("errors.invalidChoice", 422, "campaignId");
        const link = await tx.trackedLink.create({
          data: {
            code: newCode(),
            partnerId,
            campaignId: input.campaignId ?? null,
            destination: input.destination,
            utmSource: input.utmSource ?? null,
            utmMedium: input.utmMedium ?? null,
            utmCampaign: input.utmCampaign ?? null,
            utmContent: input.utmContent ?? null,
            createdById: actorId,
          },
        });
        await recordAudit(tx, { actorId, action: "tracked_link.create", entityType: "TrackedLink", entityId: link.id, after: link });
        return link;
      });
    } catch (error) {
      // Two links drew the same code: draw again (56^8 codes make this rare).
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

export async function archiveTrackedLink(actorId: string, partnerId: string, linkId: string) {
  return db().$transaction(async (tx) => {
    const link = await tx.trackedLink.findFirst({ where: { id: linkId, partnerId, archivedAt: null }, select: { code: true } });
    const { count } = await tx.trackedLink.updateMany({
      where: { id: linkId, partnerId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (count === 0 || !link) throw new RuleViolation("errors.notFound", 404);
    // This process stops redirecting at once; others within the 30 seconds they hold a code.
    trackedLinkCache().delete(link.code);
    await recordAudit(tx, { actorId, action: "tracked_link.archive", entityType: "TrackedLink", entityId: linkId, subjectId: partnerId });
  });
}

/** A partner's links with their clicks: the last 30 days and in all (summed in SQL). */
export async function partnerTrackedLinks(partnerId: string) {
  const links = await db().trackedLink.findMany({
    where: { partnerId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      code: true,
      destination: true,
      createdAt: true,
      archivedAt: true,
      campaign: { select: { id: true, name: true } },
      utmSource: true,
      utmMedium: true,
      utmCampaign: true,
      utmContent: true,
    },
  });
  const since = new Date(Date.now() - 30 * 86_400_000);
  const totals = await db().$queryRaw<{ linkId: string; total: bigint; recent: bigint }[]>`
    SELECT "linkId", sum("clicks") AS total, sum("clicks") FILTER (WHERE "day" >= ${since}::date) AS recent
    FROM "LinkClickDay" WHERE "linkId" = ANY(${links.map((link) => link.id)}::text[]) GROUP BY "linkId"`;
  const byLink = new Map(totals.map((row) => [row.linkId, row]));
  return links.map((link) => ({
    ...link,
    clicks: Number(byLink.get(link.id)?.total ?? 0),
    recentClicks: Number(byLink.get(link.id)?.recent ?? 0),
  }));
}

/** Clicks on the partner's tracked links in a period (days inclusive), apart from clicks people typed in. */
export async function trackedClicks(partnerId: string, from: string, to: string) {
  const [row] = await db().$queryRaw<{ clicks: bigint | null }[]>`
    SELECT sum(d."clicks") AS clicks FROM "LinkClickDay" d JOIN "TrackedLink" l ON l."id" = d."linkId"
    WHERE l."partnerId" = ${partnerId} AND d."day" BETWEEN ${from}::date AND ${to}::date`;
  return Number(row?.clicks ?? 0);
}

/** What the redirect needs: where a live link goes, with its UTM parameters; null for no such link. */
export async function resolveTrackedLink(code: string): Promise<{ linkId: string; address: string } | null> {
  const link = await db().trackedLink.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      destination: true,
      archivedAt: true,
      utmSource: true,
      utmMedium: true,
      utmCampaign: true,
      utmContent: true,
      campaign: { select: { name: true } },
    },
  });
  if (!link || link.archivedAt) return null;
  const settings = await getSettings(db());
  return { linkId: link.id, address: redirectAddress(link, settings, link.campaign?.name ?? null) };
}
