import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData, type VisibilityState } from "@tanstack/react-table";
import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
  }
}

export type TableDensity = "comfortable" | "compact";

interface DataTableProps<Row> {
  data: Row[];
  columns: ColumnDef<Row>[];
  /** Sorting, filtering and paging happen on the server; the table only shows one page. */
  sort: { id: string; desc: boolean };
  sortHref: (columnId: string, desc: boolean) => string;
  columnVisibility?: VisibilityState;
  caption: string;
  getRowId: (row: Row) => string;
  /** The column that stays in view while a wide table scrolls sideways (default: the first shown but "select"). */
  stickyColumnId?: string;
  density?: TableDensity;
}

/**
 * The one list table: TanStack Table in manual mode. A column sorts unless it says
 * `enableSorting: false` (the server sorts; columns have no accessor, so TanStack's own
 * getCanSort() would always say no).
 */
export function DataTable<Row>({
  data,
  columns,
  sort,
  sortHref,
  columnVisibility,
  caption,
  getRowId,
  stickyColumnId,
  density = "comfortable",
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { sorting: [sort], columnVisibility: columnVisibility ?? {} },
  });
  // The row's name stays in view, not its selection checkbox.
  const sticky = stickyColumnId ?? table.getVisibleLeafColumns().find((column) => column.id !== "select")?.id;
  const wrapRef = useRef<HTMLDivElement>(null);
  useEffect(() => revealSortedColumn(wrapRef.current), [sort.id]);
  const cellClass = (columnId: string, numeric: boolean | undefined) =>
    [columnId === sticky ? "sticky-cell" : "", numeric ? "numeric" : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="table-wrap" tabIndex={0} ref={wrapRef}>
      <table className={`data-table${density === "compact" ? " density-compact" : ""}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const sortable = header.column.columnDef.enableSorting !== false;
                const sorted = sort.id === header.column.id ? (sort.desc ? "descending" : "ascending") : undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    data-column={header.column.id}
                    className={cellClass(header.column.id, header.column.columnDef.meta?.numeric)}
                    aria-sort={sorted ?? (sortable ? "none" : undefined)}
                  >
                    {sortable ? (
                      <Link
                        to={sortHref(header.column.id, sorted === "ascending")}
                        className="sort-link"
                        aria-current={sorted ? "true" : undefined}
                        preventScrollReset
                      >
                        {label}
                        <span aria-hidden="true" className="sort-arrow">
                          {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
                        </span>
                        {sorted ? (
                          <span className="visually-hidden">
                            , {t(sorted === "ascending" ? "partnerList.sortedAsc" : "partnerList.sortedDesc")}
                          </span>
                        ) : null}
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cellClass(cell.column.id, cell.column.columnDef.meta?.numeric)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A wide table scrolls sideways; the column it is sorted by is scrolled into view beside the
 * sticky name column, so the figure the list is ranked by is never off-screen.
 */
function revealSortedColumn(wrap: HTMLDivElement | null) {
  const sorted = wrap?.querySelector<HTMLElement>('th[aria-sort="ascending"], th[aria-sort="descending"]');
  if (!wrap || !sorted || sorted.classList.contains("sticky-cell")) return;
  const stickyWidth = wrap.querySelector<HTMLElement>("th.sticky-cell")?.offsetWidth ?? 0;
  const left = sorted.offsetLeft - stickyWidth;
  const right = sorted.offsetLeft + sorted.offsetWidth;
  if (left < wrap.scrollLeft) wrap.scrollLeft = left;
  else if (right > wrap.scrollLeft + wrap.clientWidth) wrap.scrollLeft = right - wrap.clientWidth;
}

/**
 * The list's display settings, kept per user: which optional columns show, and the density.
 * A plain POST form, so it works before the page is interactive too.
 */
export function TableSettings({
  table,
  columns = [],
  visible = [],
  density,
}: {
  table: string;
  columns?: { id: string; label: string }[];
  visible?: string[];
  density: TableDensity;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const shown = new Set(visible.length ? visible : columns.map((column) => column.id));
  return (
    <details className="table-settings no-print">
      <summary>{t("table.settings")}</summary>
      <Form method="post" action="/preferences/table" className="table-settings-form">
        <input type="hidden" name="table" value={table} />
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        {columns.length ? (
          <fieldset>
            <legend>{t("table.columns")}</legend>
            {columns.map((column) => (
              <label key={column.id}>
                <input type="checkbox" name="columns" value={column.id} defaultChecked={shown.has(column.id)} /> {column.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t("table.density")}</legend>
          {(["comfortable", "compact"] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="density" value={value} defaultChecked={density === value} /> {t(`table.densities.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-small">
          {t("table.saveSettings")}
        </button>
      </Form>
    </details>
  );
}

/** A filter form keeps the list's order: the sort travels with the filters. */
export function SortInputs({ sort, dir }: { sort: string; dir: "asc" | "desc" }) {
  return (
    <>
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
    </>
  );
}
