import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, TableSettings } from "~/components/data-table";
import {
  EmvRatesNote,
  KpiLabel,
  PeriodLine,
  PeriodPicker,
  UnconvertedNotice,
  useFigures,
  valueVerdict,
  type RatioName,
  parseRankingQuery,
} from "~/features/reports";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { FilterProblems } from "~/components/filter-problems";
import { PartnerFilterFields, usePartnerFilterLabels } from "~/features/partners";
import { useListSort } from "~/components/use-search-href";
import { costBenefitRanking, metricsContext, type RankingRow } from "~/features/reports/index.server";
import { listOwners, getTablePreference } from "~/features/partners/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatNumber } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:read");
  const { query, problems } = parseRankingQuery(new URL(request.url).searchParams, new Date().toISOString().slice(0, 10));
  const context = await metricsContext();
  const [ranking, owners, display] = await Promise.all([
    costBenefitRanking(query, context),
    listOwners(),
    getTablePreference(user.id, "ranking"),
  ]);
  return json(
    {
      ...ranking,
      query,
      problems,
      owners,
      density: display.density,
      currency: context.currency,
      basis: context.basis,
      rates: context.rates,
    },
    { status: problems.length ? 400 : 200 },
  );
}

const numeric = { numeric: true };

function useColumns(currency: string, period: { from: string; to: string }) {
  const { t } = useTranslation();
  const figures = useFigures(currency);
  // What decides (value, cost, return) comes first, so the default sort (ROI) is in view at 1440 px;
  // the counts and unit costs behind it follow.
  return useMemo<ColumnDef<RankingRow>[]>(() => {
    const ratioColumn = (name: RatioName): ColumnDef<RankingRow> => ({
      id: name,
      meta: numeric,
      header: () => <KpiLabel name={name} />,
      cell: ({ row }) => figures.kpi(name, row.original.ratios[name]),
    });
    return [
      {
        id: "partner",
        header: () => t("costBenefit.partner"),
        cell: ({ row }) => (
          <Link to={`/partners/${row.original.partnerId}/cost-benefit?period=custom&from=${period.from}&to=${period.to}`}>
            {row.original.name}
          </Link>
        ),
      },
      {
        id: "verdict",
        enableSorting: false,
        header: () => t("costBenefit.verdict"),
        cell: ({ row }) => {
          const verdict = valueVerdict(row.original);
          return <span className={`badge verdict-${verdict}`}>{t(`costBenefit.verdicts.${verdict}`)}</span>;
        },
      },
      { id: "cost", meta: numeric, header: () => <KpiLabel name="cost" />, cell: ({ row }) => figures.money(row.original.costMinor) },
      {
        id: "revenue",
        meta: numeric,
        header: () => t("metrics.revenue"),
        cell: ({ row }) => figures.money(row.original.sums.revenueMinor),
      },
      { id: "emv", meta: numeric, header: () => <KpiLabel name="emv" />, cell: ({ row }) => figures.money(row.original.emvMinor) },
      ratioColumn("roi"),
      ratioColumn("roas"),
      ratioColumn("emvRatio"),
      {
        id: "paidToDate",
        meta: numeric,
        header: () => t("costBenefit.paidToDate"),
        cell: ({ row }) => figures.money(row.original.sums.paidMinor),
      },
      {
        id: "coverageCount",
        meta: numeric,
        header: () => t("costBenefit.coverage"),
        cell: ({ row }) => figures.count(row.original.sums.coverageCount),
      },
      {
        id: "impressions",
        meta: numeric,
        header: () => t("metrics.impressions"),
        cell: ({ row }) => figures.count(row.original.sums.impressions),
      },
      {
        id: "engagements",
        meta: numeric,
        header: () => <KpiLabel name="engagements" />,
        cell: ({ row }) => figures.count(row.original.engagements),
      },
      // Counted by the app, apart from the entered figures; each count links to the orders behind it.
      {
        id: "attributedOrders",
        meta: numeric,
        enableSorting: false,
        header: () => t("costBenefit.lines.attributed_orders"),
        cell: ({ row }) =>
          row.original.sums.orderCount ? (
            <Link to={`/orders?partnerId=${row.original.partnerId}&from=${period.from}&to=${period.to}`}>
              {figures.count(row.original.sums.orderCount)}
            </Link>
          ) : (
            figures.count(0)
          ),
      },
      {
        id: "attributedRevenue",
        meta: numeric,
        enableSorting: false,
        header: () => t("costBenefit.lines.attributed_revenue"),
        cell: ({ row }) => figures.money(row.original.sums.orderCount ? row.original.sums.orderRevenueMinor : null),
      },
      ratioColumn("cpm"),
      ratioColumn("cpe"),
      ratioColumn("cpc"),
      ratioColumn("cpa"),
      ratioColumn("complianceRate"),
      {
        id: "unconverted",
        enableSorting: false,
        header: () => t("costBenefit.unconvertedColumn"),
        cell: ({ row }) =>
          row.original.sums.unconverted ? <span className="badge badge-warning">{row.original.sums.unconverted}</span> : null,
      },
    ];
  }, [t, figures, period.from, period.to]);
}

