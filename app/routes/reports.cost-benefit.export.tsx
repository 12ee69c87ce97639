import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseRankingQuery, rankingCsv } from "~/features/reports";
import { costBenefitRanking, metricsContext } from "~/features/reports/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { badRequest } from "~/utils/http.server";

/** The whole ranking (every page) as CSV, in the columns and formats the issue fixes. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  const parsed = parseRankingQuery(new URL(request.url).searchParams, new Date().toISOString().slice(0, 10));
  // An export must be exactly what was asked for: what cannot be used is an error, not dropped.
  if (parsed.problems.length) badRequest(parsed.problems[0].message);
  const query = { ...parsed.query, page: null };
  const context = await metricsContext();
  const { rows } = await costBenefitRanking(query, context);
  return new Response("\uFEFF" + rankingCsv(rows, context.currency), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cost-benefit-${query.from}-${query.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
