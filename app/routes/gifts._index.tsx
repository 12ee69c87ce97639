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
import { giftValueMinor, type GiftValuationBasis } from "~/shared/money";
import { GiftListQuerySchema, giftStatuses } from "~/features/spend";
import { campaignChoices, listGifts } from "~/features/spend/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";
import { formatDay } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "gifts:read");
  const query = GiftListQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const [list, campaigns, settings] = await Promise.all([listGifts(query), campaignChoices(), getSettings()]);
  return json({
    ...list,
    query,
    campaigns,
    basis: settings.giftValuationBasis,
    canWrite: can(user.role, "gifts:write"),
    canRecordCoverage: can(user.role, "coverage:write"),
  });
}

type GiftRow = SerializeFrom<typeof loader>["rows"][number];

function useGiftColumns(basis: GiftValuationBasis, canRecordCoverage: boolean) {
  const { t, i18n } = useTranslation();
  return useMemo<ColumnDef<GiftRow>[]>(
    () => [
      {
        id: "item",
        header: () => t("gifts.item"),
        cell: ({ row: { original: gift } }) => (
          <Link to={`/gifts/${gift.id}`}>
            {gift.quantity} × {gift.itemName}
          </Link>
        ),
      },
      {
        id: "partner",
        header: () => t("common.partner"),
        cell: ({ row: { original: gift } }) => (
          <>
            <Link to={`/partners/${gift.partner.id}`}>{gift.partner.name}</Link> <StageBadge stage={gift.partner.stage} />
          </>
        ),
      },
      {
        id: "campaign",
        header: () => t("campaigns.campaign"),
        cell: ({ row: { original: gift } }) =>
          gift.campaign ? <Link to={`/campaigns/${gift.campaign.id}`}>{gift.campaign.name}</Link> : "—",
      },
      {
        id: "status",
        header: () => t("common.status"),
        cell: ({ row: { original: gift } }) => <SpendStatusBadge kind="gift" status={gift.status} />,
      },
      {
        id: "shippedOn",
        header: () => t("gifts.shippedOn"),
        cell: ({ row: { original: gift } }) => (gift.shippedOn ? formatDay(i18n.language, gift.shippedOn) : "—"),
      },
      {
        id: "value",
        // Values are in each gift's own currency, so the server cannot order them as one figure.
        enableSorting: false,
        meta: { numeric: true },
        header: () => `${t("gifts.value")} (${t(`money.basis.${basis}`)})`,
        cell: ({ row: { original: gift } }) => <Money minor={giftValueMinor(gift, basis)} currency={gift.currency} />,
      },
      {
        id: "expectedReturn",
        enableSorting: false,
        header: () => t("gifts.expectedReturn"),
        cell: ({ row: { original: gift } }) => (
          <>
            {gift.expectedReturn ?? "—"}
            {canRecordCoverage ? (
              <div>
                <Link to={`/coverage/new?partnerId=${gift.partner.id}&giftId=${gift.id}`}>{t("gifts.recordCoverage")}</Link>
              </div>
            ) : null}
          </>
        ),
      },
    ],
    [t, i18n.language, basis, canRecordCoverage],
  );
}

export default function Gifts() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, query, campaigns, basis, canWrite, canRecordCoverage } = useLoaderData<typeof loader>();
  const columns = useGiftColumns(basis, canRecordCoverage);
  const listSort = useListSort(query);
  const waiting = query.waitingDays !== undefined;
  return (
    <>
      <PageHeader title={waiting ? t("gifts.waitingTitle", { days: String(query.waitingDays) }) : t("gifts.title")}>
        {canWrite ? (
          <>
            <Link to="/gifts/new" className="button">
              {t("gifts.new")}
            </Link>
            <Link to="/gifts/import" className="button button-quiet">
              {t("import.giftsTitle")}
            </Link>
          </>
        ) : null}
        <Link to="/products" className="button button-quiet">
          {t("products.title")}
        </Link>
      </PageHeader>
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <FilterSelect
          allLabel={t("filterAll.status")}
          id="gift-status"
          name="status"
          label={t("common.status")}
          value={query.status}
          options={giftStatuses.map((s) => ({ value: s, label: t(`giftStatuses.${s}`) }))}
        />
        <FilterSelect
          allLabel={t("filterAll.campaign")}
          id="gift-campaign"
          name="campaignId"
          label={t("campaigns.campaign")}
          value={query.campaignId}
          options={campaignOptions(campaigns, t, i18n.language)}
        />
        <div className="field">
          <label htmlFor="gift-waiting">{t("gifts.waitingDays")}</label>
          <input
            id="gift-waiting"
            name="waitingDays"
            type="number"
            min={0}
            max={3650}
            inputMode="numeric"
            defaultValue={query.waitingDays ?? ""}
          />
        </div>
        {query.partnerId ? <input type="hidden" name="partnerId" value={query.partnerId} /> : null}
        <SortInputs sort={query.sort} dir={query.dir} />
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
        <Link to="/gifts?waitingDays=30">{t("gifts.waitingLink")}</Link>
      </Form>
      {query.batch ? (
        <p className="notice" role="status">
          {t("gifts.batchShown")} <Link to="/gifts">{t("gifts.showAll")}</Link>
        </p>
      ) : null}
      {rows.length ? (
        <section className="card">
          <DataTable
            data={rows}
            columns={columns}
            caption={t("gifts.title")}
            getRowId={(gift) => gift.id}
            columnVisibility={{ expectedReturn: waiting }}
            {...listSort}
          />
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("gifts.emptyTitle")}>{waiting ? t("gifts.nothingWaiting") : t("gifts.empty")}</EmptyState>
      )}
    </>
  );
}
