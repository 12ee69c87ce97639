import { json, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, SortInputs } from "~/components/data-table";
import { useListSort } from "~/components/use-search-href";
import { Money, SpendStatusBadge } from "~/components/money";
import { campaignOptions, FilterSelect } from "~/components/filter-select";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { StageBadge, searchParamsObject } from "~/features/partners";
import { PlacementListQuerySchema, placementStatuses } from "~/features/spend";
import { campaignChoices, listPlacements } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";
import { formatDay } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const query = PlacementListQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const canApprove = can(user.role, "spend:approve");
  const [list, campaigns] = await Promise.all([
    listPlacements({ ...query, awaitingApprovalBy: query.mine && canApprove ? user.id : undefined }),
    campaignChoices(),
  ]);
  return json({ ...list, query, campaigns, canWrite: can(user.role, "placements:write"), canApprove });
}

type PlacementRow = SerializeFrom<typeof loader>["rows"][number];

function usePlacementColumns() {
  const { t, i18n } = useTranslation();
  return useMemo<ColumnDef<PlacementRow>[]>(
    () => [
      {
        id: "title",
        header: () => t("placements.placementTitle"),
        cell: ({ row: { original: p } }) => <Link to={`/placements/${p.id}`}>{p.title}</Link>,
      },
      {
        id: "partner",
        header: () => t("common.partner"),
        cell: ({ row: { original: p } }) => (
          <>
            <Link to={`/partners/${p.partner.id}`}>{p.partner.name}</Link> <StageBadge stage={p.partner.stage} />
          </>
        ),
      },
      {
        id: "campaign",
        header: () => t("campaigns.campaign"),
        cell: ({ row: { original: p } }) => (p.campaign ? <Link to={`/campaigns/${p.campaign.id}`}>{p.campaign.name}</Link> : "—"),
      },
      {
        id: "status",
        header: () => t("common.status"),
        cell: ({ row: { original: p } }) => <SpendStatusBadge kind="placement" status={p.status} />,
      },
      { id: "agreedOn", header: () => t("placements.agreedOn"), cell: ({ row: { original: p } }) => formatDay(i18n.language, p.agreedOn) },
      // Fees are in each placement's own currency, so the server cannot order them as one figure.
      {
        id: "fee",
        enableSorting: false,
        meta: { numeric: true },
        header: () => t("placements.fee"),
        cell: ({ row: { original: p } }) => <Money minor={p.feeMinor} currency={p.currency} />,
      },
      {
        id: "proposedBy",
        enableSorting: false,
        header: () => t("placements.proposedBy"),
        cell: ({ row: { original: p } }) => p.proposedBy?.name ?? "—",
      },
    ],
    [t, i18n.language],
  );
}

export default function Placements() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, query, campaigns, canWrite, canApprove } = useLoaderData<typeof loader>();
  const columns = usePlacementColumns();
  const listSort = useListSort(query);
  return (
    <>
      <PageHeader title={query.mine ? t("placements.awaitingMe") : t("placements.title")}>
        {canWrite ? (
          <>
            <Link to="/placements/new" className="button">
              {t("placements.new")}
            </Link>
            <Link to="/placements/import" className="button button-quiet">
              {t("import.placementsTitle")}
            </Link>
          </>
        ) : null}
        {canApprove ? (
          <Link to="/placements?mine=1" className="button button-quiet">
            {t("placements.awaitingMe")}
          </Link>
        ) : null}
      </PageHeader>
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <FilterSelect
          allLabel={t("filterAll.status")}
          id="placement-status"
          name="status"
          label={t("common.status")}
          value={query.status}
          options={placementStatuses.map((s) => ({ value: s, label: t(`placementStatuses.${s}`) }))}
        />
        <FilterSelect
          allLabel={t("filterAll.campaign")}
          id="placement-campaign"
          name="campaignId"
          label={t("campaigns.campaign")}
          value={query.campaignId}
          options={campaignOptions(campaigns, t, i18n.language)}
        />
        <SortInputs sort={query.sort} dir={query.dir} />
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
      </Form>
      {rows.length ? (
        <section className="card">
          <DataTable data={rows} columns={columns} caption={t("placements.title")} getRowId={(placement) => placement.id} {...listSort} />
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("placements.emptyTitle")}>{query.mine ? t("placements.nothingToApprove") : t("placements.empty")}</EmptyState>
      )}
    </>
  );
}
