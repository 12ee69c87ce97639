/**
 * npm run bench:partners  — times the partner list, the partner page and a 10,000-row CSV import
 * on a fresh database filled with the generated data set (PostgreSQL when DATABASE_URL is set,
 * in its own throwaway schema; else PGlite in a temporary directory). Times are server-side:
 * the route loaders are called directly, with a signed-in session.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toCsv } from "../app/shared/csv";
import { partnerCsvColumns } from "../app/features/partners/partner-import";
import { partnerPage } from "../tests/setup/partner-page";
import * as partnerList from "../app/routes/partners._index";
import { db } from "../app/utils/db.server";
import { benchUser, freshDatabase, printTable, time, type Timing } from "./bench-harness";
import { runCli, withCliDatabase } from "../app/cli/database";
import { BENCH_SIZE, generateDataset } from "./generate-data";

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
    const results: [string, Timing][] = [];
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const { request, context } = await benchUser();
      const started = Date.now();
      const { partnerIds, sampleTag } = await generateDataset(BENCH_SIZE, 42, (step) => console.log(`  ${step}`));
      console.log(
        `  generated ${BENCH_SIZE.partners} partners, ${BENCH_SIZE.channels} channels, ${BENCH_SIZE.interactions} outreach entries, ${BENCH_SIZE.gifts} gifts, ${BENCH_SIZE.placements} placements in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      await db().$executeRawUnsafe("ANALYZE");

      const list = (query: string) => () => partnerList.loader({ request: request(`/partners${query}`), params: {}, context });
      results.push(["list, 50 rows, default sort", await time(list(""))]);
      results.push([
        "list, stage+country+tag, by followers",
        await time(list(`?stage=active&country=FR&tag=${encodeURIComponent(sampleTag)}&sort=followers&dir=desc`)),
      ]);
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
      `BENCH-IMPORT-${n}`,
      `Import Partner ${n}`,
      "blogger",
      `import${n}@example.org`,
      null,
      "FR",
      "fr",
      "prospect",
      null,
      "import, bench",
      null,
      "legitimate_interests",
      "bench",
      "instagram",
      `@import_partner_${n}`,
      null,
      String(1000 + n),
      "2,5",
      "01/10/2026",
    ]);
    fs.writeFileSync(csvFile, toCsv([...partnerCsvColumns], rows));
    const importStart = performance.now();
    execFileSync(
      process.execPath,
      ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "app/cli/import.ts", "partners", csvFile],
      { stdio: ["ignore", "inherit", "ignore"], env: process.env },
    );
    const importSeconds = (performance.now() - importStart) / 1000;

    printTable(engine, results, targets);
    console.log(`| CLI import, 10,000 rows | | ${(importSeconds * 1000).toFixed(0)} | ≤ 15000 ${importSeconds <= 15 ? "ok" : "MISSED"} |`);
    return 0;
  } finally {
    fs.rmSync(csvFile, { force: true });
    await cleanup();
  }
});
