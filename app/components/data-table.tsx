import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface DataTableProps<Row> {
  data: Row[];
  columns: ColumnDef<Row>[];
  /** Sorting, filtering and paging happen on the server; the table only shows one page. */
  sort: { id: string; desc: boolean };
  sortHref: (columnId: string, desc: boolean) => string;
  columnVisibility?: VisibilityState;
  caption: string;
  getRowId: (row: Row) => string;
}

export function DataTable<Row>({ data, columns, sort, sortHref, columnVisibility, caption, getRowId }: DataTableProps<Row>) {
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
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const sorted = sort.id === header.column.id ? (sort.desc ? "descending" : "ascending") : undefined;
                return (
                  <th key={header.id} scope="col" aria-sort={sorted ?? (header.column.getCanSort() ? "none" : undefined)}>
                    {header.column.getCanSort() ? (
                      <Link to={sortHref(header.column.id, sorted === "ascending")} className="sort-link">
                        {label}
                        <span aria-hidden="true">{sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : ""}</span>
                        {sorted ? <span className="visually-hidden">, {t(sorted === "ascending" ? "partnerList.sortedAsc" : "partnerList.sortedDesc")}</span> : null}
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
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
