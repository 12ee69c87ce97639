import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/form-message";
import { DataTable, TableSettings } from "~/components/data-table";
import { CountOrUnknown } from "~/features/reports";
import { FilterProblems } from "~/components/filter-problems";
import {
  PartnerFilterFields,
  usePartnerFilterLabels,
  ArchivedBadge,
  StageBadge,
  BulkUpdateSchema,
  PartnerListQuerySchema,
  SavedViewSchema,
  hasPartnerFilters,
  pageSizes,
  partnerColumns,
  searchParamsObject,
  viewQuery,
  type PartnerColumn,
  partnerStages,
} from "~/features/partners";
import { useListSort } from "~/components/use-search-href";
import { EmptyState, PageHeader, PhoneCollapsible } from "~/components/page";
import { Pagination } from "~/components/pagination";
import {
  bulkUpdatePartners,
  deleteView,
  getTablePreference,
  listOwners,
  listPartners,
  listSavedViews,
  saveView,
} from "~/features/partners/index.server";
import { parseListQuery } from "~/shared/rules";
import { pageProblem } from "~/shared/violations";
import { requireCan, requirePermission, requireUser } from "~/features/accounts/index.server";
import { answerRuleViolation } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";
import { formatDate, formatNumber } from "~/shared/format";
import { can } from "~/shared/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const { query, problems } = parseListQuery(PartnerListQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  const [list, owners, views, display] = await Promise.all([
    listPartners(query),
    listOwners(),
    listSavedViews(user.id),
    getTablePreference(user.id, "partners"),
  ]);
  // Columns in the URL (a shared link, a saved view) win; else the user's own choice.
  if (!query.cols.length)
    query.cols = display.columns.filter((column): column is PartnerColumn => (partnerColumns as readonly string[]).includes(column));
  let { rows, total } = list;
  const pastTheEnd = pageProblem(query.page, query.pageSize, total);
  if (pastTheEnd) {
    problems.push(pastTheEnd);
    query.page = Number(pastTheEnd.values?.pages);
    ({ rows, total } = await listPartners(query));
  }
  return json(
    {
      rows,
      total,
      owners,
      views,
      query,
      problems,
      density: display.density,
      canWrite: can(user.role, "partners:write"),
      canGift: can(user.role, "gifts:write"),
    },
    { status: problems.length ? 400 : 200 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  // Signed in before the body is read; the role for the posted intent is checked after.
  const signedIn = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/partners${new URL(request.url).search}`;
  if (intent === "saveView" || intent === "deleteView") {
    // Saved views are each user's own preference, like the language: any signed-in reader may keep some.
    const user = requireCan(signedIn, "partners:read");
    if (intent === "deleteView") {
      if (!(await deleteView(user.id, String(formData.get("viewId") ?? "")))) notFound();
      return redirectWithToast(back, { kind: "success", message: "partnerList.viewDeleted" });
    }
    const parsed = SavedViewSchema.safeParse({ name: formData.get("name"), query: viewQuery(String(formData.get("query") ?? "")) });
    if (!parsed.success) return json({ error: parsed.error.issues[0].message }, { status: 400 });
    await saveView(user.id, parsed.data.name, parsed.data.query);
    return redirectWithToast(back, { kind: "success", message: "partnerList.viewSaved" });
  }
  if (intent === "bulk") {
    const user = requireCan(signedIn, "partners:write");
    const parsed = BulkUpdateSchema.safeParse({ ...Object.fromEntries(formData), ids: formData.getAll("ids") });
    if (!parsed.success) return json({ error: parsed.error.issues[0].message }, { status: 400 });
    return answerRuleViolation(async () => {
      const count = await bulkUpdatePartners(user.id, parsed.data);
      return redirectWithToast(back, { kind: "success", message: "partnerList.bulkDone", values: { count } });
    });
  }
  throw json({ message: "errors.invalidChoice" }, { status: 400 });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function useColumns(selectable: boolean): ColumnDef<Row>[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => [
      ...(selectable
        ? [
            {
              id: "select",
              header: () => <span className="visually-hidden">{t("partnerList.selectColumn")}</span>,
              enableSorting: false,
              cell: ({ row }: { row: { original: Row } }) => (
                <input
                  type="checkbox"
                  form="bulk-form"
                  name="ids"
                  value={row.original.id}
                  aria-label={t("partnerList.select", { name: row.original.name })}
                />
              ),
            } satisfies ColumnDef<Row>,
          ]
        : []),
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row }) => (
          <>
            <Link to={`/partners/${row.original.id}`}>{row.original.name}</Link>
            {row.original.archivedAt ? (
              <>
                {" "}
                <ArchivedBadge />
              </>
            ) : null}
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
        meta: { numeric: true },
        cell: ({ row }) => <CountOrUnknown value={row.original.totalFollowers} />,
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
    [t, i18n.language, selectable],
  );
}

function BulkActions() {
  const { t } = useTranslation();
  const { owners, canGift } = useLoaderData<typeof loader>();
  return (
    <Form method="post" id="bulk-form" className="filters bulk" aria-label={t("partnerList.bulkTitle")}>
      <input type="hidden" name="intent" value="bulk" />
      <div className="field">
        <label htmlFor="bulk-operation">{t("partnerList.operation")}</label>
        <select id="bulk-operation" name="operation" defaultValue="stage">
          <option value="stage">{t("partnerList.setStage")}</option>
          <option value="tag">{t("partnerList.addTag")}</option>
          <option value="owner">{t("partnerList.setOwner")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-stage">{t("columns.stage")}</label>
        <select id="bulk-stage" name="stage" defaultValue="contacted">
          {partnerStages.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stages.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-tag">{t("partnerList.tag")}</label>
        <input id="bulk-tag" name="tag" maxLength={40} />
      </div>
      <div className="field">
        <label htmlFor="bulk-owner">{t("columns.owner")}</label>
        <select id="bulk-owner" name="ownerId" defaultValue="">
          <option value="">—</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t("partnerList.applyBulk")}
        </button>
        {canGift ? (
          // The same selection, sent to the batch gift form instead.
          <button type="submit" className="button button-quiet" formMethod="get" formAction="/gifts/new">
            {t("partnerList.sendGift")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

function SavedViews() {
  const { t } = useTranslation();
  const { views } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <details className="saved-views">
      <summary>
        {t("partnerList.views")} ({views.length})
      </summary>
      {views.length === 0 ? <p className="muted">{t("partnerList.noViews")}</p> : null}
      <ul className="plain-list">
        {views.map((view) => (
          <li key={view.id}>
            <Link to={`/partners?${view.query}`}>{view.name}</Link>
            <Form method="post">
              <input type="hidden" name="intent" value="deleteView" />
              <input type="hidden" name="viewId" value={view.id} />
              <button
                type="submit"
                className="button button-quiet button-small"
                aria-label={t("partnerList.deleteView", { name: view.name })}
              >
                ×
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="form-actions">
        <input type="hidden" name="intent" value="saveView" />
        <input type="hidden" name="query" value={location.search} />
        <div className="field">
          <label htmlFor="view-name">{t("partnerList.viewName")}</label>
          <input id="view-name" name="name" required maxLength={80} />
        </div>
        <button type="submit" className="button button-quiet">
          {t("partnerList.saveView")}
        </button>
      </Form>
    </details>
  );
}

function Filters() {
  const { t } = useTranslation();
  const { query, owners, problems } = useLoaderData<typeof loader>();
  return (
    <>
      <FilterProblems problems={problems} labels={usePartnerFilterLabels()} />
      <Form method="get" className="filters" role="search" aria-label={t("partnerList.filters")}>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <PartnerFilterFields query={query} owners={owners} />
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
        <div className="form-actions">
          <button type="submit" className="button">
            {t("partnerList.apply")}
          </button>
          <Link to="/partners" className="button button-quiet">
            {t("partnerList.clear")}
          </Link>
        </div>
      </Form>
    </>
  );
}

export default function Partners() {
  const { t, i18n } = useTranslation();
  const { rows, total, query, canWrite, density } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const listSort = useListSort(query);
  const columns = useColumns(canWrite);
  const actionData = useActionData<typeof action>();
  const visible = new Set<string>(query.cols.length ? query.cols : partnerColumns);
  const columnVisibility = { select: canWrite, ...Object.fromEntries(partnerColumns.map((column) => [column, visible.has(column)])) };
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
      <PhoneCollapsible summary={t("partnerList.filters")} keepOpen={hasPartnerFilters(query)}>
        <Filters />
      </PhoneCollapsible>
      <SavedViews />
      {actionData && "error" in actionData ? (
        <div className="form-errors" role="alert">
          <FormMessage message={actionData.error} />
        </div>
      ) : null}
      {canWrite && rows.length > 0 ? (
        <PhoneCollapsible summary={t("partnerList.bulkTitle")}>
          <BulkActions />
        </PhoneCollapsible>
      ) : null}
      <div aria-live="polite" className="list-status">
        {loading ? t("partnerList.loading") : t("partnerList.count", { count: total, formatted: formatNumber(i18n.language, total) })}
      </div>
      <TableSettings
        table="partners"
        columns={partnerColumns.map((id) => ({ id, label: t(`columns.${id}`) }))}
        visible={query.cols}
        density={density}
      />
      {rows.length === 0 ? (
        <EmptyState>{hasPartnerFilters(query) ? t("partnerList.empty") : t("sections.partnersEmpty")}</EmptyState>
      ) : (
        <div className={loading ? "is-loading" : undefined}>
          <DataTable
            data={rows}
            columns={columns}
            getRowId={(row) => row.id}
            caption={t("partners.title")}
            {...listSort}
            columnVisibility={columnVisibility}
            density={density}
          />
        </div>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} />
    </>
  );
}
