-- CreateEnum
CREATE TYPE "GiftValuationBasis" AS ENUM ('cost', 'retail');

-- CreateEnum
CREATE TYPE "GiftStatus" AS ENUM ('planned', 'shipped', 'delivered', 'returned', 'cancelled');

-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('proposed', 'approved', 'contracted', 'delivered', 'paid', 'cancelled');

-- CreateTable
CREATE TABLE "WorkspaceSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "reportingCurrency" TEXT NOT NULL DEFAULT 'EUR',
    "giftValuationBasis" "GiftValuationBasis" NOT NULL DEFAULT 'cost',
    "writtenAgreementMinor" INTEGER NOT NULL DEFAULT 100000,
    "singleApprovalLimitMinor" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "id" TEXT NOT NULL,
    "baseCurrency" TEXT NOT NULL,
    "quoteCurrency" TEXT NOT NULL,
    "rate" DECIMAL(24,12) NOT NULL,
    "validOn" DATE NOT NULL,
    "minorUnitShift" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT,
    "unitCostMinor" INTEGER NOT NULL,
    "retailMinor" INTEGER,
    "currency" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brief" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "budgetMinor" INTEGER,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "jurisdictions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gift" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "productId" TEXT,
    "itemName" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitCostMinor" INTEGER NOT NULL,
    "unitRetailMinor" INTEGER,
    "shippingMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "requestedByPartner" BOOLEAN NOT NULL DEFAULT false,
    "status" "GiftStatus" NOT NULL DEFAULT 'planned',
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "shippedOn" DATE,
    "deliveredOn" DATE,
    "expectedReturn" TEXT,
    "returnFulfilledOn" DATE,
    "agreementRef" TEXT,
    "batchId" TEXT,
    "importKey" TEXT,
    "budgetOverrideById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Gift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "title" TEXT NOT NULL,
    "feeMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "agreedOn" DATE NOT NULL,
    "usageRights" TEXT,
    "contractRef" TEXT,
    "status" "PlacementStatus" NOT NULL DEFAULT 'proposed',
    "proposedById" TEXT,
    "importKey" TEXT,
    "budgetOverrideById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlacementDeliverable" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE,
    "deliveredOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacementDeliverable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlacementApproval" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacementApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "invoiceRef" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_CampaignToProduct" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CampaignToProduct_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeRate_baseCurrency_quoteCurrency_validOn_key" ON "ExchangeRate"("baseCurrency", "quoteCurrency", "validOn");

-- CreateIndex
CREATE UNIQUE INDEX "Product_sku_key" ON "Product"("sku");

-- CreateIndex
CREATE INDEX "Product_name_idx" ON "Product"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_name_key" ON "Campaign"("name");

-- CreateIndex
CREATE INDEX "Campaign_startsOn_idx" ON "Campaign"("startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Gift_importKey_key" ON "Gift"("importKey");

-- CreateIndex
CREATE INDEX "Gift_partnerId_createdAt_idx" ON "Gift"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Gift_campaignId_idx" ON "Gift"("campaignId");

-- CreateIndex
CREATE INDEX "Gift_productId_idx" ON "Gift"("productId");

-- CreateIndex
CREATE INDEX "Gift_shippedOn_idx" ON "Gift"("shippedOn");

-- CreateIndex
CREATE INDEX "Gift_status_shippedOn_idx" ON "Gift"("status", "shippedOn");

-- CreateIndex
CREATE INDEX "Gift_batchId_idx" ON "Gift"("batchId");

-- CreateIndex
CREATE INDEX "Gift_createdById_idx" ON "Gift"("createdById");

-- CreateIndex
CREATE INDEX "Gift_budgetOverrideById_idx" ON "Gift"("budgetOverrideById");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_importKey_key" ON "Placement"("importKey");

-- CreateIndex
CREATE INDEX "Placement_partnerId_agreedOn_idx" ON "Placement"("partnerId", "agreedOn");

-- CreateIndex
CREATE INDEX "Placement_campaignId_idx" ON "Placement"("campaignId");

-- CreateIndex
CREATE INDEX "Placement_status_agreedOn_idx" ON "Placement"("status", "agreedOn");

-- CreateIndex
CREATE INDEX "Placement_agreedOn_idx" ON "Placement"("agreedOn");

-- CreateIndex
CREATE INDEX "Placement_proposedById_idx" ON "Placement"("proposedById");

-- CreateIndex
CREATE INDEX "Placement_budgetOverrideById_idx" ON "Placement"("budgetOverrideById");

-- CreateIndex
CREATE INDEX "PlacementDeliverable_placementId_dueOn_idx" ON "PlacementDeliverable"("placementId", "dueOn");

-- CreateIndex
CREATE INDEX "PlacementApproval_approverId_idx" ON "PlacementApproval"("approverId");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementApproval_placementId_approverId_key" ON "PlacementApproval"("placementId", "approverId");

-- CreateIndex
CREATE INDEX "Payment_placementId_paidOn_idx" ON "Payment"("placementId", "paidOn");

-- CreateIndex
CREATE INDEX "Payment_paidOn_idx" ON "Payment"("paidOn");

-- CreateIndex
CREATE INDEX "Payment_recordedById_idx" ON "Payment"("recordedById");

-- CreateIndex
CREATE INDEX "_CampaignToProduct_B_index" ON "_CampaignToProduct"("B");

-- AddForeignKey
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_budgetOverrideById_fkey" FOREIGN KEY ("budgetOverrideById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_budgetOverrideById_fkey" FOREIGN KEY ("budgetOverrideById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementDeliverable" ADD CONSTRAINT "PlacementDeliverable_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementApproval" ADD CONSTRAINT "PlacementApproval_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementApproval" ADD CONSTRAINT "PlacementApproval_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CampaignToProduct" ADD CONSTRAINT "_CampaignToProduct_A_fkey" FOREIGN KEY ("A") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CampaignToProduct" ADD CONSTRAINT "_CampaignToProduct_B_fkey" FOREIGN KEY ("B") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The workspace has exactly one settings row, with the defaults.
INSERT INTO "WorkspaceSettings" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;

-- Money rules the app checks first, kept by the database too (the schema engine ignores CHECKs).
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_amounts_check" CHECK ("quantity" > 0 AND "unitCostMinor" >= 0 AND ("unitRetailMinor" IS NULL OR "unitRetailMinor" >= 0) AND "shippingMinor" >= 0);
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_dates_check" CHECK ("shippedOn" IS NULL OR "deliveredOn" IS NULL OR "shippedOn" <= "deliveredOn");
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_fee_check" CHECK ("feeMinor" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_check" CHECK ("amountMinor" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_amounts_check" CHECK ("unitCostMinor" >= 0 AND ("retailMinor" IS NULL OR "retailMinor" >= 0));
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_budget_check" CHECK ("budgetMinor" IS NULL OR "budgetMinor" >= 0);
ALTER TABLE "ExchangeRate" ADD CONSTRAINT "ExchangeRate_rate_check" CHECK ("rate" > 0);
