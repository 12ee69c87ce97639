import type { LoaderFunctionArgs } from "@remix-run/node";
import { createI18n } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { metricsContext, monthlyReport, monthlyReportPdf } from "~/features/reports/index.server";
import { requireMonthParam } from "~/utils/http.server";
import { requirePermission } from "~/features/accounts/index.server";

/** The monthly report as a PDF, in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:read");
  const report = await monthlyReport(requireMonthParam(request), await metricsContext());
  const locale = await resolveLocale(request, user.locale);
  const pdf = await monthlyReportPdf(report, createI18n(locale).t, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="monthly-report-${report.months.current}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
