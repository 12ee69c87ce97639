-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "emvPerClickMinor" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "emvPerEngagementMinor" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "emvPerMilleMinor" INTEGER NOT NULL DEFAULT 500,
ADD COLUMN     "emvRatesSetAt" TIMESTAMP(3);
