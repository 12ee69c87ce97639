/**
 * npm run load -- [--users 50] [--think 1000] [--duration 60] [--warmup 15] [--processes 1]
 *
 * Loads the demo workspace into a fresh database (a throwaway schema of DATABASE_URL, or PGlite
 * in a temporary directory), starts the production build on loopback (several processes on
 * PostgreSQL), and lets N signed-in users of every role browse the main pages, with a think time
 * between requests and a few writes (notes in the outreach log). Each user stays on one process,
 * as behind a load balancer with sticky sessions. Prints requests per second, errors and
 * p50/p95/p99 latencies, overall and per page.
 */
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { createSession } from "../app/features/accounts/auth.server";
import { db } from "../app/utils/db.server";
import { sessionCookie } from "../app/utils/session.server";
import { runCli, withCliDatabase } from "../app/cli/database";
import { loadDemoWorkspace } from "../prisma/demo-workspace";
import { freePort, freshDatabase, percentile, startServer, stopServer } from "./bench-harness";

const { values: options } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    think: { type: "string", default: "1000" },
    duration: { type: "string", default: "60" },
    warmup: { type: "string", default: "15" },
    processes: { type: "string", default: "1" },
  },
});
const USERS = Number(options.users);
const THINK_MS = Number(options.think);
const DURATION_S = Number(options.duration);
const WARMUP_S = Number(options.warmup);
const PROCESSES = Number(options.processes);

interface Records {
  partners: string[];
  gifts: string[];
  placements: string[];
  coverage: string[];
}

type Step = { name: string; method: "GET" | "POST"; path: string; form?: Record<string, string> };

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

/** What one person does next: mostly reading lists and partner pages, sometimes writing a note. */
function nextStep(role: string, records: Records): Step {
  const partner = pick(records.partners);
  const reads: [number, () => Step][] = [
    [3, () => ({ name: "dashboard", method: "GET", path: "/" })],
    [4, () => ({ name: "partner list", method: "GET", path: "/partners" })],
    [2, () => ({ name: "partner search", method: "GET", path: `/partners?q=${pick(["ma", "lu", "café", "bio"])}` })],
    [5, () => ({ name: "partner page", method: "GET", path: `/partners/${partner}` })],
    [2, () => ({ name: "partner outreach", method: "GET", path: `/partners/${partner}?tab=outreach` })],
    [1, () => ({ name: "partner spend", method: "GET", path: `/partners/${partner}?tab=spend` })],
    [2, () => ({ name: "gifts", method: "GET", path: "/gifts" })],
    [1, () => ({ name: "gift", method: "GET", path: `/gifts/${pick(records.gifts)}` })],
    [2, () => ({ name: "placements", method: "GET", path: "/placements" })],
    [1, () => ({ name: "placement", method: "GET", path: `/placements/${pick(records.placements)}` })],
    [2, () => ({ name: "coverage", method: "GET", path: "/coverage" })],
    [1, () => ({ name: "coverage item", method: "GET", path: `/coverage/${pick(records.coverage)}` })],
    [2, () => ({ name: "compliance queue", method: "GET", path: "/compliance" })],
    [1, () => ({ name: "spend", method: "GET", path: "/spend" })],
    [1, () => ({ name: "cost-benefit ranking", method: "GET", path: "/reports/cost-benefit" })],
    [1, () => ({ name: "monthly report", method: "GET", path: "/reports/monthly" })],
  ];
  const writes: [number, () => Step][] =
    role === "admin" || role === "manager"
      ? [
          [
            3,
            () => ({
              name: "log a note (POST)",
              method: "POST",
              path: `/partners/${partner}`,
              form: { intent: "log", formId: "log", type: "note", body: "Called: they liked the parcel." },
            }),
          ],
        ]
      : [];
  const all = [...reads, ...writes];
  let roll = Math.random() * all.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, make] of all) {
    roll -= weight;
    if (roll <= 0) return make();
  }
  return all[0][1]();
}

interface Sample {
  name: string;
  ms: number;
  ok: boolean;
  status: number;
}

