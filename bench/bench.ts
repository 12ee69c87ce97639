/**
 * npm run bench — the whole-app benchmark (issue 6). Generates the large data set into a fresh
 * database (PostgreSQL when DATABASE_URL is set, else PGlite), starts the production build,
 * times the main pages over HTTP as a signed-in admin, then times each page's main SQL statement
 * directly on the same database and prints page / SQL. PGlite admits one process at a time, so
 * the server is stopped before the SQL is timed (for both engines, to compare like with like).
 */
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import pg from "pg";
import { comparedPeriods, presetPeriod } from "../app/features/reports/metrics";
import { QueueQuerySchema } from "../app/features/compliance/coverage";
import { PartnerListQuerySchema } from "../app/features/partners/partner-list";
import { parseRankingQuery } from "../app/features/reports/ranking";
import { activityByMonthSql } from "../app/features/reports/cost-benefit-rollup.server";
import {
  bestAndBelowBreakEvenSql,
  groupsSql,
  metricsContext,
  rankingSql,
  type MetricsContext,
} from "../app/features/reports/metrics.server";
import { refreshCostBenefitRollups } from "../app/features/reports/cost-benefit-rollup.server";
import { listQueue } from "../app/features/compliance/disclosure.server";
import { listPartners } from "../app/features/partners/partner-list.server";
import { databaseTarget, openDatabase, pgPoolConfig } from "../app/utils/db-connection.server";
import { db, onQuery } from "../app/utils/db.server";
import { parseEnv } from "../app/utils/env.server";
import { benchUser, freePort, freshDatabase, RUNS, startServer, stopServer, time, WARMUP, type Timing } from "./bench-harness";
import { runCli, withCliDatabase } from "../app/cli/database";
import { BENCH_SIZE, generateDataset } from "./generate-data";

/** The time a page may add to its own SQL (rendering, session, compression), at p50. */
const BEYOND_SQL_TARGET_MS = 25;

const targets: Record<string, number | null> = {
  "partner list, default": null,
  "partner list, filtered": null,
  "partner list, searched": null,
  "partner page with cost-benefit panel": 60,
  "cost-benefit ranking, 12 months, by ROI": 150,
  "compliance queue": null,
  "monthly report": 300,
  "dashboard (admin: all panels)": 100,
};

// The partner-list pages, by the query string their URL and their captured SQL share.
const LIST_FILTERS = "stage=active&country=FR&platform=instagram";
const LIST_SEARCH = "q=mar";

/** One SQL statement with its parameters: a Prisma.Sql, or a statement Prisma wrote. */
type Statement = { text: string; values: unknown[] };

interface BenchPage {
  name: string;
  url: () => string;
  /** The page's main statement(s), run directly on the database. */
  sql: () => Statement[];
}

/**
 * The statements a model call sends, as Prisma reports them. Where Prisma writes a page's main
 * query, the benchmark replays exactly that SQL (joins included), not a hand-written likeness.
 */
async function statementsOf(call: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const stop = onQuery((event) => statements.push({ text: event.query, values: JSON.parse(event.params) as unknown[] }));
  try {
    await call();
  } finally {
    stop();
  }
  return statements;
}

/** The main statements of the pages whose SQL Prisma writes, read once before the server starts. */
async function capturePrismaStatements() {
  const list = (search: string) =>
    statementsOf(() => listPartners(PartnerListQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)))));
  return {
    partnerList: { default: await list(""), filtered: await list(LIST_FILTERS), searched: await list(LIST_SEARCH) },
    queue: await statementsOf(() => listQueue(QueueQuerySchema.parse({}))),
  };
}

type CapturedStatements = Awaited<ReturnType<typeof capturePrismaStatements>>;

