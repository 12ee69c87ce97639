import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DisclosureCountsTable } from "~/features/compliance";
import {
  CostBenefitChart,
  EmvRatesNote,
  KpiLabel,
  type CostBenefit,
  lineChange,
  lineUnit,
  monthlyColumnLabels,
  monthlyKpiLines,
  type MonthlyColumn,
  type MonthlyLine,
} from "~/features/reports";
import { MonthPicker } from "~/components/month-picker";
import { EmptyState, PageHeader } from "~/components/page";
import { metricsContext, monthlyReport } from "~/features/reports/index.server";
import { requireMonthParam } from "~/utils/http.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatChange, formatDate, formatDay, formatKpi, formatNumber } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  return json(await monthlyReport(requireMonthParam(request), await metricsContext()));
}

const kpiLabels: Partial<Record<string, "cost" | "engagements" | "emv">> = { cost: "cost", engagements: "engagements", emv: "emv" };

function Change({ line, now, before }: { line: MonthlyLine; now: number | null; before: number | null }) {
  const { t, i18n } = useTranslation();
  const moved = lineChange(line, now, before);
  if (moved === null) return <span aria-hidden="true">—</span>;
  return (
    <span className={`change-${moved.tone}`}>
      {formatChange(i18n.language, moved)}
      {moved.tone === "neutral" ? null : <span className="visually-hidden"> ({t(`monthly.tone.${moved.tone}`)})</span>}
    </span>
  );
}

