/**
 * Spec v2's `relationship` (§2) read from the CRM's own records, so nobody has to tick boxes:
 * - gifts: the gifts the item is linked to (at least one when the item counts as gifted);
 * - paid, affiliate: the item's connection flags (linked placements, or the override);
 * - promoCode, trackedLink: a code or link the partner holds for the item's campaign (for an item
 *   without a campaign, one without a campaign), valid and not archived on the day it was published;
 * - brandControl: a brief approved for the partner before the post, or a content review of the
 *   item's gift or placement (the deal asked to see the content first).
 */
import { Prisma } from "~/generated/prisma/client";
import type { Relationship } from "./disclosure/rules-v2";
import type { DbClient } from "~/utils/db.server";

interface RelationshipRow {
  id: string;
  gifts: number;
  gifted: boolean;
  paid: boolean;
  affiliate: boolean;
  promoCode: boolean;
  trackedLink: boolean;
  brandControl: boolean;
}

/** One query for any number of items; items that do not exist are absent from the map. */
export async function relationshipsFor(client: DbClient, coverageItemIds: readonly string[]): Promise<Map<string, Relationship>> {
  if (!coverageItemIds.length) return new Map();
  const rows = await client.$queryRaw<RelationshipRow[]>(Prisma.sql`
    SELECT c."id", c."gifted", c."paid", c."affiliate",
      (SELECT count(*)::int FROM "CoverageGift" cg WHERE cg."coverageItemId" = c."id") AS "gifts",
      EXISTS (
        SELECT 1 FROM "PromoCode" p
        WHERE p."partnerId" = c."partnerId" AND p."campaignId" IS NOT DISTINCT FROM c."campaignId"
          AND (p."validFrom" IS NULL OR p."validFrom" <= c."publishedOn") AND (p."validTo" IS NULL OR p."validTo" >= c."publishedOn")
          AND (p."archivedAt" IS NULL OR p."archivedAt"::date > c."publishedOn")
      ) AS "promoCode",
      EXISTS (
        SELECT 1 FROM "TrackedLink" l
        WHERE l."partnerId" = c."partnerId" AND l."campaignId" IS NOT DISTINCT FROM c."campaignId"
          AND l."createdAt"::date <= c."publishedOn" AND (l."archivedAt" IS NULL OR l."archivedAt"::date > c."publishedOn")
      ) AS "trackedLink",
      (
        EXISTS (
          SELECT 1 FROM "Draft" d
          WHERE d."partnerId" = c."partnerId" AND d."kind" = 'brief' AND d."status" IN ('approved', 'sent')
            AND d."updatedAt"::date <= c."publishedOn"
        )
        OR EXISTS (
          SELECT 1 FROM "ContentSubmission" s
          WHERE s."coverageItemId" = c."id"
             OR s."giftId" IN (SELECT cg."giftId" FROM "CoverageGift" cg WHERE cg."coverageItemId" = c."id")
             OR s."placementId" IN (SELECT cp."placementId" FROM "CoveragePlacement" cp WHERE cp."coverageItemId" = c."id")
        )
      ) AS "brandControl"
    FROM "CoverageItem" c
    WHERE c."id" IN (${Prisma.join(coverageItemIds)})`);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        gifts: row.gifted ? Math.max(1, row.gifts) : 0,
        paid: row.paid,
        affiliate: row.affiliate,
        promoCode: row.promoCode,
        trackedLink: row.trackedLink,
        brandControl: row.brandControl,
      },
    ]),
  );
}
