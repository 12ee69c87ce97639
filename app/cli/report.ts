/**
 * npm run -s report -- cost-benefit [--from YYYY-MM-DD --to YYYY-MM-DD]
 * npm run -s report -- monthly --month YYYY-MM
 * Prints the same CSV as the app's export to stdout; messages go to stderr. Exit 2 on bad input.
 */
import { parseArgs } from "node:util";
import { parseRankingQuery, rankingCsv, monthlyReportCsv } from "~/features/reports";
import { en } from "../i18n/en";
import { costBenefitRanking, metricsContext, monthlyReport } from "~/features/reports/index.server";
import { parseMonthParam } from "~/shared/rules";
import { runCli, withCliDatabase } from "./database";

const usage =
  "Usage: npm run -s report -- cost-benefit --from YYYY-MM-DD --to YYYY-MM-DD\n       npm run -s report -- monthly --month YYYY-MM";

function message(key: string): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  return typeof text === "string" ? text : key;
}

runCli(async () => {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: { from: { type: "string" }, to: { type: "string" }, month: { type: "string" } },
  });
  const today = new Date().toISOString().slice(0, 10);
  const [report] = positionals;
  if (report === "cost-benefit") {
    const params = new URLSearchParams(values.from || values.to ? { period: "custom", from: values.from ?? "", to: values.to ?? "" } : {});
    const parsed = parseRankingQuery(params, today);
    if (parsed.problems.length) {
      console.error(`${message(parsed.problems[0].message)}\n${usage}`);
      return 2;
    }
    return withCliDatabase(async () => {
      const context = await metricsContext();
      const { rows } = await costBenefitRanking({ ...parsed.query, page: null }, context);
      process.stdout.write(rankingCsv(rows, context.currency));
      return 0;
    });
  }
  if (report === "monthly") {
    const parsed = parseMonthParam(values.month ?? null, today);
    if ("error" in parsed) {
      console.error(`${message(parsed.error)}\n${usage}`);
      return 2;
    }
    return withCliDatabase(async () => {
      process.stdout.write(monthlyReportCsv(await monthlyReport(parsed.month, await metricsContext())));
      return 0;
    });
  }
  console.error(usage);
  return 2;
});