/** Runs statements on a plain driver connection (pg or PGlite), no ORM in between. */
async function rawRunner(): Promise<{ run: (sql: Statement) => Promise<unknown>; close: () => Promise<void> }> {
  const target = databaseTarget(parseEnv());
  if (target.kind === "postgres") {
    const client = new pg.Client(pgPoolConfig(target));
    await client.connect();
    return { run: (sql) => client.query(sql.text, sql.values), close: () => client.end() };
  }
  const database = await openDatabase(target);
  return { run: (sql) => database.pglite!.query(sql.text, sql.values), close: () => database.close() };
}

function pages(context: MetricsContext, captured: CapturedStatements, samplePartners: string[], month: string): BenchPage[] {
  // Both the page and its SQL walk through the same partners, one per run.
  let i = 0;
  const nextPartner = () => samplePartners[i++ % samplePartners.length];
  const today = new Date().toISOString().slice(0, 10);
  const twelveMonths = presetPeriod("12m", today);
  const ranking = parseRankingQuery(new URLSearchParams("sort=roi&dir=desc"), today);
  if (ranking.problems.length) throw new Error(ranking.problems[0].message);
  const { periods } = comparedPeriods(month, today);
  return [
    { name: "partner list, default", url: () => "/partners", sql: () => captured.partnerList.default },
    { name: "partner list, filtered", url: () => `/partners?${LIST_FILTERS}`, sql: () => captured.partnerList.filtered },
    { name: "partner list, searched", url: () => `/partners?${LIST_SEARCH}`, sql: () => captured.partnerList.searched },
    {
      name: "partner page with cost-benefit panel",
      url: () => `/partners/${nextPartner()}?tab=cost-benefit`,
      sql: () => {
        const partnerId = nextPartner();
        return [groupsSql({ ...twelveMonths, partnerId }, "none"), groupsSql({ ...twelveMonths, partnerId }, "month")];
      },
    },
    {
      name: "cost-benefit ranking, 12 months, by ROI",
      url: () => "/reports/cost-benefit?sort=roi&dir=desc",
      sql: () => [rankingSql(ranking.query, context)],
    },
    { name: "compliance queue", url: () => "/compliance", sql: () => captured.queue },
    {
      name: "monthly report",
      url: () => `/reports/monthly?month=${month}`,
      sql: () => [periods.current, periods.previous, periods.lastYear].map((period) => groupsSql(period, "none")),
    },
    {
      name: "dashboard (admin: all panels)",
      url: () => "/",
      sql: () => [bestAndBelowBreakEvenSql(twelveMonths, context, 5), activityByMonthSql(twelveMonths.from)],
    },
  ];
}

function ratioTable(engine: string, results: { name: string; page: Timing; sql: Timing }[]) {
  console.log(
    `\n${engine}: ${RUNS} runs after ${WARMUP} warm-ups, on a server warmed with ${SERVER_WARMUP_ROUNDS} requests per page. Page = full HTML document over HTTP from the production build; SQL = the page's main statements run directly.`,
  );
  console.log(`Beyond SQL = page p50 − SQL p50: what the app adds to its statements (target ≤ ${BEYOND_SQL_TARGET_MS} ms on PostgreSQL).`);
  console.log("| page | page p50 ms | page p95 ms | SQL p50 ms | SQL p95 ms | beyond SQL (p50) ms | target |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const { name, page, sql } of results) {
    const target = targets[name];
    const beyond = page.p50 - sql.p50;
    const verdict = [
      target === null ? null : `p95 ≤ ${target} ${page.p95 <= target ? "ok" : "MISSED"}`,
      `beyond ≤ ${BEYOND_SQL_TARGET_MS} ${beyond <= BEYOND_SQL_TARGET_MS ? "ok" : "MISSED"}`,
    ]
      .filter(Boolean)
      .join("; ");
    console.log(
      `| ${name} | ${page.p50.toFixed(1)} | ${page.p95.toFixed(1)} | ${sql.p50.toFixed(1)} | ${sql.p95.toFixed(1)} | ${beyond.toFixed(1)} | ${verdict} |`,
    );
  }
}

