import type { LoaderFunctionArgs } from "@remix-run/node";
import { monthlyReportCsv, monthlyReportFor } from "~/models/monthly-report.server";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  const report = await monthlyReportFor(request);
  return new Response("\uFEFF" + monthlyReportCsv(report), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="monthly-report-${report.months.current}.csv"`, "Cache-Control": "no-store" },
  });
}
