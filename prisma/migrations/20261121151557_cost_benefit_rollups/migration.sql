-- CreateTable
CREATE TABLE "CostBenefitRollup" (
    "id" BIGSERIAL NOT NULL,
    "partnerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "day" DATE NOT NULL,
    "giftsMinor" DECIMAL(65,30),
    "placementsMinor" DECIMAL(65,30),
    "paidMinor" DECIMAL(65,30),
    "revenueMinor" DECIMAL(65,30),
    "giftCount" INTEGER NOT NULL DEFAULT 0,
    "placementCount" INTEGER NOT NULL DEFAULT 0,
    "paymentCount" INTEGER NOT NULL DEFAULT 0,
    "unconverted" INTEGER NOT NULL DEFAULT 0,
    "coverageCount" INTEGER NOT NULL DEFAULT 0,
    "impressions" BIGINT,
    "reach" BIGINT,
    "views" BIGINT,
    "likes" BIGINT,
    "comments" BIGINT,
    "shares" BIGINT,
    "saves" BIGINT,
    "clicks" BIGINT,
    "conversions" BIGINT,
    "disclosureRequired" INTEGER NOT NULL DEFAULT 0,
    "disclosureCompliant" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CostBenefitRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostBenefitStale" (
    "partnerId" TEXT NOT NULL,

    CONSTRAINT "CostBenefitStale_pkey" PRIMARY KEY ("partnerId")
);

-- CreateIndex
CREATE INDEX "CostBenefitRollup_day_idx" ON "CostBenefitRollup"("day");

-- CreateIndex
CREATE INDEX "CostBenefitRollup_partnerId_day_idx" ON "CostBenefitRollup"("partnerId", "day");

-- CreateIndex
CREATE INDEX "CostBenefitRollup_campaignId_idx" ON "CostBenefitRollup"("campaignId");

-- AddForeignKey
ALTER TABLE "CostBenefitRollup" ADD CONSTRAINT "CostBenefitRollup_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keeping the rollups in step: every write to a source of the cost-benefit sums marks the partners
-- it touches (before and after the change) as stale, in the writing transaction. The sums
-- themselves are recomputed by the application (app/models/cost-benefit-rollup.server.ts), from
-- the same SQL as the reports, before anything reads them.
CREATE FUNCTION cost_benefit_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId") SELECT DISTINCT "partnerId" FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId") SELECT DISTINCT "partnerId" FROM old_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Payments carry no partner: it is the placement's. A payment deleted with its placement is
-- covered by the placement's own trigger.
CREATE FUNCTION cost_benefit_mark_payment_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId")
      SELECT DISTINCT p."partnerId" FROM new_rows n JOIN "Placement" p ON p."id" = n."placementId" ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "CostBenefitStale" ("partnerId")
      SELECT DISTINCT p."partnerId" FROM old_rows o JOIN "Placement" p ON p."id" = o."placementId" ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- A rate converts every amount in its base currency dated on or after it, until a later rate.
CREATE FUNCTION cost_benefit_mark_rate_stale() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- The reporting currency and the gift valuation basis change every amount.
CREATE FUNCTION cost_benefit_mark_all_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CostBenefitStale" ("partnerId") SELECT "id" FROM "Partner" ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Three statement triggers (insert, update, delete) on each source, with its transition tables.
DO $$
DECLARE
  source RECORD;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('Gift', 'cost_benefit_mark_stale'), ('Placement', 'cost_benefit_mark_stale'),
    ('CoverageItem', 'cost_benefit_mark_stale'), ('DisclosureCheck', 'cost_benefit_mark_stale'),
    ('Payment', 'cost_benefit_mark_payment_stale'), ('ExchangeRate', 'cost_benefit_mark_rate_stale')
  ) AS s("table", "function") LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      source."table" || '_cost_benefit_insert', source."table", source."function");
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      source."table" || '_cost_benefit_update', source."table", source."function");
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      source."table" || '_cost_benefit_delete', source."table", source."function");
  END LOOP;
END $$;

CREATE TRIGGER "WorkspaceSettings_cost_benefit_insert" AFTER INSERT ON "WorkspaceSettings" FOR EACH ROW EXECUTE FUNCTION cost_benefit_mark_all_stale();
CREATE TRIGGER "WorkspaceSettings_cost_benefit_update" AFTER UPDATE ON "WorkspaceSettings" FOR EACH ROW
  WHEN (OLD."reportingCurrency" IS DISTINCT FROM NEW."reportingCurrency" OR OLD."giftValuationBasis" IS DISTINCT FROM NEW."giftValuationBasis")
  EXECUTE FUNCTION cost_benefit_mark_all_stale();

-- Existing data is summed on the first read.
INSERT INTO "CostBenefitStale" ("partnerId") SELECT "id" FROM "Partner";
