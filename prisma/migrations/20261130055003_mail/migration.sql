-- CreateEnum
CREATE TYPE "SmtpSecurity" AS ENUM ('starttls', 'tls', 'none');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('logged', 'triage', 'discarded', 'bounce');

-- CreateEnum
CREATE TYPE "MailSource" AS ENUM ('sent', 'received', 'imported');

-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "sendJobId" TEXT,
ADD COLUMN     "sendRequestedById" TEXT,
ADD COLUMN     "templateId" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "inReplyToId" TEXT,
ADD COLUMN     "mailMessageId" TEXT;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "emailBouncedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "replyId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailFromAddress" TEXT,
ADD COLUMN     "mailFromName" TEXT,
ADD COLUMN     "mailReplyTo" TEXT;

-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN     "attachmentLimitBytes" INTEGER NOT NULL DEFAULT 10485760,
ADD COLUMN     "dailySendCap" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "digestHourUtc" INTEGER,
ADD COLUMN     "inboundDomain" TEXT,
ADD COLUMN     "inboundSecret" TEXT,
ADD COLUMN     "mailFromAddress" TEXT,
ADD COLUMN     "mailFromName" TEXT,
ADD COLUMN     "mailReplyTo" TEXT,
ADD COLUMN     "monthlyReportHourUtc" INTEGER,
ADD COLUMN     "monthlyReportRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "smtpHost" TEXT,
ADD COLUMN     "smtpPasswordSealed" TEXT,
ADD COLUMN     "smtpPort" INTEGER NOT NULL DEFAULT 587,
ADD COLUMN     "smtpSecurity" "SmtpSecurity" NOT NULL DEFAULT 'starttls',
ADD COLUMN     "smtpUser" TEXT,
ADD COLUMN     "teamDomains" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "references" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "direction" "Direction" NOT NULL,
    "status" "MailStatus" NOT NULL,
    "source" "MailSource" NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "fromName" TEXT,
    "toAddresses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ccAddresses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "subject" TEXT,
    "bodyText" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "raw" BYTEA,
    "rawSha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "senderUserId" TEXT,
    "triagedById" TEXT,
    "triagedAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailAttachment" (
    "id" TEXT NOT NULL,
    "mailMessageId" TEXT NOT NULL,
    "filename" TEXT,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA,

    CONSTRAINT "MailAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" TEXT NOT NULL,
    "raw" BYTEA NOT NULL,
    "source" "MailSource" NOT NULL,
    "jobId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_messageId_key" ON "MailMessage"("messageId");

-- CreateIndex
CREATE INDEX "MailMessage_status_receivedAt_idx" ON "MailMessage"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "MailMessage_senderUserId_sentAt_idx" ON "MailMessage"("senderUserId", "sentAt");

-- CreateIndex
CREATE INDEX "MailAttachment_mailMessageId_idx" ON "MailAttachment"("mailMessageId");

-- CreateIndex
CREATE INDEX "InboundMail_jobId_idx" ON "InboundMail"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_name_language_key" ON "MessageTemplate"("name", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_messageId_key" ON "Draft"("messageId");

-- CreateIndex
CREATE INDEX "Interaction_inReplyToId_idx" ON "Interaction"("inReplyToId");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_mailMessageId_partnerId_key" ON "Interaction"("mailMessageId", "partnerId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_repliedAt_idx" ON "Task"("assigneeId", "repliedAt");

-- CreateIndex
CREATE INDEX "Task_replyId_idx" ON "Task"("replyId");

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_mailMessageId_fkey" FOREIGN KEY ("mailMessageId") REFERENCES "MailMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_inReplyToId_fkey" FOREIGN KEY ("inReplyToId") REFERENCES "Interaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Interaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailAttachment" ADD CONSTRAINT "MailAttachment_mailMessageId_fkey" FOREIGN KEY ("mailMessageId") REFERENCES "MailMessage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