export default function MonthlyReport() {
  const { t, i18n } = useTranslation();
  const report = useLoaderData<typeof loader>();
  const { months, periods, figures, currency } = report;
  const columns = monthlyColumnLabels(i18n.language, report);
  const format = (line: MonthlyLine, f: CostBenefit) => formatKpi(i18n.language, lineUnit(line), line.value(f), currency);
  const monthName = (month: string) =>
    formatDate(i18n.language, `${month}-01T00:00:00Z`, { month: "long", year: "numeric", timeZone: "UTC" });
  const lineLabel = (line: MonthlyLine) => {
    if (line.kind === "ratio") return <KpiLabel name={line.item} />;
    const derived = kpiLabels[line.item];
    return derived ? <KpiLabel name={derived} /> : t(`costBenefit.lines.${line.item as "gifts_cost"}`);
  };
  // The orders behind the attributed figures: the column's days, as the rollup dates them.
  const cell = (line: MonthlyLine, column: MonthlyColumn, f: CostBenefit) =>
    line.item === "attributed_orders" && line.value(f) ? (
      <Link to={`/orders?from=${periods[column].from}&to=${periods[column].to}`}>{format(line, f)}</Link>
    ) : (
      format(line, f)
    );
  const empty = figures.current.empty && report.newPartners.count === 0 && report.stageChanges.length === 0;
  return (
    <>
      <PageHeader title={t("monthly.title", { month: monthName(months.current) })}>
        <button type="button" className="button button-quiet" onClick={() => window.print()}>
          {t("common.print")}
        </button>
        <a href={`/reports/monthly/pdf?month=${months.current}`} className="button button-quiet" download>
          {t("monthly.downloadPdf")}
        </a>
        <a href={`/reports/monthly/export?month=${months.current}`} className="button button-quiet" download>
          {t("common.exportCsv")}
        </a>
      </PageHeader>
      <MonthPicker id="report-month" month={months.current} />
      <p className="hint">
        {report.throughDay === null
          ? t("monthly.comparedWith", { previous: columns.previous, lastYear: columns.lastYear })
          : t("monthly.monthToDate", columns)}{" "}
        {t(`costBenefit.basis.${report.basis}`)} {t("costBenefit.currencyLine", { currency })}
      </p>
      {empty ? (
        <EmptyState title={t("monthly.emptyTitle")}>{t("monthly.empty", { month: monthName(months.current) })}</EmptyState>
      ) : (
        <>
          <section className="card" aria-labelledby="kpi-title">
            <h2 id="kpi-title">{t("monthly.kpis")}</h2>
            <EmvRatesNote rates={report.rates} currency={currency} />
            {figures.current.sums.unconverted ? (
              <p className="notice" role="status">
                {t("costBenefit.unconverted", {
                  count: figures.current.sums.unconverted,
                  n: formatNumber(i18n.language, figures.current.sums.unconverted),
                })}{" "}
                <Link to={`/spend?view=month&from=${months.current}-01`} className="no-print">
                  {t("costBenefit.seeMissingRates")}
                </Link>
              </p>
            ) : null}
            <div className="table-wrap" tabIndex={0}>
              <table className="report-table">
                <caption className="visually-hidden">{t("monthly.kpis")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("monthly.figure")}</th>
                    <th scope="col" className="numeric">
                      {columns.current}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.previous}
                    </th>
                    <th scope="col" className="numeric">
                      {t("monthly.change")}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.lastYear}
                    </th>
                    <th scope="col" className="numeric">
                      {t("monthly.change")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {monthlyKpiLines
                    .filter((line) => line.item !== "unconverted")
                    .map((line) => (
                      <tr key={line.item}>
                        <th scope="row">{lineLabel(line)}</th>
                        <td className="numeric">{cell(line, "current", figures.current)}</td>
                        <td className="numeric">{cell(line, "previous", figures.previous)}</td>
                        <td className="numeric">
                          <Change line={line} now={line.value(figures.current)} before={line.value(figures.previous)} />
                        </td>
                        <td className="numeric">{cell(line, "lastYear", figures.lastYear)}</td>
                        <td className="numeric">
                          <Change line={line} now={line.value(figures.current)} before={line.value(figures.lastYear)} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <CostBenefitChart
              title={t("monthly.chartTitle")}
              currency={currency}
              months={[months.lastYear, months.previous, months.current].map((month) => {
                const f = month === months.current ? figures.current : month === months.previous ? figures.previous : figures.lastYear;
                return { month, costMinor: f.costMinor, revenueMinor: f.sums.revenueMinor, emvMinor: f.emvMinor };
              })}
            />
          </section>
          <section className="card" aria-labelledby="partners-title">
            <h2 id="partners-title">{t("monthly.partners")}</h2>
            <p>{t("monthly.newPartners", { count: report.newPartners.count, n: formatNumber(i18n.language, report.newPartners.count) })}</p>
            {report.newPartners.first.length ? (
              <ul className="plain-list columns">
                {report.newPartners.first.map((p) => (
                  <li key={p.id}>
                    <Link to={`/partners/${p.id}`}>{p.name}</Link> <span className="hint">{formatDay(i18n.language, p.createdAt)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {report.stageChanges.length ? (
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <caption>{t("monthly.stageChanges")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("monthly.fromStage")}</th>
                      <th scope="col">{t("monthly.toStage")}</th>
                      <th scope="col" className="numeric">
                        {t("monthly.partnerCount")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.stageChanges.map((c) => (
                      <tr key={`${c.from}-${c.to}`}>
                        <td>{t(`stages.${c.from as "active"}`, { defaultValue: c.from })}</td>
                        <td>{t(`stages.${c.to as "active"}`, { defaultValue: c.to })}</td>
                        <td className="numeric">{formatNumber(i18n.language, c.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="hint">{t("monthly.noStageChanges")}</p>
            )}
          </section>
          <section className="card" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{t("monthly.coverage")}</h2>
            {report.coverageByPlatform.length ? (
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">{t("monthly.coverage")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("channels.platform")}</th>
                      <th scope="col" className="numeric">
                        {t("costBenefit.coverage")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("metrics.impressions")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.coverageByPlatform.map((p) => (
                      <tr key={p.platform}>
                        <th scope="row">{t(`platforms.${p.platform as "instagram"}`)}</th>
                        <td className="numeric">{formatNumber(i18n.language, p.count)}</td>
                        <td className="numeric">{p.impressions === null ? "—" : formatNumber(i18n.language, p.impressions)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="hint">{t("monthly.noCoverage")}</p>
            )}
          </section>
          <section className="card" aria-labelledby="disclosure-title">
            <h2 id="disclosure-title">{t("monthly.disclosure")}</h2>
            {report.disclosure.totals.checked ? (
              <DisclosureCountsTable
                caption={t("summary.byJurisdiction")}
                nameHeader={t("coverage.jurisdiction")}
                rows={report.disclosure.byJurisdiction}
              />
            ) : (
              <p className="hint">{t("monthly.noChecks")}</p>
            )}
            <p className="no-print">
              <Link to={`/compliance/summary?month=${months.current}`}>{t("monthly.fullSummary")}</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