async function browse(base: string, cookie: string, role: string, records: Records, until: number, recordFrom: number, samples: Sample[]) {
  // Users arrive over the first think time rather than all in the same millisecond.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MS));
  while (Date.now() < until) {
    const step = nextStep(role, records);
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetch(`${base}${step.path}`, {
        method: step.method,
        redirect: "manual",
        headers: {
          Cookie: cookie,
          ...(step.form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "Sec-Fetch-Site": "same-origin" } : {}),
        },
        body: step.form ? new URLSearchParams(step.form).toString() : undefined,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    const ms = performance.now() - started;
    const ok = step.method === "GET" ? status === 200 : status === 302 || status === 303;
    if (Date.now() >= recordFrom) samples.push({ name: step.name, ms, ok, status });
    await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
  }
}

runCli(async () => {
  const { engine, cleanup } = await freshDatabase();
  if (engine === "PGlite" && PROCESSES > 1) throw new Error("The embedded database serves one process: set DATABASE_URL to load several.");
  const servers: ChildProcess[] = [];
  try {
    let cookies: { cookie: string; role: string }[] = [];
    let records: Records = { partners: [], gifts: [], placements: [], coverage: [] };
    await withCliDatabase(async (database) => {
      console.log(`Load test on ${database}`);
      const { team } = await loadDemoWorkspace();
      const users = await db().user.findMany({
        where: { email: { in: team.map((member) => member.email) } },
        select: { id: true, role: true },
      });
      const writers = users.filter((user) => user.role !== "viewer");
      cookies = await Promise.all(
        Array.from({ length: USERS }, async (_, index) => {
          const user = index % 5 === 4 ? pick(users) : writers[index % writers.length];
          const session = await db().$transaction((tx) =>
            createSession(tx, user.id, { ipAddress: "127.0.0.1", userAgent: `load-${index}` }),
          );
          return { cookie: (await sessionCookie().serialize(session.id)).split(";")[0], role: user.role };
        }),
      );
      const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((row) => row.id);
      records = {
        partners: await ids(db().partner.findMany({ where: { mergedIntoId: null }, select: { id: true } })),
        gifts: await ids(db().gift.findMany({ select: { id: true } })),
        placements: await ids(db().placement.findMany({ select: { id: true } })),
        coverage: await ids(db().coverageItem.findMany({ select: { id: true } })),
      };
      await db().$executeRawUnsafe("VACUUM ANALYZE");
    });
    const bases: string[] = [];
    for (let index = 0; index < PROCESSES; index++) {
      const port = await freePort();
      servers.push(await startServer(port));
      bases.push(`http://127.0.0.1:${port}`);
    }
    console.log(
      `  ${PROCESSES} process(es) up; ${USERS} users, think time ${THINK_MS} ms, ${WARMUP_S} s warm-up, ${DURATION_S} s measured`,
    );
    const samples: Sample[] = [];
    const recordFrom = Date.now() + WARMUP_S * 1000;
    const until = recordFrom + DURATION_S * 1000;
    await Promise.all(
      cookies.map(({ cookie, role }, index) => browse(bases[index % bases.length], cookie, role, records, until, recordFrom, samples)),
    );

    const report = (label: string, group: Sample[]) => {
      const times = group.map((sample) => sample.ms).sort((a, b) => a - b);
      const errors = group.filter((sample) => !sample.ok).length;
      return `| ${label} | ${group.length} | ${errors} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${percentile(times, 99).toFixed(0)} |`;
    };
    const errors = samples.filter((sample) => !sample.ok);
    console.log(
      `\n${engine}, ${PROCESSES} process(es), ${USERS} users, ${THINK_MS} ms think time: ${samples.length} requests in ${DURATION_S} s = ${(samples.length / DURATION_S).toFixed(1)} requests/s, ${errors.length} errors`,
    );
    if (errors.length)
      console.log(
        `  error statuses: ${JSON.stringify(Object.fromEntries([...new Set(errors.map((e) => e.status))].map((status) => [status, errors.filter((e) => e.status === status).length])))}`,
      );
    console.log("| page | requests | errors | p50 ms | p95 ms | p99 ms |");
    console.log("|---|---:|---:|---:|---:|---:|");
    console.log(report("**all**", samples));
    for (const name of [...new Set(samples.map((sample) => sample.name))].sort())
      console.log(
        report(
          name,
          samples.filter((sample) => sample.name === name),
        ),
      );
    return errors.length ? 1 : 0;
  } finally {
    await Promise.all(servers.map(stopServer));
    await cleanup();
  }
});
