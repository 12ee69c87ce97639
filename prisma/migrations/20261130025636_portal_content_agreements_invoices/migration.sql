-- CreateEnum
CREATE TYPE "ContentStatus" AS ENUM ('in_review', 'changes_requested', 'approved', 'published');

-- CreateEnum
CREATE TYPE "ContentReviewSide" AS ENUM ('community', 'compliance');

-- CreateEnum
CREATE TYPE "ContentDecision" AS ENUM ('approved', 'changes_requested');

-- CreateEnum
CREATE TYPE "PortalFilePurpose" AS ENUM ('draft_media', 'metrics_evidence', 'invoice');

-- CreateEnum
CREATE TYPE "LegalIdKind" AS ENUM ('siret', 'vat');

-- CreateTable
CREATE TABLE "ContentSubmission" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "giftId" TEXT,
    "placementId" TEXT,
    "platform" "Platform" NOT NULL,
    "status" "ContentStatus" NOT NULL DEFAULT 'in_review',
    "latestVersion" INTEGER NOT NULL DEFAULT 1,
    "approvedVersion" INTEGER,
    "coverageItemId" TEXT,
    "weakenedAfterApproval" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "plannedOn" DATE NOT NULL,
    "checks" JSONB NOT NULL,
    "compliant" BOOLEAN NOT NULL,
    "portalSessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentReview" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "side" "ContentReviewSide" NOT NULL,
    "decision" "ContentDecision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalFile" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "purpose" "PortalFilePurpose" NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "contentVersionId" TEXT,
    "coverageItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "year" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMP(3),
    "signerName" TEXT,
    "signedInSession" TEXT,
    "signerAddressHash" TEXT,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerInvoice" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "number" TEXT,
    "legalIdKind" "LegalIdKind" NOT NULL,
    "legalId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentSubmission_coverageItemId_key" ON "ContentSubmission"("coverageItemId");

-- CreateIndex
CREATE INDEX "ContentSubmission_status_updatedAt_idx" ON "ContentSubmission"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "ContentSubmission_partnerId_createdAt_idx" ON "ContentSubmission"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "ContentSubmission_giftId_idx" ON "ContentSubmission"("giftId");

-- CreateIndex
CREATE INDEX "ContentSubmission_placementId_idx" ON "ContentSubmission"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentVersion_submissionId_number_key" ON "ContentVersion"("submissionId", "number");

-- CreateIndex
CREATE INDEX "ContentReview_reviewerId_idx" ON "ContentReview"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentReview_versionId_side_key" ON "ContentReview"("versionId", "side");

-- CreateIndex
CREATE INDEX "PortalFile_partnerId_idx" ON "PortalFile"("partnerId");

-- CreateIndex
CREATE INDEX "PortalFile_contentVersionId_idx" ON "PortalFile"("contentVersionId");

-- CreateIndex
CREATE INDEX "PortalFile_coverageItemId_idx" ON "PortalFile"("coverageItemId");

-- CreateIndex
CREATE INDEX "Agreement_partnerId_year_idx" ON "Agreement"("partnerId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerInvoice_fileId_key" ON "PartnerInvoice"("fileId");

-- CreateIndex
CREATE INDEX "PartnerInvoice_placementId_idx" ON "PartnerInvoice"("placementId");

-- CreateIndex
CREATE INDEX "PartnerInvoice_partnerId_idx" ON "PartnerInvoice"("partnerId");

-- AddForeignKey
ALTER TABLE "ContentSubmission" ADD CONSTRAINT "ContentSubmission_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentSubmission" ADD CONSTRAINT "ContentSubmission_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentSubmission" ADD CONSTRAINT "ContentSubmission_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentSubmission" ADD CONSTRAINT "ContentSubmission_coverageItemId_fkey" FOREIGN KEY ("coverageItemId") REFERENCES "CoverageItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "ContentSubmission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentReview" ADD CONSTRAINT "ContentReview_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentReview" ADD CONSTRAINT "ContentReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalFile" ADD CONSTRAINT "PortalFile_contentVersionId_fkey" FOREIGN KEY ("contentVersionId") REFERENCES "ContentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvoice" ADD CONSTRAINT "PartnerInvoice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvoice" ADD CONSTRAINT "PartnerInvoice_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvoice" ADD CONSTRAINT "PartnerInvoice_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "PortalFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
