-- DropIndex
DROP INDEX "CostBenefitRollup_day_idx";

-- CreateIndex
CREATE INDEX "CostBenefitRollup_day_giftsMinor_placementsMinor_giftCount__idx" ON "CostBenefitRollup"("day", "giftsMinor", "placementsMinor", "giftCount", "coverageCount");
