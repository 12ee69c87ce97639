import { json, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, SortInputs } from "~/components/data-table";
import { useListSort } from "~/components/use-search-href";
import { VerdictBadge, CoverageListQuerySchema, verdicts } from "~/features/compliance";
import { disclosurePlatforms } from "~/shared/disclosure-terms";
import { campaignOptions, FilterSelect } from "~/components/filter-select";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { searchParamsObject } from "~/features/partners";
import { campaignChoices } from "~/features/spend/index.server";
import { listCoverage } from "~/features/compliance/index.server";
import { countPendingCaptures } from "~/features/attribution/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDay, formatNumber } from "~/shared/format";
import { can } from "~/shared/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "coverage:read");
  const query = CoverageListQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const [list, campaigns, pendingCaptures] = await Promise.all([listCoverage(query), campaignChoices(), countPendingCaptures()]);
  return json({ ...list, query, campaigns, pendingCaptures, canWrite: can(user.role, "coverage:write") });
}

type CoverageRow = SerializeFrom<typeof loader>["rows"][number];

function useCoverageColumns() {
  const { t, i18n } = useTranslation();
  return useMemo<ColumnDef<CoverageRow>[]>(
    () => [
      {
        id: "item",
        header: () => t("coverage.item"),
        cell: ({ row: { original: item } }) => (
          <>
            <Link to={`/coverage/${item.id}`} className={item.title ? undefined : "break-anywhere"}>
              {item.title ?? item.url}
            </Link>{" "}
            <span className="muted">{t(`platforms.${item.platform}`)}</span>
          </>
        ),
      },
      {
        id: "partner",
        header: () => t("common.partner"),
        cell: ({ row: { original: item } }) => <Link to={`/partners/${item.partner.id}`}>{item.partner.name}</Link>,
      },
      {
        id: "campaign",
        header: () => t("campaigns.campaign"),
        cell: ({ row: { original: item } }) =>
          item.campaign ? <Link to={`/campaigns/${item.campaign.id}`}>{item.campaign.name}</Link> : "—",
      },
      {
        id: "publishedOn",
        header: () => t("coverage.publishedOn"),
        cell: ({ row: { original: item } }) => formatDay(i18n.language, item.publishedOn),
      },
      {
        id: "impressions",
        meta: { numeric: true },
        header: () => t("metrics.impressions"),
        cell: ({ row: { original: item } }) =>
          item.impressions === null ? <span title={t("metrics.unknown")}>—</span> : formatNumber(i18n.language, item.impressions),
      },
      {
        id: "disclosure",
        enableSorting: false,
        header: () => t("coverage.disclosure"),
        cell: ({ row: { original: item } }) =>
          item.checks.map((check) => (
            <span key={check.jurisdiction}>
              {check.jurisdiction} <VerdictBadge verdict={check.verdict} />{" "}
            </span>
          )),
      },
    ],
    [t, i18n.language],
  );
}

export default function Coverage() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, query, campaigns, pendingCaptures, canWrite } = useLoaderData<typeof loader>();
  const columns = useCoverageColumns();
  const listSort = useListSort(query);
  return (
    <>
      <PageHeader title={t("coverage.title")}>
        <Link to="/coverage/captured" className="button button-quiet" data-testid="captured-link">
          {t("coverage.capturedLink")}
          {pendingCaptures ? <span className="count-badge">{formatNumber(i18n.language, pendingCaptures)}</span> : null}
        </Link>
        {canWrite ? (
          <>
            <Link to="/coverage/new" className="button">
              {t("coverage.new")}
            </Link>
            <Link to="/coverage/import" className="button button-quiet">
              {t("import.coverageTitle")}
            </Link>
          </>
        ) : null}
      </PageHeader>
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <FilterSelect
          allLabel={t("filterAll.platform")}
          id="coverage-platform"
          name="platform"
          label={t("coverage.platform")}
          value={query.platform}
          options={disclosurePlatforms.map((p) => ({ value: p, label: t(`platforms.${p}`) }))}
        />
        <FilterSelect
          allLabel={t("filterAll.campaign")}
          id="coverage-campaign"
          name="campaignId"
          label={t("campaigns.campaign")}
          value={query.campaignId}
          options={campaignOptions(campaigns, t, i18n.language)}
        />
        <FilterSelect
          allLabel={t("filterAll.verdict")}
          id="coverage-verdict"
          name="verdict"
          label={t("coverage.verdict")}
          value={query.verdict}
          options={verdicts.map((v) => ({ value: v, label: t(`verdicts.${v}`) }))}
        />
        {query.partnerId ? <input type="hidden" name="partnerId" value={query.partnerId} /> : null}
        <SortInputs sort={query.sort} dir={query.dir} />
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
      </Form>
      {rows.length ? (
        <section className="card">
          <DataTable data={rows} columns={columns} caption={t("coverage.title")} getRowId={(item) => item.id} {...listSort} />
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("coverage.emptyTitle")}>{t("coverage.empty")}</EmptyState>
      )}
    </>
  );
}
