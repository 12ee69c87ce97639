/**
 * npm run bench:coverage — times the compliance queue and the coverage page (issue target: p95 ≤
 * 60 ms on PostgreSQL with 200,000 coverage items) on a fresh database filled with the generated
 * data set. Server-side times: the route loaders are called directly with a signed-in session.
 */
import * as coveragePage from "../app/routes/coverage.$coverageId._index";
import * as coverageList from "../app/routes/coverage._index";
import * as queue from "../app/routes/compliance._index";
import { db } from "../app/utils/db.server";
import { checkDisclosureV2, defaultRuleSetsV2 } from "../app/features/compliance";
import { disclosureInputsV2 } from "../app/features/compliance/index.server";
import { benchUser, freshDatabase, printTable, time, type Timing } from "./bench-harness";
import { runCli, withCliDatabase } from "../app/cli/database";
import { BENCH_SIZE, generateDataset } from "./generate-data";

const targets: Record<string, number> = {
  "compliance queue, oldest first": 60,
  "compliance queue, FR, reason NO_DISCLOSURE": 60,
  "compliance queue, one platform, newest first, page 5": 60,
  "compliance queue, one partner": 60,
  "coverage page": 60,
  "coverage list, page 1": 60,
  "v2 check of one item (its records read, then checked)": 5,
};

runCli(async () => {
  const { engine, cleanup } = await freshDatabase();
  try {
    const results: [string, Timing][] = [];
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const { request, context } = await benchUser();
      const started = Date.now();
      await generateDataset(BENCH_SIZE, 42, (step) => console.log(`  ${step}`));
      console.log(`  generated the data set (${BENCH_SIZE.coverage} coverage items) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // As autovacuum would have by now: the visibility map lets the queue count from its index alone.
      await db().$executeRawUnsafe("VACUUM ANALYZE");
      const [open, checks, items] = await Promise.all([
        db().disclosureCheck.count({ where: { needsReview: true } }),
        db().disclosureCheck.count(),
        db().coverageItem.count(),
      ]);
      console.log(`  ${items} coverage items, ${checks} checks, ${open} in the queue`);
      const sample = await db().disclosureCheck.findMany({
        where: { needsReview: true },
        select: { partnerId: true, coverageItemId: true },
        take: 200,
      });
      const queueAt = (query: string) => () => queue.loader({ request: request(`/compliance${query}`), params: {}, context });
      results.push(["compliance queue, oldest first", await time(queueAt(""))]);
      results.push(["compliance queue, FR, reason NO_DISCLOSURE", await time(queueAt("?jurisdiction=FR&reason=NO_DISCLOSURE"))]);
      results.push(["compliance queue, one platform, newest first, page 5", await time(queueAt("?platform=tiktok&order=newest&page=5"))]);
      let i = 0;
      results.push(["compliance queue, one partner", await time(() => queueAt(`?partnerId=${sample[i++ % sample.length].partnerId}`)())]);
      results.push([
        "coverage page",
        await time(() => {
          const coverageId = sample[i++ % sample.length].coverageItemId;
          return coveragePage.loader({ request: request(`/coverage/${coverageId}`), params: { coverageId }, context });
        }),
      ]);
      results.push([
        "v2 check of one item (its records read, then checked)",
        await time(async () => {
          const check = sample[i++ % sample.length];
          const input = (await disclosureInputsV2(db(), [check.coverageItemId])).get(check.coverageItemId);
          if (input) checkDisclosureV2(input, [defaultRuleSetsV2.FR, defaultRuleSetsV2.DE]);
        }),
      ]);
      results.push([
        "coverage list, page 1",
        await time(() => coverageList.loader({ request: request("/coverage"), params: {}, context })),
      ]);
    });
    printTable(engine, results, targets);
    return 0;
  } finally {
    await cleanup();
  }
});
