import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { ArchivedBadge, StageBadge } from "~/components/partner-badges";
import { hasPartnerFilters, pageSizes, partnerColumns, PartnerListQuerySchema, searchParamsObject, type PartnerColumn } from "~/domain/partner-list";
import { partnerKinds, partnerStages, platforms } from "~/domain/partners";
import { listOwners, listPartners } from "~/models/partner.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { can } from "~/utils/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const query = PartnerListQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const [{ rows, total }, owners] = await Promise.all([listPartners(query), listOwners()]);
  return json({ rows, total, owners, query, canWrite: can(user.role, "partners:write") });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function useHref() {
  const location = useLocation();
  return (change: Record<string, string | null>) => {
    const params = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    return `${location.pathname}?${params}`;
  };
}

function useColumns(): ColumnDef<Row>[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row }) => (
          <>
            <Link to={`/partners/${row.original.id}`}>{row.original.name}</Link>
            {row.original.archivedAt ? <> <ArchivedBadge /></> : null}
          </>
        ),
      },
      { id: "kind", header: t("columns.kind"), enableSorting: false, cell: ({ row }) => t(`kinds.${row.original.kind}`) },
      { id: "stage", header: t("columns.stage"), cell: ({ row }) => <StageBadge stage={row.original.stage} /> },
      { id: "country", header: t("columns.country"), cell: ({ row }) => row.original.country ?? "—" },
      { id: "language", header: t("columns.language"), enableSorting: false, cell: ({ row }) => row.original.language ?? "—" },
      {
        id: "followers",
        header: t("columns.followers"),
        cell: ({ row }) => <span className="numeric">{formatNumber(i18n.language, row.original.totalFollowers)}</span>,
      },
      {
        id: "platforms",
        header: t("columns.platforms"),
        enableSorting: false,
        cell: ({ row }) => row.original.channels.map((channel) => t(`platforms.${channel.platform}`)).join(", ") || "—",
      },
      { id: "tags", header: t("columns.tags"), enableSorting: false, cell: ({ row }) => row.original.tags.join(", ") || "—" },
      { id: "owner", header: t("columns.owner"), enableSorting: false, cell: ({ row }) => row.original.owner?.name ?? "—" },
      { id: "email", header: t("columns.email"), enableSorting: false, cell: ({ row }) => row.original.email ?? "—" },
      { id: "updatedAt", header: t("columns.updatedAt"), cell: ({ row }) => formatDate(i18n.language, row.original.updatedAt) },
    ],
    [t, i18n.language],
  );
}

