/**
 * The job queue (pg-boss, ADR 0013). On PostgreSQL every app process and every `npm run worker`
 * process shares one queue: each job is fetched once (SKIP LOCKED) and failed jobs retry with
 * backoff. On the embedded database pg-boss runs in the one process, on the same PGlite, through
 * its own PGlite adapter. Our `Job` rows (models/jobs.server.ts) carry what people follow: the
 * progress, and the result or a readable error.
 */
import { fromPglite, fromPrisma, PgBoss, type JobWithMetadata } from "pg-boss";
import { connectDatabase, type DbClient } from "./db.server";
import { forget, remember } from "./remember.server";

/** Every kind of job; each has one queue. */
import { jobKindNames } from "~/shared/job-terms";
export type JobKind = (typeof jobKindNames)[number];

export type JobHandler = (jobId: string) => Promise<void>;
/** A kind's handler, told whether this is the queue's last try (then a failure is final). */
export type JobHandlers = Record<JobKind, (finalAttempt: boolean) => JobHandler>;

const RETRY = { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 * 60 } as const;

interface Queue {
  boss: PgBoss;
  working: boolean;
}

/** pg-boss keeps its tables in a schema of its own, beside the app's (a test's schema gets its own). */
function bossSchema(schema: string | undefined) {
  return schema ? `${schema}_jobs` : "pgboss";
}

/** Starts the queue once per process; with `work`, this process also works the jobs. */
/** Scheduled work that no person follows on a page: it has no Job row, only its log line. */
export const DAILY_PURGE = "maintenance.daily-purge";
export const SCHEDULED_QUEUES = {
  dailyPurge: DAILY_PURGE,
  monthlyReport: "mail.monthly-report",
  dailyDigest: "mail.daily-digest",
  feedReads: "feeds.read-due",
  coverageSnapshots: "coverage.snapshots",
} as const;
export type ScheduledWork = keyof typeof SCHEDULED_QUEUES;

/** What a schedule runs, and when: a cron line (UTC), or null for off. */
export interface ScheduledEntry {
  run: () => Promise<unknown>;
  cron: string | null;
}

export const dailyAtHour = (hourUtc: number | null) => (hourUtc === null ? null : `0 ${hourUtc} * * *`);

/** Every so many minutes, as cron can say it (the settings offer 15, 30, 60, 120, 360, 720 and 1440). */
export function everyMinutes(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (minutes < 60) return `*/${minutes} * * * *`;
  if (minutes < 1440) return `0 */${Math.round(minutes / 60)} * * *`;
  return "0 0 * * *";
}

export async function startJobQueue(options: {
  work: boolean;
  handlers: JobHandlers;
  /** What each schedule runs, and at which hour (UTC) it is set to; null: off. */
  scheduled?: Partial<Record<ScheduledWork, ScheduledEntry>>;
}): Promise<PgBoss> {
  const existing = remember<Queue | null>("jobQueue", () => null);
  if (existing) return existing.boss;
  const { database } = await connectDatabase();
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", schedule: options.work })
    : new PgBoss({
        connectionString: database.postgres!.connectionString,
        schema: bossSchema(database.postgres!.schema),
        schedule: options.work,
        max: 4,
      });
  boss.on("error", (error: Error) => console.error(`Job queue: ${error.message}`));
  await boss.start();
  for (const kind of jobKindNames) await boss.createQueue(kind, RETRY);
  for (const queue of Object.values(SCHEDULED_QUEUES)) await boss.createQueue(queue, { retryLimit: 2, retryDelay: 60 });
  if (options.work)
    for (const kind of jobKindNames)
      await boss.work<{ jobId: string }>(
        kind,
        { batchSize: 1, localConcurrency: 4, pollingIntervalSeconds: 0.5, includeMetadata: true },
        async ([job]) => {
          const { retryCount, retryLimit } = job as JobWithMetadata<{ jobId: string }>;
          await options.handlers[kind](retryCount >= retryLimit)(job.data.jobId);
        },
      );
  const scheduled = Object.entries(options.scheduled ?? {}) as [ScheduledWork, ScheduledEntry][];
  if (options.work)
    for (const [name, { run }] of scheduled)
      await boss.work(SCHEDULED_QUEUES[name], async () => {
        const done = await run();
        console.log(`Scheduled ${name}: ${JSON.stringify(done)}`);
      });
  forget("jobQueue");
  remember("jobQueue", () => ({ boss, working: options.work }));
  for (const [name, { cron }] of scheduled) await scheduleWork(name, cron);
  return boss;
}

export function jobQueue(): PgBoss {
  const queue = remember<Queue | null>("jobQueue", () => null);
  if (!queue) throw new Error("The job queue is not started; call startJobQueue() at start-up.");
  return queue.boss;
}

/** Puts a job on its queue inside the caller's transaction: the job and our row commit together, or neither. */
export async function sendJob(tx: DbClient, kind: JobKind, jobId: string) {
  await jobQueue().send(kind, { jobId }, { ...RETRY, db: fromPrisma(tx as Parameters<typeof fromPrisma>[0]) });
}

export async function stopJobQueue() {
  const queue = remember<Queue | null>("jobQueue", () => null);
  if (!queue) return;
  forget("jobQueue");
  await queue.boss.stop({ graceful: true, timeout: 10_000 });
}

/** Sets when a scheduled work runs (cron, UTC), or takes it off; one schedule however many processes run. */
export async function scheduleWork(name: ScheduledWork, cron: string | null) {
  const boss = jobQueue();
  if (cron === null) await boss.unschedule(SCHEDULED_QUEUES[name]);
  else await boss.schedule(SCHEDULED_QUEUES[name], cron, null, { tz: "UTC" });
}

export const scheduleAtHour = (name: ScheduledWork, hourUtc: number | null) => scheduleWork(name, dailyAtHour(hourUtc));
