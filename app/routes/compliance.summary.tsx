import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DisclosureCountsTable } from "~/features/compliance";
import { MonthPicker } from "~/components/month-picker";
import { EmptyState, PageHeader } from "~/components/page";
import { complianceSummary } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDate, formatNumber } from "~/shared/format";
import { requireMonthParam } from "~/utils/http.server";
import { useCount } from "~/components/use-count";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "compliance:read");
  const month = requireMonthParam(request);
  return json(await complianceSummary(month));
}

export default function ComplianceSummary() {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const { month, byJurisdiction, byPartner, totals } = useLoaderData<typeof loader>();
  const monthName = formatDate(i18n.language, `${month}-01T00:00:00Z`, { month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <>
      <PageHeader title={t("compliance.summaryFor", { month: monthName })}>
        <button type="button" className="button button-quiet" onClick={() => window.print()}>
          {t("common.print")}
        </button>
        <a href={`/compliance/summary/export?month=${month}`} className="button button-quiet" download>
          {t("common.exportCsv")}
        </a>
      </PageHeader>
      <MonthPicker id="summary-month" month={month} />
      {totals.checked ? (
        <>
          <section className="card" aria-labelledby="totals-title">
            <h2 id="totals-title">{t("summary.totals")}</h2>
            <p>
              {t("summary.totalsLine", {
                checked: formatNumber(i18n.language, totals.checked),
                compliant: formatNumber(i18n.language, totals.compliant),
                insufficient: formatNumber(i18n.language, totals.insufficient),
                missing: formatNumber(i18n.language, totals.missing),
              })}
            </p>
            <p>
              {t("summary.openLine", {
                awaiting: count("waitingReview", totals.awaitingReview),
                confirmed: count("confirmedIssues", totals.confirmedIssues),
              })}{" "}
              <Link to="/compliance" className="no-print">
                {t("compliance.queueTitle")}
              </Link>
            </p>
          </section>
          <section className="card">
            <DisclosureCountsTable caption={t("summary.byJurisdiction")} nameHeader={t("coverage.jurisdiction")} rows={byJurisdiction} />
          </section>
          <section className="card">
            <DisclosureCountsTable
              caption={t("summary.byPartner")}
              nameHeader={t("common.partner")}
              rows={byPartner}
              link={(row) => `/partners/${row.key}`}
            />
          </section>
        </>
      ) : (
        <EmptyState title={t("summary.emptyTitle")}>{t("summary.empty", { month: monthName })}</EmptyState>
      )}
    </>
  );
}
