import type { LoaderFunctionArgs } from "@remix-run/node";
import { monthlyReportCsv } from "~/features/reports";
import { metricsContext, monthlyReport } from "~/features/reports/index.server";
import { requireMonthParam } from "~/utils/http.server";
import { requirePermission } from "~/features/accounts/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  const report = await monthlyReport(requireMonthParam(request), await metricsContext());
  return new Response("\uFEFF" + monthlyReportCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="monthly-report-${report.months.current}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
