import { committedMinor, wouldExceedBudget } from "~/shared/money";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MissingRatesNotice, Money } from "~/components/money";
import { PageHeader } from "~/components/page";
import { budgetOverrides, campaignSpend, campaignSpendByMonth, getCampaign, setCampaignArchived } from "~/features/spend/index.server";
import { LineChart } from "~/components/charts";
import { cumulativeByMonth, CostBenefitSummary, EmvRatesNote, KpiValue, PartnerRoiList } from "~/features/reports";
import { monthsBetween } from "~/shared/days";
import { campaignResults, metricsContext } from "~/features/reports/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { answerRuleViolation } from "~/utils/forms.server";
import { can } from "~/shared/permissions";
import { formatCompactMoney, formatDate, formatDay, formatDateTime, formatMoney, formatMonth, formatPercent } from "~/shared/format";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";
import { useCount } from "~/components/use-count";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const campaign = await getCampaign(params.campaignId!);
  if (!campaign) notFound();
  const context = await metricsContext();
  const [spend, overrides, results, byMonth] = await Promise.all([
    campaignSpend(campaign),
    budgetOverrides(campaign.id),
    campaignResults(campaign.id, context),
    campaignSpendByMonth(campaign),
  ]);
  return json({
    results,
    currency: context.currency,
    emvRates: context.rates,
    campaign,
    spend,
    byMonth,
    overrides,
    canWrite: can(user.role, "campaigns:write"),
    canGift: can(user.role, "gifts:write"),
    canPropose: can(user.role, "placements:write"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "campaigns:write");
  const archive = (await request.formData()).get("intent") === "archive";
  return answerRuleViolation(async () => {
    await setCampaignArchived(user.id, params.campaignId!, archive);
    return redirectWithToast(`/campaigns/${params.campaignId}`, {
      kind: "success",
      message: archive ? "campaigns.archived" : "campaigns.restored",
    });
  });
}

function BudgetBar({ label, minor, budget, currency }: { label: string; minor: number; budget: number | null; currency: string }) {
  const { i18n } = useTranslation();
  const share = budget ? (minor / budget) * 100 : null;
  return (
    <div className="budget-line">
      <span>{label}</span>
      <strong>
        <Money minor={minor} currency={currency} />
      </strong>
      {share !== null ? (
        <>
          <meter
            className="budget-meter"
            min={0}
            max={100}
            low={80}
            high={100}
            optimum={0}
            value={Math.min(share, 100)}
            aria-label={label}
          />
          <span className={`budget-share ${share > 100 ? "badge badge-danger" : "muted"}`}>{formatPercent(i18n.language, share, 0)}</span>
        </>
      ) : null}
    </div>
  );
}

/** Committed spend added up month by month against the budget, from the campaign's start. */
function BudgetBurn() {
  const { t, i18n } = useTranslation();
  const { campaign, byMonth } = useLoaderData<typeof loader>();
  const known = byMonth.map((m) => m.month).sort();
  const first = [campaign.startsOn?.slice(0, 7), known[0]].filter(Boolean).sort()[0];
  const today = new Date().toISOString().slice(0, 7);
  const end = campaign.endsOn && campaign.endsOn.slice(0, 7) < today ? campaign.endsOn.slice(0, 7) : today;
  const last = [end, known.at(-1)].filter(Boolean).sort().at(-1);
  if (!first || !last || known.length === 0) return null;
  const months = monthsBetween(`${first}-01`, `${last}-01`);
  if (months.length < 2) return null;
  const money = (minor: number) => formatMoney(i18n.language, minor, campaign.currency);
  return (
    <section className="card" aria-label={t("campaigns.burnTitle")}>
      <LineChart
        title={t("campaigns.burnTitle")}
        summary={t("campaigns.burnSummary", { currency: campaign.currency })}
        dates={months.map((month) => `${month}-01`)}
        dateLabels={months.map((month) => formatMonth(i18n.language, month, { month: "long", year: "numeric" }))}
        dateHeader={t("costBenefit.month")}
        series={[
          {
            key: "committed",
            label: t("campaigns.committed"),
            color: "var(--color-series-cost)",
            values: cumulativeByMonth(months, byMonth),
          },
          ...(campaign.budgetMinor !== null
            ? [
                {
                  key: "budget",
                  label: t("campaigns.budget"),
                  color: "var(--color-bad)",
                  values: months.map(() => campaign.budgetMinor),
                  dashed: true,
                },
              ]
            : []),
        ]}
        format={money}
        formatTick={(minor) => formatCompactMoney(i18n.language, minor, campaign.currency)}
        formatDateTick={(date) => formatDate(i18n.language, date, { month: "short", year: "2-digit", timeZone: "UTC" })}
      />
    </section>
  );
}

export default function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { campaign, spend, overrides, canWrite, canGift, canPropose } = useLoaderData<typeof loader>();
  const committed = committedMinor(spend.total);
  return (
    <>
      <PageHeader title={campaign.name}>
        {canGift ? (
          <Link to={`/gifts/new?campaignId=${campaign.id}`} className="button">
            {t("gifts.new")}
          </Link>
        ) : null}
        {canPropose ? (
          <Link to={`/placements/new?campaignId=${campaign.id}`} className="button">
            {t("placements.new")}
          </Link>
        ) : null}
        {canWrite ? (
          <Link to={`/campaigns/${campaign.id}/edit`} className="button button-quiet">
            {t("common.edit")}
          </Link>
        ) : null}
      </PageHeader>
      {campaign.archivedAt ? <div className="banner">{t("campaigns.archivedBanner")}</div> : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="budget-title">
          <h2 id="budget-title">{t("campaigns.budgetTitle")}</h2>
          {campaign.budgetMinor !== null ? (
            <p>
              {t("campaigns.budget")}: <Money minor={campaign.budgetMinor} currency={campaign.currency} />
            </p>
          ) : (
            <p className="muted">{t("campaigns.noBudget")}</p>
          )}
          <BudgetBar label={t("campaigns.committed")} minor={committed} budget={campaign.budgetMinor} currency={campaign.currency} />
          <BudgetBar label={t("campaigns.paid")} minor={spend.total.paidMinor} budget={campaign.budgetMinor} currency={campaign.currency} />
          <p className="hint">
            {t("campaigns.committedSplit", {
              gifts: String(spend.total.giftCount),
              placements: String(spend.total.placementCount),
            })}{" "}
            ({t(`money.basis.${spend.basis}`)})
          </p>
          {wouldExceedBudget(campaign.budgetMinor, committed) ? (
            <p className="banner banner-danger" role="status">
              {t("campaigns.isOverBudget")}
            </p>
          ) : null}
          <MissingRatesNotice missing={spend.missingRates} currency={campaign.currency} />
          <p>
            <Link to={`/gifts?campaignId=${campaign.id}`}>{t("campaigns.seeGifts")}</Link> ·{" "}
            <Link to={`/placements?campaignId=${campaign.id}`}>{t("campaigns.seePlacements")}</Link> ·{" "}
            <Link to={`/spend?campaignId=${campaign.id}&from=&to=`}>{t("campaigns.seeSpend")}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="campaign-details">
          <h2 id="campaign-details">{t("common.details")}</h2>
          <dl>
            <dt>{t("campaigns.dates")}</dt>
            <dd>
              {campaign.startsOn ? formatDay(i18n.language, campaign.startsOn) : "—"} →{" "}
              {campaign.endsOn ? formatDay(i18n.language, campaign.endsOn) : "—"}
            </dd>
            <dt>{t("campaigns.jurisdictions")}</dt>
            <dd>
              {campaign.jurisdictions.length
                ? campaign.jurisdictions.map((j) => t(`jurisdictions.${j}` as "jurisdictions.FR")).join(", ")
                : t("campaigns.workspaceDefault")}
            </dd>
            <dt>{t("campaigns.products")}</dt>
            <dd>{campaign.products.length ? campaign.products.map((p) => p.name).join(", ") : "—"}</dd>
            <dt>{t("campaigns.keywords")}</dt>
            <dd>{campaign.keywords.length ? campaign.keywords.join(", ") : "—"}</dd>
          </dl>
          {campaign.brief ? <p className="prewrap">{campaign.brief}</p> : null}
          {canWrite ? (
            <Form method="post">
              <button type="submit" name="intent" value={campaign.archivedAt ? "restore" : "archive"} className="button button-quiet">
                {campaign.archivedAt ? t("common.restore") : t("common.archive")}
              </button>
            </Form>
          ) : null}
        </section>
      </div>
      <BudgetBurn />
      <CampaignResults />
      {overrides.length ? (
        <section className="card" aria-labelledby="overrides-title">
          <h2 id="overrides-title">{t("campaigns.overrides")}</h2>
          <ul className="plain-list">
            {overrides.map((o) => (
              <li key={o.id}>
                <Link to={`/${o.kind === "gift" ? "gifts" : "placements"}/${o.id}`}>{o.label}</Link> ·{" "}
                {t("campaigns.overrideBy", { name: o.by, when: formatDateTime(i18n.language, o.at) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The campaign report: its KPIs over every row tagged with it, top and bottom partners, disclosure record. */
function CampaignResults() {
  const { t } = useTranslation();
  const count = useCount();
  const { campaign, results, currency, emvRates } = useLoaderData<typeof loader>();
  const { figures, best, worst } = results;
  return (
    <section className="card" id="results" aria-labelledby="results-title">
      <h2 id="results-title">{t("campaigns.resultsTitle")}</h2>
      {figures.empty ? (
        <p className="hint">{t("campaigns.noResults")}</p>
      ) : (
        <>
          <p className="hint">{t("campaigns.resultsHint", { currency })}</p>
          <CostBenefitSummary
            figures={figures}
            currency={currency}
            links={{
              gifts: `/gifts?campaignId=${campaign.id}`,
              placements: `/placements?campaignId=${campaign.id}`,
              coverage: `/coverage?campaignId=${campaign.id}`,
            }}
          />
          <EmvRatesNote rates={emvRates} currency={currency} />
          <div className="kpi-columns">
            <div>
              <h3>{t("campaigns.topPartners")}</h3>
              <PartnerRoiList
                rows={best}
                currency={currency}
                label={t("campaigns.topPartners")}
                empty={t("dashboard.noneAboveBreakEven")}
              />
            </div>
            <div>
              <h3>{t("campaigns.bottomPartners")}</h3>
              <PartnerRoiList
                rows={worst}
                currency={currency}
                label={t("campaigns.bottomPartners")}
                empty={t("dashboard.noneBelowBreakEven")}
              />
            </div>
          </div>
          <h3>{t("partners.disclosureRecord")}</h3>
          <p>
            {t("campaigns.disclosureLine", {
              required: count("checksNeeded", figures.sums.disclosureRequired),
              compliant: count("wereCompliant", figures.sums.disclosureCompliant),
            })}{" "}
            <KpiValue name="complianceRate" value={figures.ratios.complianceRate} currency={currency} /> ·{" "}
            <Link to={`/compliance?campaignId=${campaign.id}`}>{t("campaigns.openQueue")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
