/**
 * npm run bench:partners  — times the partner list, the partner page and a 10,000-row CSV import
 * on a fresh database filled with the generated data set (PostgreSQL when DATABASE_URL is set,
 * in its own throwaway schema; else PGlite in a temporary directory). Times are server-side:
 * the route loaders are called directly, with a signed-in session.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { toCsv } from "../domain/csv";
import { partnerCsvColumns } from "../domain/partner-import";
import * as partnerPage from "../routes/partners.$partnerId._index";
import * as partnerList from "../routes/partners._index";
import { createSession } from "../utils/auth.server";
import { db } from "../utils/db.server";
import { sessionCookie } from "../utils/session.server";
import { runCli, withCliDatabase } from "./database";
import { BENCH_SIZE, generateDataset } from "./generate-data";

const RUNS = 40;
const WARMUP = 5;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function freshDatabase() {
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");
  if (process.env.DATABASE_URL) {
    const schema = `bench_${Date.now()}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    const url = new URL(process.env.DATABASE_URL);
    url.searchParams.set("schema", schema);
    const base = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
    return {
      engine: "PostgreSQL",
      cleanup: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP SCHEMA "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerledger-bench-"));
  process.env.DATA_DIR = dir;
  return { engine: "PGlite", cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const targets: Record<string, number> = {
  "list, 50 rows, default sort": 60,
  "list, stage+country+tag, by followers": 100,
  "list, search": 120,
  "partner page": 60,
};

runCli(async () => {
  const { engine, cleanup } = await freshDatabase();
  const csvFile = path.join(os.tmpdir(), `bench-import-${Date.now()}.csv`);
  try {
    const results: [string, { p50: number; p95: number }][] = [];
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const user = await db().user.create({ data: { email: `bench-${Date.now()}@example.com`, name: "Bench", role: "admin" } });
      const session = await db().$transaction((tx) => createSession(tx, user.id, { ipAddress: "127.0.0.1", userAgent: "bench" }));
      const cookie = (await sessionCookie().serialize(session.id)).split(";")[0];
      const started = Date.now();
      const { partnerIds, sampleTag } = await generateDataset(BENCH_SIZE, 42, (step) => console.log(`  ${step}`));
      console.log(`  generated ${BENCH_SIZE.partners} partners, ${BENCH_SIZE.channels} channels, ${BENCH_SIZE.interactions} outreach entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await db().$executeRawUnsafe("ANALYZE");

      const request = (url: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
      const context = { ipAddress: "127.0.0.1", cspNonce: "" };
      const list = (query: string) => () => partnerList.loader({ request: request(`/partners${query}`), params: {}, context });
      results.push(["list, 50 rows, default sort", await time(list(""))]);
      results.push(["list, stage+country+tag, by followers", await time(list(`?stage=active&country=FR&tag=${encodeURIComponent(sampleTag)}&sort=followers&dir=desc`))]);
      results.push(["list, search", await time(list("?q=martin"))]);
      let i = 0;
      results.push([
        "partner page",
        await time(() => {
          const partnerId = partnerIds[(i++ * 7919) % partnerIds.length];
          return partnerPage.loader({ request: request(`/partners/${partnerId}`), params: { partnerId }, context });
        }),
      ]);
    });

    const rows = Array.from({ length: 10_000 }, (_, n) => [
      `BENCH-IMPORT-${n}`, `Import Partner ${n}`, "blogger", `import${n}@example.org`, null, "FR", "fr", "prospect", null, "import, bench", null,
      "instagram", `@import_partner_${n}`, null, String(1000 + n), "2,5", "01/10/2026",
    ]);
    fs.writeFileSync(csvFile, toCsv([...partnerCsvColumns], rows));
    const importStart = performance.now();
    execFileSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "app/cli/import.ts", "partners", csvFile], { stdio: ["ignore", "inherit", "ignore"], env: process.env });
    const importSeconds = (performance.now() - importStart) / 1000;

    console.log(`\n${engine}: server-side time over ${RUNS} runs (after ${WARMUP} warm-up runs)`);
    console.log("| measure | p50 ms | p95 ms | target p95 |");
    console.log("|---|---:|---:|---:|");
    for (const [name, { p50, p95 }] of results) console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ≤ ${targets[name]} ${p95 <= targets[name] ? "ok" : "MISSED"} |`);
    console.log(`| CLI import, 10,000 rows | | ${(importSeconds * 1000).toFixed(0)} | ≤ 15000 ${importSeconds <= 15 ? "ok" : "MISSED"} |`);
    return 0;
  } finally {
    fs.rmSync(csvFile, { force: true });
    await cleanup();
  }
});