export default function CostBenefitRanking() {
  const { t, i18n } = useTranslation();
  const { rows, total, query, problems, owners, currency, basis, rates, density } = useLoaderData<typeof loader>();
  const periodProblem = problems.find((problem) => problem.field === "period");
  const listSort = useListSort(query);
  const location = useLocation();
  const navigation = useNavigation();
  const columns = useColumns(currency, query);
  const filterLabels = usePartnerFilterLabels();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const unconverted = rows.reduce((sum, row) => sum + row.sums.unconverted, 0);
  return (
    <>
      <PageHeader title={t("costBenefit.rankingTitle")}>
        <a href={`/reports/cost-benefit/export${location.search}`} className="button button-quiet" download>
          {t("common.exportCsv")}
        </a>
      </PageHeader>
      <p className="lead">{t("costBenefit.rankingIntro")}</p>
      <PeriodPicker period={query} hidden={{ sort: query.sort, dir: query.dir }} error={periodProblem?.message} />
      <FilterProblems problems={problems.filter((problem) => problem !== periodProblem)} labels={filterLabels} />
      <details className="card filters-card">
        <summary>{t("costBenefit.partnerFilters")}</summary>
        <Form method="get" className="filters" role="search" aria-label={t("partnerList.filters")}>
          <input type="hidden" name="period" value={query.preset} />
          <input type="hidden" name="from" value={query.from} />
          <input type="hidden" name="to" value={query.to} />
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <PartnerFilterFields query={query} owners={owners} />
          <div className="form-actions">
            <button type="submit" className="button">
              {t("partnerList.apply")}
            </button>
          </div>
        </Form>
      </details>
      <PeriodLine period={query} />
      <p className="hint">
        {t(`costBenefit.basis.${basis}`)} {t("costBenefit.currencyLine", { currency })}
      </p>
      <EmvRatesNote rates={rates} currency={currency} />
      <UnconvertedNotice count={unconverted} spendHref={`/spend?view=partner&from=${query.from}&to=${query.to}`} />
      <div aria-live="polite" className="list-status">
        {loading ? t("partnerList.loading") : t("costBenefit.rankingCount", { count: total, n: formatNumber(i18n.language, total) })}
      </div>
      <TableSettings table="ranking" density={density} />
      {rows.length === 0 ? (
        <EmptyState>{t("costBenefit.noActivity")}</EmptyState>
      ) : (
        <div className={loading ? "is-loading" : undefined}>
          <DataTable
            data={rows}
            columns={columns}
            getRowId={(row) => row.partnerId}
            caption={t("costBenefit.rankingTitle")}
            {...listSort}
            density={density}
          />
        </div>
      )}
      <Pagination page={query.page ?? 1} pageSize={query.pageSize} total={total} />
    </>
  );
}
