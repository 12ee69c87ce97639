-- CreateIndex
CREATE INDEX "DisclosureCheck_current_publishedOn_jurisdiction_verdict_ne_idx" ON "DisclosureCheck"("current", "publishedOn", "jurisdiction", "verdict", "needsReview", "reviewDecision");

-- CreateIndex
CREATE INDEX "Partner_createdAt_id_idx" ON "Partner"("createdAt", "id");
