import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { KpiValue, PartnerRoiList } from "~/components/metrics";
import { Money } from "~/components/money";
import { PageHeader } from "~/components/page";
import { complianceRate } from "~/domain/metrics";
import { DASHBOARD_COUNT_CAP, WAITING_DAYS } from "~/domain/dashboard";
import { cmDashboard, complianceDashboard, marketingDashboard } from "~/models/dashboard.server";
import { metricsContext } from "~/models/metrics.server";
import { requireUser } from "~/utils/auth.server";
import { formatDay, formatNumber, formatPercent } from "~/utils/format";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "PartnerLedger" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const show = { cm: can(user.role, "partners:write"), marketing: can(user.role, "spend:approve"), compliance: can(user.role, "compliance:review") };
  const context = show.marketing ? await metricsContext() : null;
  const [cm, marketing, compliance] = await Promise.all([
    show.cm ? cmDashboard(user.id) : null,
    context ? marketingDashboard(context) : null,
    show.compliance ? complianceDashboard() : null,
  ]);
  return json({ name: user.name, cm, marketing, compliance, currency: context?.currency ?? null });
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const { name, cm, marketing, compliance, currency } = useLoaderData<typeof loader>();
  const n = (value: number) => formatNumber(i18n.language, value);
  const atLeast = (value: number) => (value >= DASHBOARD_COUNT_CAP ? `${n(DASHBOARD_COUNT_CAP)}+` : n(value));
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name })} />
      <p className="lead">{t("dashboard.intro")}</p>
      <div className="panels">
        {cm ? (
          <section className="card" aria-labelledby="cm-title">
            <h2 id="cm-title">{t("dashboard.cmTitle")}</h2>
            <ul className="stat-list">
              <li>
                <Link to="/follow-ups">{t("dashboard.followUpsDue", { count: cm.overdueCount, n: n(cm.overdueCount) })}</Link>
                <span className="hint"> {t("dashboard.followUpsUpcoming", { count: cm.upcomingCount, n: n(cm.upcomingCount) })}</span>
              </li>
              <li>
                <Link to={`/gifts?waitingDays=${WAITING_DAYS}`}>{t("dashboard.giftsWaiting", { count: cm.waitingGifts, n: atLeast(cm.waitingGifts), days: String(WAITING_DAYS) })}</Link>
              </li>
              <li>
                <Link to={`/coverage?from=${cm.since}`}>{t("dashboard.newCoverage", { count: cm.newCoverageCount, n: atLeast(cm.newCoverageCount) })}</Link>
              </li>
            </ul>
            {cm.overdue.length ? (
              <>
                <h3>{t("dashboard.overdueTitle")}</h3>
                <ul className="plain-list">
                  {cm.overdue.map((task) => (
                    <li key={task.id}>
                      <Link to={`/partners/${task.partner.id}`}>{task.partner.name}</Link>: {task.title} <span className="hint">{formatDay(i18n.language, task.dueOn)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {cm.newCoverage.length ? (
              <>
                <h3>{t("dashboard.latestCoverage")}</h3>
                <ul className="plain-list">
                  {cm.newCoverage.map((item) => (
                    <li key={item.id}>
                      <Link to={`/coverage/${item.id}`}>{item.title ?? item.url}</Link> · {item.partner.name} <span className="hint">{formatDay(i18n.language, item.publishedOn)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}
        {marketing && currency ? (
          <section className="card" aria-labelledby="marketing-title">
            <h2 id="marketing-title">{t("dashboard.marketingTitle")}</h2>
            <h3>{t("dashboard.budgets")}</h3>
            {marketing.campaigns.length ? (
              <ul className="plain-list">
                {marketing.campaigns.map((c) => (
                  <li key={c.id}>
                    <Link to={`/campaigns/${c.id}`}>{c.name}</Link>: <Money minor={c.committedMinor} currency={c.currency} /> / <Money minor={c.budgetMinor ?? 0} currency={c.currency} />{" "}
                    <meter min={0} max={c.budgetMinor ?? 1} high={(c.budgetMinor ?? 1) * 0.9} value={c.committedMinor} aria-label={t("campaigns.committed")}>
                      {formatPercent(i18n.language, (100 * c.committedMinor) / (c.budgetMinor || 1))}
                    </meter>
                    {c.committedMinor > (c.budgetMinor ?? 0) ? <span className="badge badge-warning"> {t("dashboard.overBudget")}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hint">{t("dashboard.noBudgets")}</p>
            )}
            <h3>{t("dashboard.best")}</h3>
            <PartnerRoiList rows={marketing.best} currency={currency} label={t("dashboard.best")} linkSuffix="?tab=cost-benefit&period=quarter" />
            <h3>{t("dashboard.worst")}</h3>
            <PartnerRoiList rows={marketing.worst} currency={currency} label={t("dashboard.worst")} linkSuffix="?tab=cost-benefit&period=quarter" />
            <p className="hint">{t("dashboard.rankingPeriod", { from: formatDay(i18n.language, marketing.period.from), to: formatDay(i18n.language, marketing.period.to) })}</p>
            <Link to="/reports/cost-benefit">{t("costBenefit.rankingTitle")}</Link>
          </section>
        ) : null}
        {compliance ? (
          <section className="card" aria-labelledby="compliance-title">
            <h2 id="compliance-title">{t("dashboard.complianceTitle")}</h2>
            <p>
              <Link to="/compliance">{t("dashboard.openQueue", { count: compliance.open, n: atLeast(compliance.open) })}</Link>
            </p>
            {compliance.byJurisdiction.length ? (
              <div className="table-wrap">
                <table>
                  <caption>{t("dashboard.rateByJurisdiction", { from: formatDay(i18n.language, compliance.from) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("coverage.jurisdiction")}</th>
                      <th scope="col" className="numeric">{t("summary.complianceRate")}</th>
                      <th scope="col" className="numeric">{t("summary.awaitingReview")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {compliance.byJurisdiction.map((row) => (
                      <tr key={row.jurisdiction}>
                        <th scope="row">{row.jurisdiction}</th>
                        <td className="numeric">
                          <KpiValue name="complianceRate" value={complianceRate(row.compliant, row.required)} currency="" />
                        </td>
                        <td className="numeric">{n(row.open)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="hint">{t("dashboard.noChecks")}</p>
            )}
          </section>
        ) : null}
        {!cm && !marketing && !compliance ? (
          <section className="card">
            <h2>{t("dashboard.viewerTitle")}</h2>
            <ul className="plain-list">
              <li>
                <Link to="/reports/cost-benefit">{t("costBenefit.rankingTitle")}</Link>
              </li>
              <li>
                <Link to="/reports/monthly">{t("monthly.short")}</Link>
              </li>
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
