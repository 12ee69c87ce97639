/**
 * Sending an approved draft by email. Asking to send fixes the Message-ID and queues a job; the job
 * checks do-not-contact again, sends through the workspace's SMTP server, and only when the server
 * has accepted the message writes the outreach log entry with that Message-ID. A refusal fails the
 * job with the server's words on the draft; a server that does not answer is retried.
 */
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { assertMayContact, assertMaySend } from "~/features/outreach";
import { RuleViolation } from "~/shared/violations";
import { db, type DbClient } from "~/utils/db.server";
import { parseMessage } from "./mail-parse.server";
import { composeMessage, deliver } from "./mail-transport.server";
import { recordAudit } from "~/utils/audit.server";
import { enqueueJob } from "~/utils/jobs.server";
import { keptMessage } from "./mail.server";
import { senderIdentity } from "./mail-settings.server";
import { lockPartnersForShare, lockRow } from "~/utils/row-locks.server";
import { getSettings, type WorkspaceSettings } from "~/features/accounts/index.server";

function startOfUtcDay(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Messages the user sent today or has on their way (a failed send does not count). */
export async function sentToday(client: DbClient, userId: string) {
  return client.job.count({
    where: { kind: "mail.send", createdById: userId, createdAt: { gte: startOfUtcDay() }, status: { not: "failed" } },
  });
}

/** Everything that must hold for a draft to go out by email, checked when asked and again when sent. */
async function sendable(tx: DbClient, draftId: string, senderId: string, settings: WorkspaceSettings) {
  if (!(await lockRow(tx, "Draft", draftId))) throw new RuleViolation("errors.notFound", 404);
  const draft = await tx.draft.findUniqueOrThrow({ where: { id: draftId } });
  await lockPartnersForShare(tx, [draft.partnerId]);
  const partner = await tx.partner.findUniqueOrThrow({
    where: { id: draft.partnerId },
    select: { id: true, name: true, email: true, emailBouncedAt: true, stage: true, erasedAt: true },
  });
  if (draft.status === "sent") return { draft, partner, identity: null };
  assertMaySend(draft.status);
  if (draft.channel !== "email") throw new RuleViolation("mail.notAnEmail", 422);
  assertMayContact(partner.stage);
  if (!partner.email || partner.erasedAt) throw new RuleViolation("mail.partnerHasNoEmail", 422);
  if (partner.emailBouncedAt) throw new RuleViolation("mail.partnerBouncing", 409);
  if (!settings.smtpHost) throw new RuleViolation("mail.notConfigured", 409);
  const sender = await tx.user.findUniqueOrThrow({
    where: { id: senderId },
    select: { name: true, email: true, mailFromName: true, mailFromAddress: true, mailReplyTo: true },
  });
  const identity = senderIdentity(sender, settings);
  if (!identity) throw new RuleViolation("mail.noFromAddress", 409);
  return { draft, partner, identity };
}

/** Queues the draft for sending; refused at once when it could not go (do-not-contact, cap, no SMTP). */
export async function requestSend(actorId: string, draftId: string) {
  return db().$transaction(async (tx) => {
    const settings = await getSettings(tx);
    const { draft, identity } = await sendable(tx, draftId, actorId, settings);
    if (!identity) throw new RuleViolation("outreach.notApproved");
    if (draft.sendJobId) {
      const previous = await tx.job.findUnique({ where: { id: draft.sendJobId }, select: { status: true } });
      if (previous && previous.status !== "failed") throw new RuleViolation("mail.alreadySending", 409);
    }
    // One user's sends are counted one at a time, so two tabs cannot both take the last one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`send-cap:${actorId}`}))`;
    if ((await sentToday(tx, actorId)) >= settings.dailySendCap)
      throw new RuleViolation("mail.dailyCapReached", 409, undefined, { cap: String(settings.dailySendCap) });
    const messageId = draft.messageId ?? `${randomBytes(12).toString("hex")}@${identity.address.split("@")[1]}`;
    const job = await enqueueJob(tx, "mail.send", { draftId }, actorId, 1);
    await tx.draft.update({ where: { id: draftId }, data: { messageId, sendJobId: job.id, sendRequestedById: actorId } });
    await recordAudit(tx, {
      actorId,
      action: "draft.send_requested",
      entityType: "Draft",
      entityId: draftId,
      subjectId: draft.partnerId,
      after: { messageId, jobId: job.id },
    });
    return job.id;
  });
}

/** The job's work: check again, send, then log. */
export async function sendDraftNow(jobId: string, draftId: string) {
  const settings = await getSettings(db());
  const prepared = await db().$transaction(async (tx) => {
    const draft = await tx.draft.findUnique({ where: { id: draftId }, select: { sendJobId: true, sendRequestedById: true } });
    if (!draft) throw new RuleViolation("errors.notFound", 404);
    if (draft.sendJobId !== jobId) throw new RuleViolation("mail.superseded", 409);
    const checked = await sendable(tx, draftId, draft.sendRequestedById!, settings);
    if (!checked.identity) return null;
    const alreadyLogged = await tx.mailMessage.findUnique({ where: { messageId: checked.draft.messageId! }, select: { id: true } });
    if (alreadyLogged) return null;
    const raw = await composeMessage({
      from: { name: checked.identity.name, address: checked.identity.address },
      replyTo: checked.identity.replyTo,
      to: checked.partner.email!,
      subject: checked.draft.subject ?? "",
      text: checked.draft.body,
      messageId: checked.draft.messageId!,
    });
    return {
      raw,
      from: checked.identity.address,
      to: checked.partner.email!,
      partnerId: checked.partner.id,
      senderId: draft.sendRequestedById!,
    };
  });
  if (!prepared) return { sent: false };
  const { response } = await deliver(settings, { from: prepared.from, to: [prepared.to] }, prepared.raw);
  const parsed = await parseMessage(prepared.raw);
  await db().$transaction(async (tx) => {
    await lockRow(tx, "Draft", draftId);
    const { count } = await tx.draft.updateMany({ where: { id: draftId, status: "approved" }, data: { status: "sent" } });
    await tx.draftEvent.create({ data: { draftId, actorId: prepared.senderId, action: "sent" } });
    const message = await tx.mailMessage.create({
      data: keptMessage(parsed, gzipSync(prepared.raw), {
        direction: "outbound",
        status: "logged",
        source: "sent",
        senderUserId: prepared.senderId,
      }),
      select: { id: true },
    });
    const entry = await tx.interaction.create({
      data: {
        partnerId: prepared.partnerId,
        type: "email",
        direction: "outbound",
        subject: parsed.subject,
        body: parsed.text,
        occurredAt: parsed.sentAt ?? new Date(),
        authorId: prepared.senderId,
        // Marked sent by hand meanwhile: the entry stays, without the link to the draft.
        draftId: count === 1 ? draftId : null,
        mailMessageId: message.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: prepared.senderId,
      action: "draft.sent",
      entityType: "Draft",
      entityId: draftId,
      subjectId: prepared.partnerId,
      before: { status: "approved" },
      after: { status: "sent", interactionId: entry.id, messageId: parsed.messageId, smtpResponse: response },
    });
  });
  return { sent: true, messageId: parsed.messageId };
}
