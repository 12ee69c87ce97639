-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('consent', 'contract', 'legitimate_interests', 'legal_obligation');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "dataSource" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "lawfulBasis" "LawfulBasis" NOT NULL DEFAULT 'legitimate_interests';

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "prospectRetentionMonths" INTEGER NOT NULL DEFAULT 24;

-- CreateTable
CREATE TABLE "PersonalDataKey" (
    "partnerId" TEXT NOT NULL,
    "key" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonalDataKey_pkey" PRIMARY KEY ("partnerId")
);

-- CreateIndex
CREATE INDEX "Partner_stage_updatedAt_idx" ON "Partner"("stage", "updatedAt");

-- The outreach log stays append-only, with one exception: erasing a partner's personal data
-- (GDPR art. 17) empties the subject and body of their entries, and changes nothing else.
CREATE OR REPLACE FUNCTION "interaction_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Interaction rows are append-only';
  END IF;
  IF NEW."subject" IS NULL AND NEW."body" = ''
     AND ROW(NEW."id", NEW."type", NEW."direction", NEW."occurredAt", NEW."authorId", NEW."correctsId", NEW."draftId", NEW."createdAt", NEW."partnerId")
         IS NOT DISTINCT FROM
         ROW(OLD."id", OLD."type", OLD."direction", OLD."occurredAt", OLD."authorId", OLD."correctsId", OLD."draftId", OLD."createdAt", OLD."partnerId")
     AND EXISTS (SELECT 1 FROM "Partner" p WHERE p."id" = NEW."partnerId" AND p."erasedAt" IS NOT NULL) THEN
    RETURN NEW;
  END IF;
  IF ROW(NEW."id", NEW."type", NEW."direction", NEW."subject", NEW."body", NEW."occurredAt", NEW."authorId", NEW."correctsId", NEW."draftId", NEW."createdAt")
     IS DISTINCT FROM
     ROW(OLD."id", OLD."type", OLD."direction", OLD."subject", OLD."body", OLD."occurredAt", OLD."authorId", OLD."correctsId", OLD."draftId", OLD."createdAt") THEN
    RAISE EXCEPTION 'Interaction rows are append-only: add a correction instead';
  END IF;
  RETURN NEW;
END;
$$;
