/** Our rows for long jobs: what people follow on a job's page (progress, result, readable error). */
import type { Prisma } from "~/generated/prisma/client";
import { isRuleViolation, isTransientFailure } from "~/shared/violations";
import { db, type DbClient } from "~/utils/db.server";
import { sendJob, type JobKind } from "~/utils/job-queue.server";

/** Records a job and puts it on its queue, in the caller's transaction. */
export async function enqueueJob(tx: DbClient, kind: JobKind, input: Prisma.InputJsonValue, actorId: string | null, total: number | null) {
  const job = await tx.job.create({ data: { kind, input, createdById: actorId, total } });
  await sendJob(tx, kind, job.id);
  return job;
}

export function getJob(id: string) {
  return db().job.findUnique({ where: { id }, include: { createdBy: { select: { name: true } } } });
}

export async function reportProgress(jobId: string, done: number, total?: number) {
  await db().job.update({ where: { id: jobId }, data: { done, ...(total !== undefined ? { total } : {}) } });
}

/** What a job's work returns: its result, stored on the row. */
export type JobWork = (job: {
  id: string;
  input: Prisma.JsonValue;
  attempts: number;
  /** Who started it (null for the schedule's own). */
  createdById: string | null;
}) => Promise<Prisma.InputJsonValue>;

/**
 * Runs one job's work and keeps our row in step. A broken rule fails the job for good, with its
 * message; any other error is rethrown so the queue retries it, and the row says it is waiting.
 */
export async function runJob(jobId: string, work: JobWork, finalAttempt: boolean) {
  const job = await db().job.update({
    where: { id: jobId },
    data: { status: "running", startedAt: new Date(), attempts: { increment: 1 }, error: null },
  });
  try {
    const result = await work(job);
    await db().job.update({ where: { id: jobId }, data: { status: "succeeded", result, finishedAt: new Date() } });
  } catch (error) {
    const readable = isRuleViolation(error) || isTransientFailure(error) ? error.formMessage() : "jobs.failedUnexpectedly";
    const givingUp = isRuleViolation(error) || finalAttempt;
    await db().job.update({
      where: { id: jobId },
      data: { status: givingUp ? "failed" : "queued", error: readable, finishedAt: givingUp ? new Date() : null },
    });
    if (!givingUp) throw error;
    if (!isRuleViolation(error) && !isTransientFailure(error)) console.error(`Job ${jobId} failed:`, error);
  }
}
