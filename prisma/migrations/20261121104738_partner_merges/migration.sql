-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "mergedIntoId" TEXT;

-- CreateIndex
CREATE INDEX "Partner_mergedIntoId_idx" ON "Partner"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;
