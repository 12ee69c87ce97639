-- DropIndex
DROP INDEX "Channel_handle_idx";

-- DropIndex
DROP INDEX "Channel_platform_idx";

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "handleKey" TEXT;

-- CreateIndex
CREATE INDEX "Channel_platform_handleKey_idx" ON "Channel"("platform", "handleKey");

-- Backfill: the app keeps handleKey in step from now on.
UPDATE "Channel" SET "handleKey" = lower(regexp_replace("handle", '^@', '')) WHERE "handle" IS NOT NULL;
