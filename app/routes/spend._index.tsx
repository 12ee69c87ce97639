import { committedMinor } from "~/shared/money";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MissingRatesNotice, Money } from "~/components/money";
import { campaignOptions, FilterSelect } from "~/components/filter-select";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { useSearchHref } from "~/components/use-search-href";
import { monthsBetween } from "~/shared/days";
import { parseSpendQuery, spendViews, SpendByMonthChart } from "~/features/spend";
import { campaignChoices, spendReport } from "~/features/spend/index.server";
import { listOwners } from "~/features/partners/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { formatDate, formatNumber, formatPercent } from "~/shared/format";
import { FilterProblems } from "~/components/filter-problems";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  const { query, problems } = parseSpendQuery(new URL(request.url).searchParams, new Date().toISOString().slice(0, 10));
  const settings = await getSettings();
  const paged = query.view === "partner" || query.view === "campaign";
  const [report, campaigns, owners] = await Promise.all([
    spendReport({
      filter: query,
      grouping: query.view,
      currency: settings.reportingCurrency,
      basis: settings.giftValuationBasis,
      page: paged ? query.page : null,
    }),
    campaignChoices(),
    listOwners(),
  ]);
  return json({ report, query, problems, campaigns, owners, paged }, { status: problems.length ? 400 : 200 });
}

function monthLabel(locale: string, key: string) {
  return formatDate(locale, `${key}-01T00:00:00Z`, { month: "long", year: "numeric", timeZone: "UTC" });
}

