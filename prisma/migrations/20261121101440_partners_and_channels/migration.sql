-- Trigram matching for the partner search index (not tracked by schema.prisma). Extensions
-- live in "public", once per database, whichever schema the app uses.
CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public";

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('blogger', 'influencer', 'journalist', 'podcaster', 'other');

-- CreateEnum
CREATE TYPE "PartnerStage" AS ENUM ('prospect', 'contacted', 'negotiating', 'active', 'paused', 'do_not_contact');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('blog', 'instagram', 'tiktok', 'youtube', 'x', 'facebook', 'linkedin', 'pinterest', 'twitch', 'podcast', 'newsletter', 'other');

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "email" TEXT,
    "website" TEXT,
    "websiteDomain" TEXT,
    "country" TEXT,
    "language" TEXT,
    "stage" "PartnerStage" NOT NULL DEFAULT 'prospect',
    "ownerId" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "riskNotes" TEXT,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "totalFollowers" INTEGER NOT NULL DEFAULT 0,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "handle" TEXT,
    "url" TEXT,
    "followers" INTEGER,
    "engagementRate" DOUBLE PRECISION,
    "audience" JSONB,
    "measuredOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelMeasurement" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "measuredOn" DATE NOT NULL,
    "followers" INTEGER,
    "engagementRate" DOUBLE PRECISION,
    "audience" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_externalId_key" ON "Partner"("externalId");

-- CreateIndex
CREATE INDEX "Partner_name_id_idx" ON "Partner"("name", "id");

-- CreateIndex
CREATE INDEX "Partner_updatedAt_id_idx" ON "Partner"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Partner_totalFollowers_id_idx" ON "Partner"("totalFollowers", "id");

-- CreateIndex
CREATE INDEX "Partner_stage_idx" ON "Partner"("stage");

-- CreateIndex
CREATE INDEX "Partner_country_idx" ON "Partner"("country");

-- CreateIndex
CREATE INDEX "Partner_ownerId_idx" ON "Partner"("ownerId");

-- CreateIndex
CREATE INDEX "Partner_email_idx" ON "Partner"("email");

-- CreateIndex
CREATE INDEX "Partner_websiteDomain_idx" ON "Partner"("websiteDomain");

-- CreateIndex
CREATE INDEX "Partner_tags_idx" ON "Partner" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Partner_searchText_idx" ON "Partner" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Channel_partnerId_idx" ON "Channel"("partnerId");

-- CreateIndex
CREATE INDEX "Channel_platform_idx" ON "Channel"("platform");

-- CreateIndex
CREATE INDEX "Channel_handle_idx" ON "Channel"("handle");

-- CreateIndex
CREATE INDEX "Channel_url_idx" ON "Channel"("url");

-- CreateIndex
CREATE INDEX "ChannelMeasurement_channelId_measuredOn_idx" ON "ChannelMeasurement"("channelId", "measuredOn");

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelMeasurement" ADD CONSTRAINT "ChannelMeasurement_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
