/**
 * The job queue (pg-boss) on the test file's own database: PGlite in this process, or PostgreSQL,
 * where two `npm run worker` processes share one queue and each job runs exactly once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jobRoute from "~/routes/jobs.$jobId";
import * as importRoute from "~/routes/partners.import";
import { enqueueJob } from "~/utils/jobs.server";
import { connectDatabase, db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { finishedJob, jobIdFrom, startTestJobQueue, stopJobQueue } from "../setup/jobs";

const onPostgres = process.env.TEST_DB === "postgres";

let compliance = { id: "", cookie: "" };

beforeAll(async () => {
  await startTestJobQueue();
  const user = await createTestUser("compliance");
  compliance = { id: user.id, cookie: await cookieFor(user.id) };
});

afterAll(() => stopJobQueue());

async function recheckJob(jurisdiction = "UK") {
  return db().$transaction(async (tx) => {
    const recheck = await tx.disclosureRecheck.create({
      data: { jurisdiction, fromVersion: 1, toVersion: 1, checked: 0, changed: 0, actorId: compliance.id },
    });
    return enqueueJob(tx, "disclosure.recheck", { jurisdiction, recheckId: recheck.id }, compliance.id, 0);
  });
}

const jobPage = (jobId: string, cookie = compliance.cookie) =>
  responseOf(() => jobRoute.loader(args(getRequest(`/jobs/${jobId}`, { cookie }), { jobId })));

describe("the job queue", () => {
  it("runs a job, and its page shows the progress and where to read the result", async () => {
    const job = await recheckJob();
    const done = await finishedJob(job.id);
    expect(done).toMatchObject({ status: "succeeded", attempts: 1, done: 0, total: 0 });
    const page = await jobPage(job.id);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const { job: shown } = await page.json();
    expect(shown).toMatchObject({ status: "succeeded", kind: "disclosure.recheck" });
    expect(shown.resultHref).toMatch(/^\/compliance\/rechecks\//);
    expect((await jobPage("no-such-job")).status).toBe(404);
    expect((await jobPage(job.id, "")).status).toBe(302);
  });

  it("ends a job that cannot be done with a message a person can read, without retrying it", async () => {
    const job = await db().$transaction((tx) =>
      enqueueJob(tx, "disclosure.recheck", { jurisdiction: "FR", recheckId: "gone" }, compliance.id, null),
    );
    const failed = await finishedJob(job.id);
    expect(failed).toMatchObject({ status: "failed", error: "errors.notFound", attempts: 1 });
  });

  it("keeps nothing when the transaction that asked for a job rolls back", async () => {
    const before = await db().job.count();
    await expect(
      db().$transaction(async (tx) => {
        await enqueueJob(tx, "disclosure.recheck", { jurisdiction: "DE", recheckId: "x" }, compliance.id, null);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().job.count()).toBe(before);
  });
});

describe("a large partner import", () => {
  it("runs as a job with its progress, past the size one transaction takes, and reports what it did", async () => {
    const manager = await createTestUser("manager");
    const cookie = await cookieFor(manager.id);
    const rows = Array.from({ length: 2_050 }, (_, i) => `JOBIMP-${i};Queued Import ${i};blogger;active`);
    const csv = ["external_id;name;kind;stage", ...rows, ";Broken;influencer;famous"].join("\r\n");
    const response = await responseOf(() => importRoute.action(args(formRequest("/partners/import", { csv }, { cookie }))));
    expect(response.status).toBe(302);
    const job = await finishedJob(jobIdFrom(response), 120_000);
    expect(job.status).toBe("succeeded");
    expect([job.done, job.total]).toEqual([2_050, 2_050]);
    expect(job.result).toMatchObject({ new: 2_050, rejected: 1 });
    expect(await db().partner.count({ where: { externalId: { startsWith: "JOBIMP-" } } })).toBe(2_050);
    const page = await jobPage(job.id, cookie);
    expect(await page.json()).toMatchObject({ job: { resultHref: "/partners", importSummary: { new: 2_050 } } });
  }, 150_000);
});

describe.runIf(onPostgres)("several worker processes on one PostgreSQL", () => {
  const workers: ChildProcess[] = [];
  afterAll(() => {
    for (const worker of workers) worker.kill("SIGTERM");
  });

  it("run each of 1,000 jobs exactly once", { timeout: 180_000 }, async () => {
    // This process only sends from now on: the two `npm run worker` processes work the queue.
    await stopJobQueue();
    const { startJobQueue } = await import("~/utils/job-queue.server");
    const { jobHandlers } = await import("~/jobs/handlers.server");
    await startJobQueue({ work: false, handlers: jobHandlers });
    const { database } = await connectDatabase();
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) ids.push((await recheckJob("US")).id);
    for (let n = 0; n < 2; n++) {
      const worker = spawn(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "app/cli/worker.ts"], {
        env: { ...process.env, DATABASE_URL: database.postgres!.connectionString, NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      workers.push(worker);
    }
    const until = Date.now() + 150_000;
    for (;;) {
      const finished = await db().job.count({ where: { id: { in: ids }, status: { in: ["succeeded", "failed"] } } });
      if (finished === ids.length) break;
      expect(Date.now(), `${finished} of 1,000 jobs finished`).toBeLessThan(until);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const rows = await db().job.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true, input: true } });
    expect(rows.filter((row) => row.status !== "succeeded" || row.attempts !== 1)).toEqual([]);
    // Each re-check writes its closing audit event once: a job run twice would write two.
    const recheckIds = rows.map((row) => (row.input as { recheckId: string }).recheckId);
    expect(await db().auditEvent.count({ where: { action: "disclosure.recheck", entityId: { in: recheckIds } } })).toBe(1000);
  });
});

describe("the daily clean-up", () => {
  it("is scheduled at the workspace's hour on the queue, and can be turned off", async () => {
    const { DAILY_PURGE, jobQueue, scheduleAtHour } = await import("~/utils/job-queue.server");
    await scheduleAtHour("dailyPurge", 5);
    expect((await jobQueue().getSchedules()).filter((s) => s.name === DAILY_PURGE)).toEqual([
      expect.objectContaining({ cron: "0 5 * * *", timezone: "UTC" }),
    ]);
    await scheduleAtHour("dailyPurge", null);
    expect((await jobQueue().getSchedules()).filter((s) => s.name === DAILY_PURGE)).toEqual([]);
  });

  it("removes ended portal visits, and links ended more than 30 days ago", async () => {
    const { dailyPurge } = await import("~/jobs/daily-purge.server");
    const partner = await db().partner.create({ data: { name: "Purged Portal", kind: "blogger" } });
    const day = 86_400_000;
    const now = new Date("2026-12-01T03:00:00Z");
    const link = (expiresAt: Date, revokedAt: Date | null = null) =>
      db().portalLink.create({
        data: { partnerId: partner.id, tokenHash: `hash-${Math.random()}`, createdById: compliance.id, expiresAt, revokedAt },
      });
    const longGone = await link(new Date(now.getTime() - 40 * day));
    const recentlyEnded = await link(new Date(now.getTime() - 10 * day));
    const revokedLongAgo = await link(new Date(now.getTime() + 10 * day), new Date(now.getTime() - 31 * day));
    const active = await link(new Date(now.getTime() + 20 * day));
    await db().portalSession.createMany({
      data: [
        { id: `s-old-${Math.random()}`, partnerId: partner.id, linkId: longGone.id, expiresAt: new Date(now.getTime() - 40 * day) },
        { id: `s-live-${Math.random()}`, partnerId: partner.id, linkId: active.id, expiresAt: new Date(now.getTime() + day) },
        { id: `s-ended-${Math.random()}`, partnerId: partner.id, linkId: active.id, expiresAt: new Date(now.getTime() - day) },
      ],
    });
    const done = await dailyPurge(now);
    expect(done).toMatchObject({ links: 2, sessions: 2 });
    const left = await db().portalLink.findMany({ where: { partnerId: partner.id }, select: { id: true } });
    expect(left.map((l) => l.id).sort()).toEqual([recentlyEnded.id, active.id].sort());
    expect(await db().portalSession.count({ where: { partnerId: partner.id } })).toBe(1);
    expect(await db().auditEvent.findFirst({ where: { action: "portal_link.purge" }, orderBy: { createdAt: "desc" } })).toMatchObject({
      after: { links: 2, sessions: 2 },
    });
    expect(revokedLongAgo.id).not.toBe(active.id);
  });
});
