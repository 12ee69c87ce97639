/**
 * npm run bench:spend — times the spend views (issue target: p95 ≤ 150 ms on PostgreSQL with
 * 60,000 gifts and 20,000 placements) on a fresh database filled with the generated data set.
 * Server-side times: the route loaders are called directly with a signed-in session.
 */
import * as spendView from "../app/routes/spend._index";
import { partnerPage } from "../tests/setup/partner-page";
import { db } from "../app/utils/db.server";
import { benchUser, freshDatabase, printTable, time, type Timing } from "./bench-harness";
import { runCli, withCliDatabase } from "../app/cli/database";
import { BENCH_SIZE, generateDataset } from "./generate-data";

const targets: Record<string, number> = {
  "spend by month, last 12 months": 150,
  "spend by month, 3 years, country FR": 150,
  "spend by partner, 12 months, page 1": 150,
  "spend by campaign, 12 months": 150,
  "gifts against placements, 12 months": 150,
  "spend by month, one campaign": 150,
  "partner page (with gifts and placements)": 60,
};

runCli(async () => {
  const { engine, cleanup } = await freshDatabase();
  try {
    const results: [string, Timing][] = [];
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const { request, context } = await benchUser();
      const started = Date.now();
      const { partnerIds } = await generateDataset(BENCH_SIZE, 42, (step) => console.log(`  ${step}`));
      console.log(
        `  generated ${BENCH_SIZE.gifts} gifts and ${BENCH_SIZE.placements} placements (with ${BENCH_SIZE.partners} partners) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      await db().$executeRawUnsafe("ANALYZE");
      const campaign = await db().campaign.findFirstOrThrow({ select: { id: true } });
      const view = (query: string) => () => spendView.loader({ request: request(`/spend${query}`), params: {}, context });
      results.push(["spend by month, last 12 months", await time(view(""))]);
      results.push(["spend by month, 3 years, country FR", await time(view("?from=&to=&country=FR"))]);
      results.push(["spend by partner, 12 months, page 1", await time(view("?view=partner"))]);
      results.push(["spend by campaign, 12 months", await time(view("?view=campaign"))]);
      results.push(["gifts against placements, 12 months", await time(view("?view=kind"))]);
      results.push(["spend by month, one campaign", await time(view(`?from=&to=&campaignId=${campaign.id}`))]);
      let i = 0;
      results.push([
        "partner page (with gifts and placements)",
        await time(() => {
          const partnerId = partnerIds[(i++ * 7919) % partnerIds.length];
          return partnerPage.loader({ request: request(`/partners/${partnerId}`), params: { partnerId }, context });
        }),
      ]);
    });
    printTable(engine, results, targets);
    return 0;
  } finally {
    await cleanup();
  }
});
