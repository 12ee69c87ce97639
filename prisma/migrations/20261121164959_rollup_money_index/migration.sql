-- A ranking by cost, payments or revenue first adds up these sums per partner over a period;
-- with them in the index that step never reads the table (an index-only scan).
-- DropIndex
DROP INDEX "CostBenefitRollup_partnerId_day_idx";

-- CreateIndex
CREATE INDEX "CostBenefitRollup_partnerId_day_giftsMinor_placementsMinor__idx" ON "CostBenefitRollup"("partnerId", "day", "giftsMinor", "placementsMinor", "paidMinor", "revenueMinor");
