import type { LoaderFunctionArgs } from "@remix-run/node";
import { complianceSummaryColumns } from "~/features/compliance";
import { toCsv } from "~/shared/csv";
import { complianceSummary, type SummaryCounts } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { requireMonthParam } from "~/utils/http.server";

const row = (scope: string, counts: SummaryCounts) => [
  scope,
  counts.key,
  counts.label,
  counts.checked,
  counts.compliant,
  counts.insufficient,
  counts.missing,
  counts.notRequired,
  counts.awaitingReview,
  counts.confirmedIssues,
];

/** The monthly compliance summary as CSV: one row per jurisdiction, one per partner, then the total. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "compliance:read");
  const month = requireMonthParam(request);
  const summary = await complianceSummary(month);
  const rows = [
    ...summary.byJurisdiction.map((c) => row("jurisdiction", c)),
    ...summary.byPartner.map((c) => row("partner", c)),
    row("total", { ...summary.totals, key: "", label: "" }),
  ];
  return new Response("\uFEFF" + toCsv([...complianceSummaryColumns], rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="compliance-${month}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
