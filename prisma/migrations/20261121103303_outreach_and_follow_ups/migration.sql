-- CreateEnum
CREATE TYPE "InteractionType" AS ENUM ('email', 'dm', 'call', 'meeting', 'note');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "DraftKind" AS ENUM ('message', 'brief');

-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('draft', 'in_review', 'changes_requested', 'approved', 'sent');

-- CreateEnum
CREATE TYPE "DraftAction" AS ENUM ('created', 'edited', 'submitted', 'approved', 'changes_requested', 'sent');

-- CreateTable
CREATE TABLE "Interaction" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "type" "InteractionType" NOT NULL,
    "direction" "Direction",
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT NOT NULL,
    "correctsId" TEXT,
    "draftId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "kind" "DraftKind" NOT NULL,
    "channel" "InteractionType" NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'draft',
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftEvent" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" "DraftAction" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_draftId_key" ON "Interaction"("draftId");

-- CreateIndex
CREATE INDEX "Interaction_partnerId_occurredAt_idx" ON "Interaction"("partnerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_authorId_idx" ON "Interaction"("authorId");

-- CreateIndex
CREATE INDEX "Interaction_correctsId_idx" ON "Interaction"("correctsId");

-- CreateIndex
CREATE INDEX "Draft_partnerId_createdAt_idx" ON "Draft"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Draft_status_createdAt_idx" ON "Draft"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Draft_authorId_idx" ON "Draft"("authorId");

-- CreateIndex
CREATE INDEX "DraftEvent_draftId_createdAt_idx" ON "DraftEvent"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "DraftEvent_actorId_idx" ON "DraftEvent"("actorId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_completedAt_dueOn_idx" ON "Task"("assigneeId", "completedAt", "dueOn");

-- CreateIndex
CREATE INDEX "Task_partnerId_completedAt_dueOn_idx" ON "Task"("partnerId", "completedAt", "dueOn");

-- CreateIndex
CREATE INDEX "Task_createdById_idx" ON "Task"("createdById");

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Interaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftEvent" ADD CONSTRAINT "DraftEvent_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftEvent" ADD CONSTRAINT "DraftEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The outreach log is append-only: entries are never deleted, and only the partner they belong
-- to may change (when duplicate partners are merged). Prisma does not model triggers.
CREATE FUNCTION "interaction_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Interaction rows are append-only';
  END IF;
  IF ROW(NEW."id", NEW."type", NEW."direction", NEW."subject", NEW."body", NEW."occurredAt", NEW."authorId", NEW."correctsId", NEW."draftId", NEW."createdAt")
     IS DISTINCT FROM
     ROW(OLD."id", OLD."type", OLD."direction", OLD."subject", OLD."body", OLD."occurredAt", OLD."authorId", OLD."correctsId", OLD."draftId", OLD."createdAt") THEN
    RAISE EXCEPTION 'Interaction rows are append-only: add a correction instead';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Interaction_append_only"
  BEFORE UPDATE OR DELETE ON "Interaction"
  FOR EACH ROW EXECUTE FUNCTION "interaction_append_only"();
