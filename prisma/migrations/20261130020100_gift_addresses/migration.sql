-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "addressRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "GiftAddress" (
    "giftId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftAddress_pkey" PRIMARY KEY ("giftId")
);

-- CreateIndex
CREATE INDEX "GiftAddress_partnerId_idx" ON "GiftAddress"("partnerId");

-- AddForeignKey
ALTER TABLE "GiftAddress" ADD CONSTRAINT "GiftAddress_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
