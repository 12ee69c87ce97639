import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, PageHeader } from "~/components/page";
import { parseMonthParam } from "~/domain/coverage";
import { isoDay } from "~/domain/days";
import { complianceSummary, type SummaryCounts } from "~/models/disclosure.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { badRequest } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "compliance:read");
  const parsed = parseMonthParam(new URL(request.url).searchParams.get("month"), isoDay(new Date()));
  if ("error" in parsed) badRequest(parsed.error);
  return json(await complianceSummary(parsed.month));
}

function CountsTable({ caption, rows, nameHeader, link }: { caption: string; rows: SummaryCounts[]; nameHeader: string; link?: (row: SummaryCounts) => string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  const needed = (row: SummaryCounts) => row.checked - row.notRequired;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="numeric">{t("summary.checked")}</th>
            <th scope="col" className="numeric">{t("verdicts.compliant")}</th>
            <th scope="col" className="numeric">{t("verdicts.insufficient")}</th>
            <th scope="col" className="numeric">{t("verdicts.missing")}</th>
            <th scope="col" className="numeric">{t("verdicts.not_required")}</th>
            <th scope="col" className="numeric">{t("summary.complianceRate")}</th>
            <th scope="col" className="numeric">{t("summary.awaitingReview")}</th>
            <th scope="col" className="numeric">{t("summary.confirmedIssues")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{link ? <Link to={link(row)}>{row.label}</Link> : row.label}</th>
              <td className="numeric">{n(row.checked)}</td>
              <td className="numeric">{n(row.compliant)}</td>
              <td className="numeric">{n(row.insufficient)}</td>
              <td className="numeric">{n(row.missing)}</td>
              <td className="numeric">{n(row.notRequired)}</td>
              <td className="numeric">{needed(row) ? formatPercent(i18n.language, (100 * row.compliant) / needed(row)) : "—"}</td>
              <td className="numeric">{n(row.awaitingReview)}</td>
              <td className="numeric">{n(row.confirmedIssues)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ComplianceSummary() {
  const { t, i18n } = useTranslation();
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
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <div className="field">
          <label htmlFor="summary-month">{t("summary.month")}</label>
          <input id="summary-month" name="month" type="month" defaultValue={month} required />
        </div>
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
      </Form>
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
              {t("summary.openLine", { awaiting: formatNumber(i18n.language, totals.awaitingReview), confirmed: formatNumber(i18n.language, totals.confirmedIssues) })}{" "}
              <Link to="/compliance" className="no-print">
                {t("compliance.queueTitle")}
              </Link>
            </p>
          </section>
          <section className="card">
            <CountsTable caption={t("summary.byJurisdiction")} nameHeader={t("coverage.jurisdiction")} rows={byJurisdiction} />
          </section>
          <section className="card">
            <CountsTable caption={t("summary.byPartner")} nameHeader={t("common.partner")} rows={byPartner} link={(row) => `/partners/${row.key}`} />
          </section>
        </>
      ) : (
        <EmptyState title={t("summary.emptyTitle")}>{t("summary.empty", { month: monthName })}</EmptyState>
      )}
    </>
  );
}