const SERVER_WARMUP_ROUNDS = 30;

// BENCH_SCALE=0.05 runs the same steps on a smaller data set (a quick check of the script itself).
const scale = Number(process.env.BENCH_SCALE ?? "1");
const size = Object.fromEntries(
  Object.entries(BENCH_SIZE).map(([key, count]) => [key, Math.max(10, Math.round(count * scale))]),
) as unknown as typeof BENCH_SIZE;

/** BENCH_SCHEMA=<kept schema> times an earlier run's data set again (PostgreSQL; see BENCH_KEEP). */
async function benchDatabase() {
  const schema = process.env.BENCH_SCHEMA;
  if (!schema || !process.env.DATABASE_URL) return { ...(await freshDatabase()), generate: true };
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");
  const url = new URL(process.env.DATABASE_URL);
  url.searchParams.set("schema", schema);
  process.env.DATABASE_URL = url.toString();
  return { engine: "PostgreSQL", cleanup: async () => {}, generate: false };
}

runCli(async () => {
  const { engine, cleanup, generate } = await benchDatabase();
  let server: ChildProcess | null = null;
  try {
    let cookie = "";
    let samplePartners: string[] = [];
    let context: MetricsContext | null = null;
    let month = "";
    let captured: CapturedStatements | null = null;
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const user = await benchUser();
      cookie = user.request("/").headers.get("Cookie") ?? "";
      const started = Date.now();
      if (generate) {
        await generateDataset(size, 42, (step) => console.log(`  ${step}`));
        console.log(`  generated and loaded the data set in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const summing = Date.now();
      const partners = await refreshCostBenefitRollups();
      console.log(`  summed the cost-benefit rollups of ${partners} partners in ${((Date.now() - summing) / 1000).toFixed(1)} s`);
      await db().$executeRawUnsafe("VACUUM ANALYZE");
      context = await metricsContext();
      const active = await db().$queryRaw<{ id: string }[]>`SELECT "partnerId" AS id FROM "Placement" GROUP BY 1 ORDER BY 1 LIMIT 200`;
      samplePartners = active.map((r) => r.id);
      const latest = await db().coverageItem.findFirst({ orderBy: { publishedOn: "desc" }, select: { publishedOn: true } });
      month = (latest?.publishedOn ?? new Date()).toISOString().slice(0, 7);
      captured = await capturePrismaStatements();
    });
    const port = await freePort();
    console.log("  starting the production build…");
    server = await startServer(port);
    const list = pages(context!, captured!, samplePartners, month);
    const load = async (page: BenchPage) => {
      const response = await fetch(`http://127.0.0.1:${port}${page.url()}`, { headers: { Cookie: cookie } });
      if (response.status !== 200) throw new Error(`${page.name}: HTTP ${response.status}`);
      await response.text();
    };
    // A server that has just started runs its code unoptimised for the first few dozen requests
    // (V8 compiles hot paths as they repeat); production servers are timed warm.
    for (let round = 0; round < SERVER_WARMUP_ROUNDS; round++) for (const page of list) await load(page);
    console.log(`  warmed the server with ${SERVER_WARMUP_ROUNDS} requests per page`);
    const pageTimes: Timing[] = [];
    for (const page of list) {
      pageTimes.push(await time(() => load(page)));
      console.log(`  timed ${page.name}`);
    }
    await stopServer(server);
    server = null;
    const raw = await rawRunner();
    const results: { name: string; page: Timing; sql: Timing }[] = [];
    try {
      for (const [index, page] of list.entries()) {
        results.push({
          name: page.name,
          page: pageTimes[index],
          sql: await time(async () => {
            for (const statement of page.sql()) await raw.run(statement);
          }),
        });
      }
    } finally {
      await raw.close();
    }
    ratioTable(engine, results);
    return 0;
  } finally {
    if (server) await stopServer(server);
    await cleanup();
  }
});
