-- CreateEnum
CREATE TYPE "OfferAnswer" AS ENUM ('accepted', 'declined', 'countered');

-- DropForeignKey
ALTER TABLE "Interaction" DROP CONSTRAINT "Interaction_authorId_fkey";

-- DropForeignKey
ALTER TABLE "Task" DROP CONSTRAINT "Task_createdById_fkey";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorPartnerId" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "offerAnswer" "OfferAnswer",
ALTER COLUMN "authorId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Placement" ADD COLUMN     "counterFeeMinor" INTEGER,
ADD COLUMN     "counterNote" TEXT,
ADD COLUMN     "partnerAnswer" "OfferAnswer",
ADD COLUMN     "partnerAnsweredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Task" ALTER COLUMN "createdById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "brandName" TEXT;

-- CreateTable
CREATE TABLE "PortalLink" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "PortalLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalSession" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalLink_tokenHash_key" ON "PortalLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PortalLink_partnerId_createdAt_idx" ON "PortalLink"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "PortalSession_partnerId_idx" ON "PortalSession"("partnerId");

-- CreateIndex
CREATE INDEX "PortalSession_linkId_idx" ON "PortalSession"("linkId");

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalLink" ADD CONSTRAINT "PortalLink_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PortalLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
