import { expect } from "vitest";
import { jobHandlers } from "~/jobs/handlers.server";
import { db } from "~/utils/db.server";
import { startJobQueue, stopJobQueue } from "~/utils/job-queue.server";

/** The real queue on this test file's database, working jobs in this process as the app does. */
export function startTestJobQueue() {
  return startJobQueue({ work: true, handlers: jobHandlers });
}

export { stopJobQueue };

/** Waits for a job to finish (the queue polls each second) and returns its row. */
export async function finishedJob(jobId: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === "succeeded" || job.status === "failed") return job;
    expect(Date.now(), `job ${jobId} still ${job.status}`).toBeLessThan(until);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const jobIdFrom = (response: Response) => response.headers.get("Location")!.match(/^\/jobs\/([^/?]+)$/)![1];
