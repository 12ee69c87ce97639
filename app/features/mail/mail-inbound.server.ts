/**
 * Mail coming in: from the SMTP receiver one message at a time, from an upload or the command line
 * as .eml and .mbox files. Every path files a message through fileRawMessage, so matching,
 * threading and deduplication are the same whatever the door.
 */
import type { MailFilingSummary } from "./mail-terms";
import { isRuleViolation } from "~/shared/violations";
import { RuleViolation } from "~/shared/violations";
import { db } from "~/utils/db.server";
import { parseMessage, splitMbox } from "./mail-parse.server";
import { enqueueJob } from "~/utils/jobs.server";
import { fileMessage, type FilingOutcome } from "./mail.server";

/** Parses and files one raw message; a message that cannot be read is refused with its reason. */
export async function fileRawMessage(raw: Buffer, source: "received" | "imported"): Promise<FilingOutcome> {
  return fileMessage(await parseMessage(raw), raw, source);
}

/** The receiver's hand-off: the message is stored, then filed by a job (any process may work it). */
export async function acceptInboundMail(raw: Buffer) {
  return db().$transaction(async (tx) => {
    const stored = await tx.inboundMail.create({ data: { raw: new Uint8Array(raw), source: "received" }, select: { id: true } });
    const job = await enqueueJob(tx, "mail.receive", { inboundMailId: stored.id }, null, 1);
    await tx.inboundMail.update({ where: { id: stored.id }, data: { jobId: job.id } });
    return job.id;
  });
}

/** The messages of one uploaded file: an mbox holds many, an .eml one. */
export function messagesInFile(bytes: Buffer): Buffer[] {
  return splitMbox(bytes).filter((message) => message.length > 0);
}

const MAX_IMPORT_MESSAGES = 20_000;

/** An upload of .eml and .mbox files becomes one job that files each message, with progress. */
export async function startMailImport(actorId: string, files: { name: string; bytes: Buffer }[]) {
  const messages = files.flatMap((file) => messagesInFile(file.bytes));
  if (messages.length === 0) throw new RuleViolation("mailImport.empty", 422, "files");
  if (messages.length > MAX_IMPORT_MESSAGES)
    throw new RuleViolation("mailImport.tooMany", 422, "files", { max: String(MAX_IMPORT_MESSAGES) });
  return db().$transaction(
    async (tx) => {
      const job = await enqueueJob(tx, "mail.import", { files: files.map((file) => file.name) }, actorId, messages.length);
      for (const raw of messages) await tx.inboundMail.create({ data: { raw: new Uint8Array(raw), source: "imported", jobId: job.id } });
      return job.id;
    },
    { timeout: 120_000 },
  );
}

export function emptySummary(): MailFilingSummary {
  return { logged: 0, triage: 0, bounce: 0, duplicate: 0, refused: [] };
}

/** Counts one message's outcome; a refusal is kept with its reason (the first 100). */
export async function fileIntoSummary(summary: MailFilingSummary, index: number, raw: Buffer, source: "received" | "imported") {
  try {
    const result = await fileRawMessage(raw, source);
    summary[result.outcome] += 1;
  } catch (error) {
    if (!isRuleViolation(error)) throw error;
    if (summary.refused.length < 100) summary.refused.push({ index, reason: error.formMessage() });
  }
}

/** A job's stored messages, filed one by one, each removed once filed (a retried job goes on where it stopped). */
export async function fileStoredMail(jobId: string, progress: (done: number) => Promise<void>): Promise<MailFilingSummary> {
  const summary = emptySummary();
  let index = await db()
    .job.findUniqueOrThrow({ where: { id: jobId }, select: { done: true } })
    .then((job) => job.done);
  for (;;) {
    const next = await db().inboundMail.findFirst({
      where: { jobId },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: { id: true, raw: true, source: true },
    });
    if (!next) break;
    index += 1;
    await fileIntoSummary(summary, index, Buffer.from(next.raw), next.source === "imported" ? "imported" : "received");
    await db().inboundMail.delete({ where: { id: next.id } });
    await progress(index);
  }
  return summary;
}
