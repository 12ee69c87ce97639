-- AlterTable
ALTER TABLE "Partner" ALTER COLUMN "totalFollowers" DROP NOT NULL,
ALTER COLUMN "totalFollowers" DROP DEFAULT;

-- A partner whose channels have no known follower count has an unknown audience, not 0.
UPDATE "Partner" p SET "totalFollowers" = NULL
WHERE NOT EXISTS (SELECT 1 FROM "Channel" c WHERE c."partnerId" = p."id" AND c."followers" IS NOT NULL);
