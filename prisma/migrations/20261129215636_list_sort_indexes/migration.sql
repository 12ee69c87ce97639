-- CreateIndex
CREATE INDEX "CoverageItem_impressions_idx" ON "CoverageItem"("impressions");

-- CreateIndex
CREATE INDEX "Gift_createdAt_id_idx" ON "Gift"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Gift_itemName_idx" ON "Gift"("itemName");

-- CreateIndex
CREATE INDEX "Placement_title_idx" ON "Placement"("title");
