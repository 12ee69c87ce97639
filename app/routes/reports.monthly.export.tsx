import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseMonthParam } from "~/domain/coverage";
import { isoDay } from "~/domain/days";
import { metricsContext } from "~/models/metrics.server";
import { monthlyReport, monthlyReportCsv } from "~/models/monthly-report.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  const parsed = parseMonthParam(new URL(request.url).searchParams.get("month"), isoDay(new Date()));
  if ("error" in parsed) badRequest(parsed.error);
  const report = await monthlyReport(parsed.month, await metricsContext());
  return new Response("\uFEFF" + monthlyReportCsv(report), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="monthly-report-${parsed.month}.csv"`, "Cache-Control": "no-store" },
  });
}
