import type { LoaderFunctionArgs } from "@remix-run/node";
import { monthlyReportCsv } from "~/domain/monthly-report";
import { metricsContext } from "~/models/metrics.server";
import { monthlyReport } from "~/models/monthly-report.server";
import { requireMonthParam } from "~/utils/http.server";
import { requirePermission } from "~/utils/auth.server";

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
