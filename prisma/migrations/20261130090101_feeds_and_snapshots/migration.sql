-- CreateEnum
CREATE TYPE "FeedKind" AS ENUM ('rss', 'atom', 'youtube', 'podcast');

-- CreateEnum
CREATE TYPE "CaptureStatus" AS ENUM ('captured', 'confirmed', 'dismissed');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "DisclosureCheck" ADD COLUMN     "snapshotId" TEXT;

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "captureKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "feedPollMinutes" INTEGER DEFAULT 60,
ADD COLUMN     "snapshotHourUtc" INTEGER DEFAULT 4;

-- CreateTable
CREATE TABLE "ChannelFeed" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" "FeedKind",
    "etag" TEXT,
    "lastModified" TEXT,
    "lastPolledAt" TIMESTAMP(3),
    "lastOutcome" TEXT,
    "lastError" JSONB,
    "entriesSeen" INTEGER NOT NULL DEFAULT 0,
    "capturedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedEntry" (
    "feedId" TEXT NOT NULL,
    "entryKey" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedEntry_pkey" PRIMARY KEY ("feedId","entryKey")
);

-- CreateTable
CREATE TABLE "CapturedPost" (
    "id" TEXT NOT NULL,
    "feedId" TEXT,
    "entryKey" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "campaignId" TEXT,
    "giftId" TEXT,
    "placementId" TEXT,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "publishedOn" DATE NOT NULL,
    "matches" JSONB NOT NULL,
    "checks" JSONB NOT NULL,
    "status" "CaptureStatus" NOT NULL DEFAULT 'captured',
    "coverageItemId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapturedPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageSnapshot" (
    "id" TEXT NOT NULL,
    "coverageItemId" TEXT NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "headers" JSONB NOT NULL,
    "body" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "byteLength" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "verdicts" JSONB NOT NULL,
    "disclosureRemoved" BOOLEAN NOT NULL DEFAULT false,
    "requestedById" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoverageSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelFeed_lastPolledAt_idx" ON "ChannelFeed"("lastPolledAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelFeed_channelId_url_key" ON "ChannelFeed"("channelId", "url");

-- CreateIndex
CREATE UNIQUE INDEX "CapturedPost_coverageItemId_key" ON "CapturedPost"("coverageItemId");

-- CreateIndex
CREATE INDEX "CapturedPost_status_publishedOn_idx" ON "CapturedPost"("status", "publishedOn");

-- CreateIndex
CREATE INDEX "CapturedPost_partnerId_idx" ON "CapturedPost"("partnerId");

-- CreateIndex
CREATE INDEX "CapturedPost_campaignId_idx" ON "CapturedPost"("campaignId");

-- CreateIndex
CREATE INDEX "CapturedPost_decidedById_idx" ON "CapturedPost"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "CapturedPost_feedId_entryKey_key" ON "CapturedPost"("feedId", "entryKey");

-- CreateIndex
CREATE INDEX "CoverageSnapshot_coverageItemId_fetchedAt_idx" ON "CoverageSnapshot"("coverageItemId", "fetchedAt");

-- CreateIndex
CREATE INDEX "CoverageSnapshot_requestedById_idx" ON "CoverageSnapshot"("requestedById");

-- CreateIndex
CREATE INDEX "DisclosureCheck_snapshotId_idx" ON "DisclosureCheck"("snapshotId");

-- AddForeignKey
ALTER TABLE "DisclosureCheck" ADD CONSTRAINT "DisclosureCheck_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "CoverageSnapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelFeed" ADD CONSTRAINT "ChannelFeed_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedEntry" ADD CONSTRAINT "FeedEntry_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "ChannelFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapturedPost" ADD CONSTRAINT "CapturedPost_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "ChannelFeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapturedPost" ADD CONSTRAINT "CapturedPost_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapturedPost" ADD CONSTRAINT "CapturedPost_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapturedPost" ADD CONSTRAINT "CapturedPost_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapturedPost" ADD CONSTRAINT "CapturedPost_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageSnapshot" ADD CONSTRAINT "CoverageSnapshot_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageSnapshot" ADD CONSTRAINT "CoverageSnapshot_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