export default function Spend() {
  const { t, i18n } = useTranslation();
  const { report, query, problems, campaigns, owners, paged } = useLoaderData<typeof loader>();
  const href = useSearchHref();
  const location = useLocation();
  const currency = report.currency;
  const cost = committedMinor(report.total);
  // The chart shows every month of the period in order, empty ones too.
  const byMonth = new Map(report.groups.map((group) => [group.key, group]));
  const knownMonths = report.groups
    .map((group) => group.key)
    .filter((key): key is string => Boolean(key))
    .sort();
  const chartMonths = knownMonths.length ? monthsBetween(query.from ?? `${knownMonths[0]}-01`, query.to ?? `${knownMonths.at(-1)}-01`) : [];
  const empty = report.total.giftCount + report.total.placementCount + report.total.paymentCount === 0;
  const label = (key: string | null): string => {
    if (query.view === "month") return key ? monthLabel(i18n.language, key) : "—";
    if (query.view === "kind") return String(t(`spend.kinds.${key as "gift"}`));
    if (key === null) return t("campaigns.none");
    return report.groups.find((g) => g.key === key)?.label ?? key;
  };
  return (
    <>
      <PageHeader title={t("spend.title")}>
        <a href={`/spend/export${location.search}`} className="button button-quiet" download>
          {t("common.exportCsv")}
        </a>
      </PageHeader>
      <nav className="tabs" aria-label={t("spend.views")}>
        {spendViews.map((view) => (
          <Link key={view} to={href({ view, page: null })} aria-current={query.view === view ? "page" : undefined}>
            {t(`spend.view.${view}`)}
          </Link>
        ))}
      </nav>
      <FilterProblems
        problems={problems}
        labels={{
          from: t("common.from"),
          to: t("common.to"),
          country: t("partners.country"),
          campaignId: t("campaigns.campaign"),
          ownerId: t("partners.owner"),
          page: t("common.page"),
        }}
      />
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <input type="hidden" name="view" value={query.view} />
        <div className="field field-date">
          <label htmlFor="spend-from">{t("common.from")}</label>
          <input
            id="spend-from"
            name="from"
            type="date"
            defaultValue={query.from ?? ""}
            aria-invalid={problems.some((p) => p.field === "from") || undefined}
          />
        </div>
        <div className="field field-date">
          <label htmlFor="spend-to">{t("common.to")}</label>
          <input
            id="spend-to"
            name="to"
            type="date"
            defaultValue={query.to ?? ""}
            aria-invalid={problems.some((p) => p.field === "to") || undefined}
          />
        </div>
        <FilterSelect
          allLabel={t("filterAll.campaign")}
          id="spend-campaign"
          name="campaignId"
          label={t("campaigns.campaign")}
          value={query.campaignId}
          options={campaignOptions(campaigns, t, i18n.language)}
        />
        <FilterSelect
          allLabel={t("filterAll.owner")}
          id="spend-owner"
          name="ownerId"
          label={t("partners.owner")}
          value={query.ownerId}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <div className="field field-narrow">
          <label htmlFor="spend-country">{t("partners.country")}</label>
          <input
            id="spend-country"
            name="country"
            maxLength={40}
            size={3}
            defaultValue={query.country ?? ""}
            aria-invalid={problems.some((p) => p.field === "country") || undefined}
          />
        </div>
        {query.partnerId ? <input type="hidden" name="partnerId" value={query.partnerId} /> : null}
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
      </Form>
      <MissingRatesNotice missing={report.missingRates} currency={currency} />
      {empty ? (
        <EmptyState title={t("spend.emptyTitle")}>{t("spend.empty")}</EmptyState>
      ) : (
        <section className="card" aria-labelledby="spend-table-title">
          <h2 id="spend-table-title">{t(`spend.view.${query.view}`)}</h2>
          <p className="hint">{t("spend.basisNote", { currency, basis: t(`money.basis.${report.basis}`) })}</p>
          {query.view === "month" && chartMonths.length > 1 ? (
            <SpendByMonthChart months={chartMonths} spendIn={(month) => byMonth.get(month)} currency={currency} />
          ) : null}
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t(`spend.view.${query.view}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`spend.groupHeader.${query.view}`)}</th>
                  {query.view === "kind" ? (
                    <>
                      <th scope="col" className="numeric">
                        {t("spend.items")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("spend.partners")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("spend.amount")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("spend.shareOfCost")}
                      </th>
                    </>
                  ) : (
                    <>
                      <th scope="col" className="numeric">
                        {t("spend.gifts")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("spend.placements")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("spend.cost")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("spend.paid")}
                      </th>
                    </>
                  )}
                  <th scope="col" className="numeric">
                    {t("spend.unconverted")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.groups.map((group) => {
                  const amount = committedMinor(group) + (group.key === "payment" ? group.paidMinor : 0);
                  return (
                    <tr key={group.key ?? "none"}>
                      <th scope="row">
                        {query.view === "partner" && group.key ? (
                          <Link to={`/partners/${group.key}`}>{label(group.key)}</Link>
                        ) : query.view === "campaign" && group.key ? (
                          <Link to={`/campaigns/${group.key}`}>{label(group.key)}</Link>
                        ) : (
                          label(group.key)
                        )}
                      </th>
                      {query.view === "kind" ? (
                        <>
                          <td className="numeric">
                            {formatNumber(i18n.language, group.giftCount + group.placementCount + group.paymentCount)}
                          </td>
                          <td className="numeric">{formatNumber(i18n.language, group.partners ?? 0)}</td>
                          <td className="numeric">
                            <Money minor={amount} currency={currency} />
                          </td>
                          <td className="numeric">
                            {group.key !== "payment" && cost > 0 ? formatPercent(i18n.language, (amount / cost) * 100) : "—"}
                          </td>
                        </>
                      ) : (
                        <>
                          <td className="numeric">
                            <Money minor={group.giftsMinor} currency={currency} />
                          </td>
                          <td className="numeric">
                            <Money minor={group.placementsMinor} currency={currency} />
                          </td>
                          <td className="numeric">
                            <Money minor={committedMinor(group)} currency={currency} />
                          </td>
                          <td className="numeric">
                            <Money minor={group.paidMinor} currency={currency} />
                          </td>
                        </>
                      )}
                      <td className="numeric">{group.unconverted ? formatNumber(i18n.language, group.unconverted) : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
              {query.view !== "kind" ? (
                <tfoot>
                  <tr>
                    <th scope="row">{t("spend.total")}</th>
                    <td className="numeric">
                      <Money minor={report.total.giftsMinor} currency={currency} />
                    </td>
                    <td className="numeric">
                      <Money minor={report.total.placementsMinor} currency={currency} />
                    </td>
                    <td className="numeric">
                      <strong>
                        <Money minor={cost} currency={currency} />
                      </strong>
                    </td>
                    <td className="numeric">
                      <Money minor={report.total.paidMinor} currency={currency} />
                    </td>
                    <td className="numeric">{report.total.unconverted ? formatNumber(i18n.language, report.total.unconverted) : "—"}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
          {paged ? <Pagination page={query.page} pageSize={50} total={report.groupCount} /> : null}
        </section>
      )}
    </>
  );
}
