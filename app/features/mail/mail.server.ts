/**
 * Mail into the outreach log: every message sent or received is filed once (by its Message-ID),
 * matched to partners by its addresses, threaded under what it answers, and kept whole. Mail that
 * matches nobody waits in the triage inbox; a delivery report marks the address as bouncing.
 */
import { gzipSync } from "node:zlib";
import { isLogAddress, isTeamAddress } from "./mail-terms";
import { RuleViolation } from "~/shared/violations";
import { Prisma } from "~/generated/prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import type { ParsedMessage } from "./mail-parse.server";
import { recordAudit, recordAudits } from "~/utils/audit.server";
import { inboundSecret, teamAddresses } from "./mail-settings.server";
import { lockPartnersForShare, lockRow } from "~/utils/row-locks.server";
import { getSettings } from "~/features/accounts/index.server";
import { partnerScopes } from "~/features/partners/index.server";

export type FilingOutcome =
  | { outcome: "duplicate"; messageId: string }
  | { outcome: "logged" | "triage" | "bounce"; messageId: string; mailMessageId: string; partnerIds: string[] };

/** The longest text an entry of the log keeps of a message (the original is kept whole beside it). */
const LOG_TEXT_LIMIT = 100_000;

type MessageRow = { id: string; messageId: string; inReplyTo: string | null; references: string[]; direction: "inbound" | "outbound" };

/** The entry of this partner that the message answers: the nearest one its In-Reply-To or References name. */
async function threadParent(tx: DbClient, partnerId: string, message: Pick<MessageRow, "inReplyTo" | "references">) {
  const named = [...(message.inReplyTo ? [message.inReplyTo] : []), ...[...message.references].reverse()];
  if (named.length === 0) return null;
  const candidates = await tx.interaction.findMany({
    where: { partnerId, mailMessage: { messageId: { in: named } } },
    select: { id: true, mailMessage: { select: { messageId: true } } },
  });
  for (const id of named) {
    const found = candidates.find((entry) => entry.mailMessage?.messageId === id);
    if (found) return found.id;
  }
  return null;
}

/**
 * Writes the partner's entry for a message, threads it, and when the partner wrote it, marks
 * their open follow-ups set before it as replied.
 */
async function logForPartner(
  tx: DbClient,
  message: MessageRow & { subject: string | null; bodyText: string; sentAt: Date; fromAddress: string },
  partner: { id: string; email: string | null },
  authorId: string | null,
  actorId: string | null,
) {
  const entry = await tx.interaction.create({
    data: {
      partnerId: partner.id,
      type: "email",
      direction: message.direction,
      subject: message.subject,
      body: message.bodyText.slice(0, LOG_TEXT_LIMIT),
      occurredAt: message.sentAt,
      authorId,
      mailMessageId: message.id,
      inReplyToId: await threadParent(tx, partner.id, message),
    },
    select: { id: true },
  });
  if (message.direction === "inbound" && partner.email === message.fromAddress) {
    const waiting = await tx.task.findMany({
      // The Date header counts whole seconds and senders' clocks drift: a minute's grace.
      where: { partnerId: partner.id, completedAt: null, repliedAt: null, createdAt: { lte: new Date(message.sentAt.getTime() + 60_000) } },
      select: { id: true, assigneeId: true },
    });
    if (waiting.length) {
      const repliedAt = new Date();
      await tx.task.updateMany({ where: { id: { in: waiting.map((task) => task.id) } }, data: { repliedAt, replyId: entry.id } });
      await recordAudits(
        tx,
        waiting.map((task) => ({
          actorId,
          action: "task.replied",
          entityType: "Task",
          entityId: task.id,
          subjectId: partner.id,
          after: { repliedAt, replyId: entry.id },
        })),
      );
    }
  }
  return entry.id;
}

/** The row that keeps a message: what it says, who it is between, and its original (gzip). */
export function keptMessage(
  parsed: ParsedMessage,
  compressedRaw: Buffer,
  how: {
    direction: "inbound" | "outbound";
    status: "logged" | "triage" | "bounce";
    source: "sent" | "received" | "imported";
    senderUserId: string | null;
  },
) {
  return {
    ...how,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    fromAddress: parsed.from.address,
    fromName: parsed.from.name,
    toAddresses: parsed.to,
    ccAddresses: parsed.cc,
    subject: parsed.subject,
    bodyText: parsed.text,
    headers: parsed.headers,
    raw: new Uint8Array(compressedRaw),
    rawSha256: parsed.rawSha256,
    sizeBytes: parsed.sizeBytes,
    sentAt: parsed.sentAt ?? new Date(),
  };
}

