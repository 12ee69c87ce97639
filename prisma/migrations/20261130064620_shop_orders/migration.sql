-- CreateEnum
CREATE TYPE "ShopPlatform" AS ENUM ('shopify', 'woocommerce', 'other');

-- AlterTable
ALTER TABLE "CostBenefitRollup" ADD COLUMN     "orderCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "orderRevenueMinor" DECIMAL(65,30),
ADD COLUMN     "trackedClicks" BIGINT;

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "attributionWindowDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "PromoCode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "PromoCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "platform" "ShopPlatform" NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "webhookSecretSealed" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopOrder" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "currency" TEXT NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "discountCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "landingUrl" TEXT,
    "status" TEXT NOT NULL,
    "partnerId" TEXT,
    "campaignId" TEXT,
    "attributedBy" TEXT,
    "attributedTo" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderAdjustment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PromoCode_code_idx" ON "PromoCode"("code");

-- CreateIndex
CREATE INDEX "PromoCode_partnerId_idx" ON "PromoCode"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "PromoCode_code_partnerId_key" ON "PromoCode"("code", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_domain_key" ON "Shop"("domain");

-- CreateIndex
CREATE INDEX "ShopOrder_partnerId_orderedAt_idx" ON "ShopOrder"("partnerId", "orderedAt");

-- CreateIndex
CREATE INDEX "ShopOrder_orderedAt_idx" ON "ShopOrder"("orderedAt");

-- CreateIndex
CREATE INDEX "ShopOrder_campaignId_idx" ON "ShopOrder"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "ShopOrder_shopId_externalId_key" ON "ShopOrder"("shopId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderAdjustment_orderId_externalId_key" ON "OrderAdjustment"("orderId", "externalId");

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopOrder" ADD CONSTRAINT "ShopOrder_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopOrder" ADD CONSTRAINT "ShopOrder_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopOrder" ADD CONSTRAINT "ShopOrder_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderAdjustment" ADD CONSTRAINT "OrderAdjustment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ShopOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Orders, refunds and tracked clicks change a partner's rollup like any other source.
CREATE FUNCTION cost_benefit_mark_adjustment_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId")
      SELECT o."partnerId" FROM new_rows a JOIN "ShopOrder" o ON o."id" = a."orderId" WHERE o."partnerId" IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId")
      SELECT o."partnerId" FROM old_rows a JOIN "ShopOrder" o ON o."id" = a."orderId" WHERE o."partnerId" IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION cost_benefit_mark_click_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId")
      SELECT l."partnerId" FROM new_rows d JOIN "TrackedLink" l ON l."id" = d."linkId" ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId")
      SELECT l."partnerId" FROM old_rows d JOIN "TrackedLink" l ON l."id" = d."linkId" ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Orders that match no partner change no rollup.
CREATE FUNCTION cost_benefit_mark_order_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId") SELECT DISTINCT "partnerId" FROM new_rows WHERE "partnerId" IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId") SELECT DISTINCT "partnerId" FROM old_rows WHERE "partnerId" IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  source RECORD;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('ShopOrder', 'cost_benefit_mark_order_stale'), ('OrderAdjustment', 'cost_benefit_mark_adjustment_stale'),
    ('LinkClickDay', 'cost_benefit_mark_click_stale')
  ) AS s("table", "function") LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      source."table" || '_cost_benefit_insert', source."table", source."function");
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      source."table" || '_cost_benefit_update', source."table", source."function");
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      source."table" || '_cost_benefit_delete', source."table", source."function");
  END LOOP;
END $$;

-- A new rate also converts attributed orders and their refunds in its currency.
CREATE OR REPLACE FUNCTION cost_benefit_mark_rate_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  currencies TEXT[] := '{}';
  valid_from DATE[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT currencies || array_agg("baseCurrency"), valid_from || array_agg("validOn") INTO currencies, valid_from FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT currencies || array_agg("baseCurrency"), valid_from || array_agg("validOn") INTO currencies, valid_from FROM old_rows;
  END IF;
  WITH r AS (SELECT * FROM unnest(currencies, valid_from) AS r("currency", "validOn"))
  INSERT INTO "CostBenefitStale" ("partnerId")
    SELECT g."partnerId" FROM "Gift" g JOIN r ON g."currency" = r."currency" AND g."shippedOn" >= r."validOn"
    UNION SELECT p."partnerId" FROM "Placement" p JOIN r ON p."currency" = r."currency" AND p."agreedOn" >= r."validOn"
    UNION SELECT p."partnerId" FROM "Payment" pay JOIN "Placement" p ON p."id" = pay."placementId"
      JOIN r ON p."currency" = r."currency" AND pay."paidOn" >= r."validOn"
    UNION SELECT c."partnerId" FROM "CoverageItem" c JOIN r ON c."revenueCurrency" = r."currency" AND c."publishedOn" >= r."validOn"
    UNION SELECT o."partnerId" FROM "ShopOrder" o JOIN r ON o."currency" = r."currency" AND o."orderedAt"::date >= r."validOn"
      WHERE o."partnerId" IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
