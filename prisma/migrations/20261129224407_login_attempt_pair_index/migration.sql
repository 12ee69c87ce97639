-- CreateIndex
CREATE INDEX "LoginAttempt_email_ipAddress_createdAt_idx" ON "LoginAttempt"("email", "ipAddress", "createdAt");