/** Files one parsed message; the same Message-ID twice is filed once. */
export async function fileMessage(
  parsed: ParsedMessage,
  raw: Buffer,
  source: "sent" | "received" | "imported",
  client?: DbClient,
): Promise<FilingOutcome> {
  const settings = await getSettings();
  const compressed = gzipSync(raw);
  const work = async (tx: DbClient): Promise<FilingOutcome> => {
    if (await tx.mailMessage.findUnique({ where: { messageId: parsed.messageId }, select: { id: true } }))
      return { outcome: "duplicate", messageId: parsed.messageId };
    const team = await teamAddresses(tx);
    const secret = await inboundSecret(tx, settings);
    const ours = (address: string) => isTeamAddress(address, team, settings.teamDomains) || isLogAddress(address, secret, null);
    const direction = ours(parsed.from.address) ? "outbound" : "inbound";
    const sender =
      direction === "outbound"
        ? await tx.user.findFirst({
            where: { OR: [{ email: parsed.from.address }, { mailFromAddress: parsed.from.address }] },
            select: { id: true },
          })
        : null;
    const bounced = parsed.failedRecipients ?? [];
    const partnerAddresses = parsed.failedRecipients
      ? []
      : [parsed.from.address, ...parsed.to, ...parsed.cc].filter((address) => !ours(address));
    const partners = partnerAddresses.length
      ? await tx.partner.findMany({
          where: { email: { in: partnerAddresses }, ...partnerScopes.reachable },
          select: { id: true, email: true },
          orderBy: { id: "asc" },
        })
      : [];
    const status = parsed.failedRecipients ? "bounce" : partners.length ? "logged" : "triage";
    const message = await tx.mailMessage.create({
      data: {
        ...keptMessage(parsed, compressed, { direction, status, source, senderUserId: sender?.id ?? null }),
        attachments: {
          create: parsed.attachments.map((part) => ({
            filename: part.filename,
            contentType: part.contentType,
            sizeBytes: part.content.length,
            sha256: part.sha256,
            content: part.content.length <= settings.attachmentLimitBytes ? new Uint8Array(part.content) : null,
          })),
        },
      },
      select: {
        id: true,
        messageId: true,
        inReplyTo: true,
        references: true,
        direction: true,
        subject: true,
        bodyText: true,
        sentAt: true,
        fromAddress: true,
      },
    });
    await lockPartnersForShare(
      tx,
      partners.map((partner) => partner.id),
    );
    for (const partner of partners) await logForPartner(tx, message, partner, sender?.id ?? null, null);
    if (bounced.length) {
      const marked = await tx.partner.findMany({ where: { email: { in: bounced }, erasedAt: null }, select: { id: true } });
      await tx.partner.updateMany({ where: { id: { in: marked.map((p) => p.id) } }, data: { emailBouncedAt: message.sentAt } });
      await recordAudits(
        tx,
        marked.map((partner) => ({
          actorId: null,
          action: "partner.email_bounced",
          entityType: "Partner",
          entityId: partner.id,
          after: { partnerId: partner.id, mailMessageId: message.id },
        })),
      );
    }
    await recordAudit(tx, {
      actorId: null,
      action: `mail.${source}`,
      entityType: "MailMessage",
      entityId: message.id,
      after: {
        status,
        direction,
        partnerIds: partners.map((p) => p.id),
        attachments: parsed.attachments.length,
        sizeBytes: parsed.sizeBytes,
      },
    });
    return { outcome: status, messageId: parsed.messageId, mailMessageId: message.id, partnerIds: partners.map((p) => p.id) };
  };
  try {
    return client ? await work(client) : await db().$transaction(work, { timeout: 60_000 });
  } catch (error) {
    // Two copies arriving at once: the second finds the first's row at commit.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && !client)
      return { outcome: "duplicate", messageId: parsed.messageId };
    throw error;
  }
}

/** The partner a person named in the triage inbox: by email, else by exact name when only one has it. */
async function partnerNamed(tx: DbClient, query: string): Promise<string> {
  const text = query.trim();
  const live = partnerScopes.reachable;
  const byEmail = await tx.partner.findFirst({ where: { ...live, email: text.toLowerCase() }, select: { id: true } });
  if (byEmail) return byEmail.id;
  const byName = await tx.partner.findMany({
    where: { ...live, name: { equals: text, mode: "insensitive" } },
    select: { id: true },
    take: 2,
  });
  if (byName.length > 1) throw new RuleViolation("mail.partnerAmbiguous", 422, "partner");
  if (byName.length === 0) throw new RuleViolation("mail.unknownPartner", 422, "partner");
  return byName[0].id;
}

/** A message from the triage inbox goes to a partner's log. */
export async function attachToPartner(actorId: string, mailMessageId: string, partnerQuery: string) {
  return db().$transaction(async (tx) => {
    const partnerId = await partnerNamed(tx, partnerQuery);
    if (!(await lockRow(tx, "MailMessage", mailMessageId))) throw new RuleViolation("errors.notFound", 404);
    const message = await tx.mailMessage.findUniqueOrThrow({ where: { id: mailMessageId } });
    if (message.status !== "triage") throw new RuleViolation("mail.alreadyTriaged", 409);
    await lockPartnersForShare(tx, [partnerId]);
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true, email: true, erasedAt: true } });
    if (!partner || partner.erasedAt) throw new RuleViolation("mail.unknownPartner", 422, "partnerId");
    await logForPartner(tx, message, partner, message.senderUserId, actorId);
    await tx.mailMessage.update({ where: { id: mailMessageId }, data: { status: "logged", triagedById: actorId, triagedAt: new Date() } });
    await recordAudit(tx, { actorId, action: "mail.attach", entityType: "MailMessage", entityId: mailMessageId, after: { partnerId } });
  });
}

