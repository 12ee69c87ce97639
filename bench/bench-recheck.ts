/**
 * npm run bench:recheck — re-checks every FR check of the 200,000-item data set as a job, and
 * measures the partner list while it runs against the same list with no job running (issue 18:
 * pages stay responsive during a re-check). On PostgreSQL, set DATABASE_URL.
 */
import pg from "pg";
import * as partnerList from "../app/routes/partners._index";
import { jobHandlers } from "../app/jobs/handlers.server";
import { saveRuleSet, startRecheck } from "../app/features/compliance/disclosure.server";
import { defaultFolds, defaultRuleSets } from "../app/features/compliance/disclosure/rules";
import { disclosurePlatforms } from "../app/shared/disclosure-terms";
import { db } from "../app/utils/db.server";
import { startJobQueue, stopJobQueue } from "../app/utils/job-queue.server";
import { benchUser, freshDatabase, percentile, RUNS, time, WARMUP } from "./bench-harness";
import { runCli, withCliDatabase } from "../app/cli/database";
import { BENCH_SIZE, generateDataset } from "./generate-data";

runCli(async () => {
  const { engine, cleanup } = await freshDatabase();
  const bossSchema = process.env.DATABASE_URL ? `${new URL(process.env.DATABASE_URL).searchParams.get("schema")}_jobs` : null;
  try {
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const { request, context } = await benchUser();
      await generateDataset(BENCH_SIZE, 42, (step) => console.log(`  ${step}`));
      await db().$executeRawUnsafe("VACUUM ANALYZE");
      await startJobQueue({ work: true, handlers: jobHandlers });
      const list = () => partnerList.loader({ request: request("/partners?sort=name"), params: {}, context });
      const quiet = await time(list);
      // A new FR version that accepts one more marker, so many checks change.
      const fr = defaultRuleSets.FR;
      const admin = await db().user.findFirstOrThrow({ where: { role: "admin" } });
      await saveRuleSet(admin.id, {
        jurisdiction: "FR",
        baseVersion: fr.version,
        accepted: [...fr.accepted, "partenariat"],
        weak: fr.weak.filter((marker) => marker !== "partenariat"),
        acceptedWhenOnlyGifted: fr.acceptedWhenOnlyGifted,
        platformLabelAlone: fr.platformLabelAlone,
        retouched: fr.imageMentions.retouched,
        virtual: fr.imageMentions.virtual,
        note: "bench",
        ...(Object.fromEntries(disclosurePlatforms.map((p) => [`fold_${p}`, defaultFolds[p]])) as Record<
          `fold_${(typeof disclosurePlatforms)[number]}`,
          number
        >),
      });
      const started = Date.now();
      const job = await startRecheck(admin.id, "FR");
      const during: number[] = [];
      let warm = 0;
      for (;;) {
        const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
        if (row.status === "succeeded" || row.status === "failed") {
          console.log(`  re-check ${row.status}: ${row.done} of ${row.total} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          break;
        }
        const start = performance.now();
        await list();
        if (warm++ >= WARMUP) during.push(performance.now() - start);
      }
      during.sort((a, b) => a - b);
      console.log(`\n${engine}: the partner list, server-side`);
      console.log(`  no job running: p50 ${quiet.p50.toFixed(1)} ms, p95 ${quiet.p95.toFixed(1)} ms (${RUNS} runs)`);
      console.log(
        `  during the re-check: p50 ${percentile(during, 50).toFixed(1)} ms, p95 ${percentile(during, 95).toFixed(1)} ms (${during.length} runs)`,
      );
    });
    return 0;
  } finally {
    await stopJobQueue();
    await cleanup();
    if (bossSchema && process.env.BENCH_KEEP !== "1") {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL!.replace(/[?&]schema=[^&]*/, "") });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${bossSchema}" CASCADE`);
      await client.end();
    }
  }
});
