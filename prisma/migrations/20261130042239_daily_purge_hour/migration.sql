-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "purgeHourUtc" INTEGER DEFAULT 3;
