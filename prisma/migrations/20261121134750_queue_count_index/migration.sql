-- CreateIndex
CREATE INDEX "DisclosureCheck_needsReview_jurisdiction_platform_reasons_idx" ON "DisclosureCheck"("needsReview", "jurisdiction", "platform", "reasons");
