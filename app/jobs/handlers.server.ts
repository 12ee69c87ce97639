/** What each kind of job does; the queue calls these with our job row's id (ADR 0013). */
import { SendJobInputSchema } from "~/features/mail";
import { z } from "zod";
import { runPartnerImportJob } from "~/features/partners/index.server";
import { runRecheck, takeSnapshot } from "~/features/compliance/index.server";
import { reportProgress, runJob } from "~/utils/jobs.server";
import { fileStoredMail, sendDraftNow } from "~/features/mail/index.server";
import { readChannelFeed } from "~/features/attribution/index.server";
import { RuleViolation } from "~/shared/violations";
import type { JobHandler, JobKind } from "~/utils/job-queue.server";

/** What a queued partner import carries: the confirmed file's text and who confirmed it. */
const PartnerImportJobInputSchema = z.object({ csv: z.string().min(1), actorId: z.string().min(1).max(64) });
const FeedReadJobInputSchema = z.object({ feedId: z.string().min(1).max(64) });
const SnapshotJobInputSchema = z.object({ coverageItemId: z.string().min(1).max(64) });

const fileMail = (finalAttempt: boolean) => (jobId: string) =>
  runJob(jobId, async (job) => ({ ...(await fileStoredMail(job.id, (done) => reportProgress(job.id, done))) }), finalAttempt);

export const jobHandlers: Record<JobKind, (finalAttempt: boolean) => JobHandler> = {
  "disclosure.recheck": (finalAttempt) => (jobId) =>
    runJob(jobId, (job) => runRecheck(job.input, (done) => reportProgress(job.id, done)), finalAttempt),
  "mail.send": (finalAttempt) => (jobId) =>
    runJob(
      jobId,
      async (job) => {
        const result = await sendDraftNow(job.id, SendJobInputSchema.parse(job.input).draftId);
        await reportProgress(job.id, 1);
        return result;
      },
      finalAttempt,
    ),
  "partners.import": (finalAttempt) => (jobId) =>
    runJob(
      jobId,
      async (job) => ({
        ...(await runPartnerImportJob(PartnerImportJobInputSchema.parse(job.input), (done) => reportProgress(job.id, done))),
      }),
      finalAttempt,
    ),
  "feeds.read": (finalAttempt) => (jobId) =>
    runJob(
      jobId,
      async (job) => {
        const result = await readChannelFeed(FeedReadJobInputSchema.parse(job.input).feedId);
        // A refused or broken feed is recorded on the feed; the job says why, without retrying.
        if (result.error) throw new RuleViolation(result.error.key, 422, undefined, result.error.values);
        await reportProgress(job.id, 1);
        return { ...result };
      },
      finalAttempt,
    ),
  "coverage.snapshot": (finalAttempt) => (jobId) =>
    runJob(
      jobId,
      async (job) => {
        const result = await takeSnapshot(SnapshotJobInputSchema.parse(job.input).coverageItemId, job.createdById);
        await reportProgress(job.id, 1);
        return { ...result };
      },
      finalAttempt,
    ),
  "mail.receive": fileMail,
  "mail.import": fileMail,
};
