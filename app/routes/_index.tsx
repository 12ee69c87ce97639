import { wouldExceedBudget } from "~/shared/money";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  KpiValue,
  PartnerRoiList,
  complianceRate,
  DASHBOARD_COUNT_CAP,
  WAITING_DAYS,
  budgetUsePercent,
  marketingTiles,
  complianceTotals,
} from "~/features/reports";
import { monthsBetween } from "~/shared/days";
import { Money } from "~/components/money";
import { BarChart, LineChart } from "~/components/charts";
import { SpendByMonthChart } from "~/features/spend";
import { PageHeader, StatTile } from "~/components/page";
import { contentReviewCounts } from "~/features/portal/index.server";
import { cmDashboard, complianceDashboard, marketingDashboard, workspaceHasData, metricsContext } from "~/features/reports/index.server";
import { requireUser } from "~/features/accounts/index.server";
import { formatDate, formatDay, formatMoney, formatMonth, formatNumber, formatPercent } from "~/shared/format";
import { can } from "~/shared/permissions";

export const meta: MetaFunction = () => [{ title: "PartnerLedger" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const show = {
    cm: can(user.role, "partners:write"),
    marketing: can(user.role, "spend:approve"),
    compliance: can(user.role, "compliance:review"),
  };
  const contextRead = show.marketing ? metricsContext() : Promise.resolve(null);
  const [hasData, cm, marketing, compliance, context, contentReview] = await Promise.all([
    workspaceHasData(),
    show.cm ? cmDashboard(user.id) : null,
    contextRead.then((read) => (read ? marketingDashboard(read) : null)),
    show.compliance ? complianceDashboard() : null,
    contextRead,
    show.cm || show.compliance ? contentReviewCounts() : null,
  ]);
  return json({ name: user.name, hasData, cm, marketing, compliance, contentReview, currency: context?.currency ?? null });
}

type DashboardData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Drafts partners sent, waiting for this side of the two-person review. */
function ContentReviewTile({ waiting }: { waiting: number }) {
  const { t, i18n } = useTranslation();
  return (
    <StatTile
      to="/content"
      label={t("content.dashboardTitle")}
      value={formatNumber(i18n.language, waiting)}
      tone={waiting ? "bad" : undefined}
      note={t("content.dashboardNote")}
    />
  );
}

function CmSection({ cm, contentWaiting }: { cm: NonNullable<DashboardData["cm"]>; contentWaiting: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  const atLeast = (value: number) => (value >= DASHBOARD_COUNT_CAP ? `${n(DASHBOARD_COUNT_CAP)}+` : n(value));
  const months = monthsBetween(cm.year.from, cm.year.to);
  return (
    <section aria-labelledby="cm-title" className="dashboard-section">
      <h2 id="cm-title">{t("dashboard.cmTitle")}</h2>
      <div className="stat-tiles">
        <StatTile
          to="/follow-ups"
          label={t("dashboard.tiles.overdue")}
          value={n(cm.overdueCount)}
          tone={cm.overdueCount ? "bad" : undefined}
          note={t("dashboard.followUpsUpcoming", { count: cm.upcomingCount, n: n(cm.upcomingCount) })}
        />
        <StatTile
          to={`/gifts?waitingDays=${WAITING_DAYS}`}
          label={t("dashboard.tiles.giftsWaiting")}
          value={atLeast(cm.waitingGifts)}
          note={t("dashboard.tiles.giftsWaitingNote", { days: String(WAITING_DAYS) })}
        />
        <StatTile
          to={`/coverage?from=${cm.since}`}
          label={t("dashboard.tiles.newCoverage")}
          value={atLeast(cm.newCoverageCount)}
          note={t("dashboard.tiles.last7Days")}
        />
        <StatTile
          to="/coverage/captured"
          label={t("dashboard.tiles.captured")}
          value={atLeast(cm.capturedWaiting)}
          note={t("dashboard.tiles.capturedNote")}
        />
        <ContentReviewTile waiting={contentWaiting} />
      </div>
      <div className="two-columns">
        <section className="card" aria-label={t("dashboard.activityChart")}>
          <BarChart
            title={t("dashboard.activityChart")}
            summary={t("dashboard.activitySummary")}
            categories={months.map((month) => formatMonth(i18n.language, month))}
            categoryHeader={t("costBenefit.month")}
            series={[
              {
                key: "gifts",
                label: t("dashboard.giftsShipped"),
                color: "var(--color-series-emv)",
                values: months.map((month) => cm.byMonth[month]?.giftCount ?? 0),
              },
              {
                key: "coverage",
                label: t("dashboard.coveragePublished"),
                color: "var(--color-series-revenue)",
                values: months.map((month) => cm.byMonth[month]?.coverageCount ?? 0),
              },
            ]}
            format={n}
          />
        </section>
        <section className="card" aria-labelledby="overdue-title">
          <h3 id="overdue-title" className="mt-0">
            {t("dashboard.overdueTitle")}
          </h3>
          {cm.overdue.length ? (
            <ul className="plain-list">
              {cm.overdue.map((task) => (
                <li key={task.id}>
                  <span>
                    <Link to={`/partners/${task.partner.id}/outreach`}>{task.partner.name}</Link>: {task.title}
                  </span>
                  <span className="hint">{formatDay(i18n.language, task.dueOn)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t("dashboard.nothingOverdue")}</p>
          )}
          {cm.replied.length ? (
            <>
              <h3>{t("dashboard.repliedTitle")}</h3>
              <ul className="plain-list" data-testid="replied-follow-ups">
                {cm.replied.map((task) => (
                  <li key={task.id}>
                    <span>
                      <Link to={`/partners/${task.partner.id}/outreach${task.replyId ? `#entry-${task.replyId}` : ""}`}>
                        {task.partner.name}
                      </Link>
                      : {task.title}
                    </span>
                    <span className="badge badge-ok">{t("tasks.replied")}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t("dashboard.latestCoverage")}</h3>
          {cm.newCoverage.length ? (
            <ul className="plain-list">
              {cm.newCoverage.map((item) => (
                <li key={item.id}>
                  <span>
                    <Link to={`/coverage/${item.id}`}>{item.title ?? item.url}</Link> · {item.partner.name}
                  </span>
                  <span className="hint">{formatDay(i18n.language, item.publishedOn)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t("dashboard.noNewCoverage")}</p>
          )}
        </section>
      </div>
    </section>
  );
}

function MarketingSection({ marketing, currency }: { marketing: NonNullable<DashboardData["marketing"]>; currency: string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  const months = monthsBetween(marketing.year.from, marketing.year.to);
  const { overBudget, yearSpendMinor: yearSpend } = marketingTiles(marketing);
  return (
    <section aria-labelledby="marketing-title" className="dashboard-section">
      <h2 id="marketing-title">{t("dashboard.marketingTitle")}</h2>
      <div className="stat-tiles">
        <StatTile
          to="/placements?status=proposed"
          label={t("dashboard.tiles.awaitingApproval")}
          value={n(marketing.awaitingApproval)}
          tone={marketing.awaitingApproval ? "bad" : undefined}
          note={t("dashboard.tiles.awaitingApprovalNote")}
        />
        <StatTile
          to="/campaigns"
          label={t("dashboard.tiles.overBudget")}
          value={n(overBudget)}
          tone={overBudget ? "bad" : undefined}
          note={t("dashboard.tiles.runningCampaigns", { count: marketing.campaigns.length })}
        />
        <StatTile
          to="/spend"
          label={t("dashboard.tiles.spend12m")}
          value={formatMoney(i18n.language, yearSpend, currency)}
          note={t("dashboard.tiles.spendNote")}
        />
      </div>
      <div className="two-columns">
        <section className="card" aria-label={t("spend.chartTitle")}>
          <SpendByMonthChart months={months} spendIn={(month) => marketing.spendByMonth[month]} currency={currency} />
        </section>
        <section className="card" aria-labelledby="budgets-title">
          <h3 id="budgets-title" className="mt-0">
            {t("dashboard.budgets")}
          </h3>
          {marketing.campaigns.length ? (
            <ul className="plain-list">
              {marketing.campaigns.map((c) => {
                const share = budgetUsePercent(c.committedMinor, c.budgetMinor);
                return (
                  <li key={c.id} className="budget-line">
                    <span className="min-w-0">
                      <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                      {wouldExceedBudget(c.budgetMinor, c.committedMinor) ? (
                        <span className="badge badge-warning ml-2">{t("dashboard.overBudget")}</span>
                      ) : null}
                    </span>
                    <span className="hint numeric">
                      <Money minor={c.committedMinor} currency={c.currency} /> / <Money minor={c.budgetMinor ?? 0} currency={c.currency} />
                    </span>
                    <meter
                      className="budget-meter"
                      min={0}
                      max={c.budgetMinor ?? 1}
                      high={(c.budgetMinor ?? 1) * 0.9}
                      value={c.committedMinor}
                      aria-label={t("campaigns.committed")}
                    >
                      {formatPercent(i18n.language, share)}
                    </meter>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="hint">{t("dashboard.noBudgets")}</p>
          )}
          <div className="two-columns mt-2">
            <div>
              <h3>{t("dashboard.best")}</h3>
              <PartnerRoiList
                rows={marketing.best}
                currency={currency}
                label={t("dashboard.best")}
                empty={t("dashboard.noneAboveBreakEven")}
                linkSuffix={`/cost-benefit?period=${marketing.period.preset}`}
              />
            </div>
            <div>
              <h3>{t("dashboard.worst")}</h3>
              <PartnerRoiList
                rows={marketing.worst}
                currency={currency}
                label={t("dashboard.worst")}
                empty={t("dashboard.noneBelowBreakEven")}
                linkSuffix={`/cost-benefit?period=${marketing.period.preset}`}
              />
            </div>
          </div>
          <p className="hint">
            {t("dashboard.rankingPeriod", {
              from: formatDay(i18n.language, marketing.period.from),
              to: formatDay(i18n.language, marketing.period.to),
            })}{" "}
            <Link to="/reports/cost-benefit">{t("costBenefit.rankingTitle")}</Link>
          </p>
        </section>
      </div>
    </section>
  );
}

function ComplianceSection({
  compliance,
  contentWaiting,
}: {
  compliance: NonNullable<DashboardData["compliance"]>;
  contentWaiting: number;
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  const atLeast = (value: number) => (value >= DASHBOARD_COUNT_CAP ? `${n(DASHBOARD_COUNT_CAP)}+` : n(value));
  const months = monthsBetween(compliance.year.from, compliance.year.to);
  const { compliant, required, rate: overall } = complianceTotals(compliance.byJurisdiction);
  const rateIn = (jurisdiction: string, month: string) => {
    const row = compliance.byMonth.find((r) => r.jurisdiction === jurisdiction && r.month === month);
    const rate = row ? complianceRate(row.compliant, row.required) : null;
    return rate === null ? null : rate * 100;
  };
  const colors = ["var(--color-series-cost)", "var(--color-series-revenue)", "var(--color-series-emv)", "#be185d"];
  return (
    <section aria-labelledby="compliance-title" className="dashboard-section">
      <h2 id="compliance-title">{t("dashboard.complianceTitle")}</h2>
      <div className="stat-tiles">
        <StatTile
          to="/compliance"
          label={t("dashboard.tiles.openQueue")}
          value={atLeast(compliance.open)}
          tone={compliance.open ? "bad" : undefined}
          note={t("dashboard.tiles.openQueueNote")}
        />
        <ContentReviewTile waiting={contentWaiting} />
        <StatTile
          to="/compliance/summary"
          label={t("dashboard.tiles.rate12m")}
          value={overall === null ? "—" : formatPercent(i18n.language, overall * 100)}
          note={t("dashboard.tiles.rateNote", { compliant: n(compliant), required: n(required) })}
        />
      </div>
      {compliance.byJurisdiction.length ? (
        <div className="two-columns">
          <section className="card" aria-label={t("dashboard.rateChart")}>
            <LineChart
              title={t("dashboard.rateChart")}
              summary={t("dashboard.rateChartSummary")}
              dates={months.map((month) => `${month}-01`)}
              dateLabels={months.map((month) => formatMonth(i18n.language, month, { month: "long", year: "numeric" }))}
              dateHeader={t("costBenefit.month")}
              series={compliance.byJurisdiction.map((row, i) => ({
                key: row.jurisdiction,
                label: t(`jurisdictions.${row.jurisdiction}` as "jurisdictions.FR", { defaultValue: row.jurisdiction }),
                color: colors[i % colors.length],
                values: months.map((month) => rateIn(row.jurisdiction, month)),
              }))}
              yDomain={[0, 100]}
              format={(value) => formatPercent(i18n.language, value)}
              formatTick={(value) => formatPercent(i18n.language, value, 0)}
              formatDateTick={(date) => formatDate(i18n.language, date, { month: "short", year: "2-digit", timeZone: "UTC" })}
            />
          </section>
          <section className="card" aria-labelledby="rate-table-title">
            <h3 id="rate-table-title" className="mt-0">
              {t("dashboard.rateByJurisdiction", { from: formatDay(i18n.language, compliance.from) })}
            </h3>
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("coverage.jurisdiction")}</th>
                    <th scope="col" className="numeric">
                      {t("summary.complianceRate")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("summary.awaitingReview")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {compliance.byJurisdiction.map((row) => (
                    <tr key={row.jurisdiction}>
                      <th scope="row">
                        {t(`jurisdictions.${row.jurisdiction}` as "jurisdictions.FR", { defaultValue: row.jurisdiction })}
                      </th>
                      <td className="numeric">
                        <KpiValue name="complianceRate" value={complianceRate(row.compliant, row.required)} currency="" />
                      </td>
                      <td className="numeric">{n(row.open)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      ) : (
        <p className="hint">{t("dashboard.noChecks")}</p>
      )}
    </section>
  );
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, hasData, cm, marketing, compliance, contentReview, currency } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name })} />
      {hasData ? null : <p className="lead">{t("dashboard.intro")}</p>}
      {cm ? <CmSection cm={cm} contentWaiting={contentReview?.community ?? 0} /> : null}
      {marketing && currency ? <MarketingSection marketing={marketing} currency={currency} /> : null}
      {compliance ? <ComplianceSection compliance={compliance} contentWaiting={contentReview?.compliance ?? 0} /> : null}
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
    </>
  );
}
