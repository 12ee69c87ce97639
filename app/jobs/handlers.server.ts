/** What each kind of job does; the queue calls these with our job row's id (ADR 0013). */
import { runRecheck } from "~/models/disclosure.server";
import { reportProgress, runJob } from "~/models/jobs.server";
import type { JobHandler, JobKind } from "~/utils/job-queue.server";

export const jobHandlers: Record<JobKind, (finalAttempt: boolean) => JobHandler> = {
  "disclosure.recheck": (finalAttempt) => (jobId) =>
    runJob(jobId, (job) => runRecheck(job.input, (done) => reportProgress(job.id, done)), finalAttempt),
};