/** Discarding keeps that a message came (sender, date), and drops what it said. */
export async function discardMessage(actorId: string, mailMessageId: string) {
  return db().$transaction(async (tx) => {
    if (!(await lockRow(tx, "MailMessage", mailMessageId))) throw new RuleViolation("errors.notFound", 404);
    const message = await tx.mailMessage.findUniqueOrThrow({
      where: { id: mailMessageId },
      select: { status: true, subject: true, fromAddress: true },
    });
    if (message.status !== "triage") throw new RuleViolation("mail.alreadyTriaged", 409);
    await tx.mailAttachment.updateMany({ where: { mailMessageId }, data: { content: null } });
    await tx.mailMessage.update({
      where: { id: mailMessageId },
      data: { status: "discarded", bodyText: "", raw: null, headers: [], triagedById: actorId, triagedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId,
      action: "mail.discard",
      entityType: "MailMessage",
      entityId: mailMessageId,
      before: { status: "triage" },
      after: { status: "discarded" },
    });
  });
}

export const TRIAGE_PAGE_SIZE = 25;

/** What a list and a page show of a message. */
const messageFields = {
  id: true,
  direction: true,
  fromAddress: true,
  fromName: true,
  toAddresses: true,
  ccAddresses: true,
  subject: true,
  bodyText: true,
  sentAt: true,
} as const;

export async function triageInbox(page: number) {
  const where = { status: "triage" as const };
  const [total, messages] = await Promise.all([
    db().mailMessage.count({ where }),
    db().mailMessage.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * TRIAGE_PAGE_SIZE,
      take: TRIAGE_PAGE_SIZE,
      select: { ...messageFields, _count: { select: { attachments: true } } },
    }),
  ]);
  const suggestions = await Promise.all(messages.map((m) => likelyPartners(m.fromAddress, m.fromName)));
  return { total, messages: messages.map((m, i) => ({ ...m, bodyText: m.bodyText.slice(0, 600), suggestions: suggestions[i] })) };
}

/** Mailbox providers whose domain says nothing about who writes. */
const sharedMailDomains = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.fr",
  "live.com",
  "yahoo.com",
  "yahoo.fr",
  "icloud.com",
  "orange.fr",
  "free.fr",
  "laposte.net",
  "sfr.fr",
  "wanadoo.fr",
  "gmx.de",
  "web.de",
  "proton.me",
  "protonmail.com",
]);

/**
 * Partners a triaged message may be from: the same domain as the sender (unless it is a
 * mailbox provider), or a name that contains a word of the sender's name. At most five.
 */
export async function likelyPartners(fromAddress: string, fromName: string | null) {
  const domain = fromAddress.split("@")[1]?.toLowerCase();
  const words = (fromName ?? "").split(/[\s,.<>"]+/).filter((word) => word.length >= 3);
  const conditions = [
    ...(domain && !sharedMailDomains.has(domain) ? [{ email: { endsWith: `@${domain}`, mode: "insensitive" as const } }] : []),
    ...words.map((word) => ({ name: { contains: word, mode: "insensitive" as const } })),
  ];
  if (!conditions.length) return [];
  return db().partner.findMany({
    where: { ...partnerScopes.reachable, OR: conditions },
    orderBy: { name: "asc" },
    take: 5,
    select: { id: true, name: true, email: true },
  });
}

/** One message as kept: its headers, text and attachments (without their bytes). */
export async function getMailMessage(id: string) {
  const message = await db().mailMessage.findUnique({
    where: { id },
    select: {
      ...messageFields,
      messageId: true,
      status: true,
      source: true,
      headers: true,
      sentAt: true,
      receivedAt: true,
      sizeBytes: true,
      rawSha256: true,
      erasedAt: true,
      interactions: { select: { partnerId: true, partner: { select: { name: true } } } },
    },
  });
  if (!message) return null;
  // Whether each attachment's bytes are kept, without loading them.
  const attachments = await db().$queryRaw<
    { id: string; filename: string | null; contentType: string; sizeBytes: number; sha256: string; kept: boolean }[]
  >`
    SELECT "id", "filename", "contentType", "sizeBytes", "sha256", "content" IS NOT NULL AS "kept"
    FROM "MailAttachment" WHERE "mailMessageId" = ${id} ORDER BY "id"`;
  return { ...message, attachments };
}

export async function getMailAttachment(id: string) {
  const attachment = await db().mailAttachment.findUnique({
    where: { id },
    select: { filename: true, contentType: true, content: true, mailMessage: { select: { status: true } } },
  });
  return attachment && { ...attachment, status: attachment.mailMessage.status };
}
