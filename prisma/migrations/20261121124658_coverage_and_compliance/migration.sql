-- CreateEnum
CREATE TYPE "DisclosureVerdict" AS ENUM ('not_required', 'compliant', 'missing', 'insufficient');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('confirmed_issue', 'false_positive', 'fixed_by_partner');

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "defaultJurisdiction" TEXT NOT NULL DEFAULT 'FR';

-- CreateTable
CREATE TABLE "CoverageItem" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "channelId" TEXT,
    "campaignId" TEXT,
    "url" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "publishedOn" DATE NOT NULL,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "jurisdiction" TEXT,
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "gifted" BOOLEAN NOT NULL DEFAULT false,
    "affiliate" BOOLEAN NOT NULL DEFAULT false,
    "paidOverride" BOOLEAN,
    "giftedOverride" BOOLEAN,
    "affiliateOverride" BOOLEAN,
    "overrideReason" TEXT,
    "platformLabel" BOOLEAN NOT NULL DEFAULT false,
    "imagesRetouched" BOOLEAN NOT NULL DEFAULT false,
    "imagesVirtual" BOOLEAN NOT NULL DEFAULT false,
    "impressions" INTEGER,
    "reach" INTEGER,
    "views" INTEGER,
    "likes" INTEGER,
    "comments" INTEGER,
    "shares" INTEGER,
    "saves" INTEGER,
    "clicks" INTEGER,
    "conversions" INTEGER,
    "revenueMinor" INTEGER,
    "revenueCurrency" TEXT,
    "metricsOn" DATE,
    "importKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoverageItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageGift" (
    "coverageItemId" TEXT NOT NULL,
    "giftId" TEXT NOT NULL,

    CONSTRAINT "CoverageGift_pkey" PRIMARY KEY ("coverageItemId","giftId")
);

-- CreateTable
CREATE TABLE "CoveragePlacement" (
    "coverageItemId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,

    CONSTRAINT "CoveragePlacement_pkey" PRIMARY KEY ("coverageItemId","placementId")
);