function Filters() {
  const { t } = useTranslation();
  const { query, owners } = useLoaderData<typeof loader>();
  const visible = new Set<PartnerColumn>(query.cols.length ? query.cols : partnerColumns);
  const first = (values: string[]) => values[0] ?? "";
  return (
    <Form method="get" className="filters" role="search" aria-label={t("partnerList.filters")}>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="field field-wide">
        <label htmlFor="partner-search">{t("partnerList.search")}</label>
        <input id="partner-search" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("partnerList.searchHint")} />
      </div>
      <div className="field">
        <label htmlFor="filter-stage">{t("columns.stage")}</label>
        <select id="filter-stage" name="stage" defaultValue={first(query.stage)}>
          <option value="">{t("partnerList.any")}</option>
          {partnerStages.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stages.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kind">{t("columns.kind")}</label>
        <select id="filter-kind" name="kind" defaultValue={first(query.kind)}>
          <option value="">{t("partnerList.any")}</option>
          {partnerKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-platform">{t("channels.platform")}</label>
        <select id="filter-platform" name="platform" defaultValue={first(query.platform)}>
          <option value="">{t("partnerList.any")}</option>
          {platforms.map((platform) => (
            <option key={platform} value={platform}>
              {t(`platforms.${platform}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-country">{t("columns.country")}</label>
        <input id="filter-country" name="country" defaultValue={query.country.join(",")} maxLength={40} />
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-language">{t("columns.language")}</label>
        <input id="filter-language" name="language" defaultValue={query.language.join(",")} maxLength={40} />
      </div>
      <div className="field">
        <label htmlFor="filter-tag">{t("partnerList.tag")}</label>
        <input id="filter-tag" name="tag" defaultValue={query.tag.join(",")} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="filter-owner">{t("columns.owner")}</label>
        <select id="filter-owner" name="owner" defaultValue={query.owner ?? ""}>
          <option value="">{t("partnerList.any")}</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-min">{t("partnerList.followersMin")}</label>
        <input id="filter-min" name="followersMin" type="number" min={0} defaultValue={query.followersMin ?? ""} />
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-max">{t("partnerList.followersMax")}</label>
        <input id="filter-max" name="followersMax" type="number" min={0} defaultValue={query.followersMax ?? ""} />
      </div>
      <div className="field field-checkbox">
        <input id="filter-overdue" type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} />
        <label htmlFor="filter-overdue">{t("tasks.filterOverdue")}</label>
      </div>
      <div className="field field-checkbox">
        <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={query.archived} />
        <label htmlFor="filter-archived">{t("partnerList.showArchived")}</label>
      </div>
      <div className="field">
        <label htmlFor="filter-page-size">{t("partnerList.pageSize")}</label>
        <select id="filter-page-size" name="pageSize" defaultValue={String(query.pageSize)}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <details className="column-picker">
        <summary>{t("partnerList.columns")}</summary>
        <fieldset>
          <legend className="visually-hidden">{t("partnerList.columns")}</legend>
          {partnerColumns.map((column) => (
            <label key={column}>
              <input type="checkbox" name="cols" value={column} defaultChecked={visible.has(column)} /> {t(`columns.${column}`)}
            </label>
          ))}
        </fieldset>
      </details>
      <div className="form-actions">
        <button type="submit" className="button">
          {t("partnerList.apply")}
        </button>
        <Link to="/partners" className="button button-quiet">
          {t("partnerList.clear")}
        </Link>
      </div>
    </Form>
  );
}

export default function Partners() {
  const { t, i18n } = useTranslation();
  const { rows, total, query, canWrite } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const href = useHref();
  const columns = useColumns();
  const visible = new Set<string>(query.cols.length ? query.cols : partnerColumns);
  const columnVisibility = Object.fromEntries(partnerColumns.map((column) => [column, visible.has(column)]));
  const loading = navigation.state === "loading" && navigation.location.pathname === "/partners";
  return (
    <>
      <PageHeader title={t("partners.title")}>
        <a href={`/partners/export${location.search}`} className="button button-quiet" download>
          {t("import.export")}
        </a>
        {canWrite ? (
          <>
            <Link to="/partners/import" className="button button-quiet">
              {t("import.title")}
            </Link>
            <Link to="/partners/new" className="button">
              {t("partners.new")}
            </Link>
          </>
        ) : null}
      </PageHeader>
      <Filters />
      <div aria-live="polite" className="list-status">
        {loading ? t("partnerList.loading") : t("partnerList.count", { count: total, formatted: formatNumber(i18n.language, total) })}
      </div>
      {rows.length === 0 ? (
        <EmptyState>{hasPartnerFilters(query) ? t("partnerList.empty") : t("sections.partnersEmpty")}</EmptyState>
      ) : (
        <div className={loading ? "is-loading" : undefined}>
          <DataTable
            data={rows}
            columns={columns}
            getRowId={(row) => row.id}
            caption={t("partners.title")}
            sort={{ id: query.sort, desc: query.dir === "desc" }}
            sortHref={(id, currentlyAsc) => href({ sort: id, dir: currentlyAsc ? "desc" : "asc", page: null })}
            columnVisibility={columnVisibility}
          />
        </div>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} />
    </>
  );
}