-- CreateTable
CREATE TABLE "CoverageMetrics" (
    "id" TEXT NOT NULL,
    "coverageItemId" TEXT NOT NULL,
    "measuredOn" DATE NOT NULL,
    "impressions" INTEGER,
    "reach" INTEGER,
    "views" INTEGER,
    "likes" INTEGER,
    "comments" INTEGER,
    "shares" INTEGER,
    "saves" INTEGER,
    "clicks" INTEGER,
    "conversions" INTEGER,
    "revenueMinor" INTEGER,
    "revenueCurrency" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverageMetrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRuleSet" (
    "id" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureCheck" (
    "id" TEXT NOT NULL,
    "coverageItemId" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "jurisdictionSource" TEXT NOT NULL,
    "ruleSetVersion" INTEGER NOT NULL,
    "verdict" "DisclosureVerdict" NOT NULL,
    "reasons" TEXT[],
    "markers" JSONB NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewDecision" "ReviewDecision",
    "supersedesId" TEXT,
    "publishedOn" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "platform" "Platform" NOT NULL,
    "recheckId" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureReview" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "coverageItemId" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "note" TEXT,
    "recheckCheckId" TEXT,
    "reviewerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRecheck" (
    "id" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "fromVersion" INTEGER NOT NULL,
    "toVersion" INTEGER NOT NULL,
    "checked" INTEGER NOT NULL,
    "changed" INTEGER NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureRecheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CoverageItem_importKey_key" ON "CoverageItem"("importKey");

-- CreateIndex
CREATE INDEX "CoverageItem_publishedOn_id_idx" ON "CoverageItem"("publishedOn", "id");

-- CreateIndex
CREATE INDEX "CoverageItem_partnerId_publishedOn_idx" ON "CoverageItem"("partnerId", "publishedOn");

-- CreateIndex
CREATE INDEX "CoverageItem_campaignId_publishedOn_idx" ON "CoverageItem"("campaignId", "publishedOn");

-- CreateIndex
CREATE INDEX "CoverageItem_channelId_idx" ON "CoverageItem"("channelId");

-- CreateIndex
CREATE INDEX "CoverageItem_createdById_idx" ON "CoverageItem"("createdById");

-- CreateIndex
CREATE INDEX "CoverageItem_url_idx" ON "CoverageItem"("url");

-- CreateIndex
CREATE INDEX "CoverageGift_giftId_idx" ON "CoverageGift"("giftId");

-- CreateIndex
CREATE INDEX "CoveragePlacement_placementId_idx" ON "CoveragePlacement"("placementId");

-- CreateIndex
CREATE INDEX "CoverageMetrics_coverageItemId_measuredOn_idx" ON "CoverageMetrics"("coverageItemId", "measuredOn");

-- CreateIndex
CREATE INDEX "CoverageMetrics_recordedById_idx" ON "CoverageMetrics"("recordedById");

-- CreateIndex
CREATE INDEX "DisclosureRuleSet_createdById_idx" ON "DisclosureRuleSet"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureRuleSet_jurisdiction_version_key" ON "DisclosureRuleSet"("jurisdiction", "version");

-- CreateIndex
CREATE INDEX "DisclosureCheck_needsReview_publishedOn_id_idx" ON "DisclosureCheck"("needsReview", "publishedOn", "id");

-- CreateIndex
CREATE INDEX "DisclosureCheck_coverageItemId_jurisdiction_current_idx" ON "DisclosureCheck"("coverageItemId", "jurisdiction", "current");

-- CreateIndex
CREATE INDEX "DisclosureCheck_partnerId_current_idx" ON "DisclosureCheck"("partnerId", "current");

-- CreateIndex
CREATE INDEX "DisclosureCheck_current_jurisdiction_publishedOn_idx" ON "DisclosureCheck"("current", "jurisdiction", "publishedOn");

-- CreateIndex
CREATE INDEX "DisclosureCheck_recheckId_idx" ON "DisclosureCheck"("recheckId");

-- CreateIndex
CREATE INDEX "DisclosureReview_checkId_idx" ON "DisclosureReview"("checkId");

-- CreateIndex
CREATE INDEX "DisclosureReview_coverageItemId_createdAt_idx" ON "DisclosureReview"("coverageItemId", "createdAt");

-- CreateIndex
CREATE INDEX "DisclosureReview_reviewerId_idx" ON "DisclosureReview"("reviewerId");

-- CreateIndex
CREATE INDEX "DisclosureRecheck_jurisdiction_createdAt_idx" ON "DisclosureRecheck"("jurisdiction", "createdAt");

-- CreateIndex
CREATE INDEX "DisclosureRecheck_actorId_idx" ON "DisclosureRecheck"("actorId");

-- AddForeignKey
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageGift" ADD CONSTRAINT "CoverageGift_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageGift" ADD CONSTRAINT "CoverageGift_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoveragePlacement" ADD CONSTRAINT "CoveragePlacement_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoveragePlacement" ADD CONSTRAINT "CoveragePlacement_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageMetrics" ADD CONSTRAINT "CoverageMetrics_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageMetrics" ADD CONSTRAINT "CoverageMetrics_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRuleSet" ADD CONSTRAINT "DisclosureRuleSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureCheck" ADD CONSTRAINT "DisclosureCheck_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureCheck" ADD CONSTRAINT "DisclosureCheck_recheckId_fkey" FOREIGN KEY ("recheckId") REFERENCES "DisclosureRecheck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureReview" ADD CONSTRAINT "DisclosureReview_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "DisclosureCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureReview" ADD CONSTRAINT "DisclosureReview_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureReview" ADD CONSTRAINT "DisclosureReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRecheck" ADD CONSTRAINT "DisclosureRecheck_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules the app also checks, kept here so that no other writer can break them.
ALTER TABLE "WorkspaceSettings" ADD CONSTRAINT "WorkspaceSettings_defaultJurisdiction_check" CHECK ("defaultJurisdiction" IN ('US', 'FR', 'UK', 'DE'));
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_url_check" CHECK ("url" ~* '^https?://');
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_jurisdiction_check" CHECK ("jurisdiction" IS NULL OR "jurisdiction" IN ('US', 'FR', 'UK', 'DE'));
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_override_reason_check" CHECK (("paidOverride" IS NULL AND "giftedOverride" IS NULL AND "affiliateOverride" IS NULL) OR "overrideReason" IS NOT NULL);
ALTER TABLE "CoverageItem" ADD CONSTRAINT "CoverageItem_metrics_check" CHECK (
  coalesce("impressions", 0) >= 0 AND coalesce("reach", 0) >= 0 AND coalesce("views", 0) >= 0 AND coalesce("likes", 0) >= 0
  AND coalesce("comments", 0) >= 0 AND coalesce("shares", 0) >= 0 AND coalesce("saves", 0) >= 0 AND coalesce("clicks", 0) >= 0
  AND coalesce("conversions", 0) >= 0 AND coalesce("revenueMinor", 0) >= 0 AND ("revenueMinor" IS NULL OR "revenueCurrency" IS NOT NULL));
ALTER TABLE "CoverageMetrics" ADD CONSTRAINT "CoverageMetrics_metrics_check" CHECK (
  coalesce("impressions", 0) >= 0 AND coalesce("reach", 0) >= 0 AND coalesce("views", 0) >= 0 AND coalesce("likes", 0) >= 0
  AND coalesce("comments", 0) >= 0 AND coalesce("shares", 0) >= 0 AND coalesce("saves", 0) >= 0 AND coalesce("clicks", 0) >= 0
  AND coalesce("conversions", 0) >= 0 AND coalesce("revenueMinor", 0) >= 0);
ALTER TABLE "DisclosureCheck" ADD CONSTRAINT "DisclosureCheck_jurisdiction_check" CHECK ("jurisdiction" IN ('US', 'FR', 'UK', 'DE'));
ALTER TABLE "DisclosureRuleSet" ADD CONSTRAINT "DisclosureRuleSet_version_check" CHECK ("jurisdiction" IN ('US', 'FR', 'UK', 'DE') AND "version" >= 2);
ALTER TABLE "DisclosureReview" ADD CONSTRAINT "DisclosureReview_note_check" CHECK ("decision" <> 'false_positive' OR length(btrim(coalesce("note", ''))) > 0);
-- Only one current check per item and jurisdiction.
CREATE UNIQUE INDEX "DisclosureCheck_one_current" ON "DisclosureCheck"("coverageItemId", "jurisdiction") WHERE "current";
