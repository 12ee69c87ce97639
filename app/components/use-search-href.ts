import { useLocation } from "@remix-run/react";

/** Links to the current page with some search params changed (null removes one), keeping the rest. */
export function useSearchHref() {
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

/** A server-sorted list's order for DataTable: the current sort, and links that sort by a column (back to page 1). */
export function useListSort(query: { sort: string; dir: "asc" | "desc" }) {
  const href = useSearchHref();
  return {
    sort: { id: query.sort, desc: query.dir === "desc" },
    sortHref: (id: string, currentlyAsc: boolean) => href({ sort: id, dir: currentlyAsc ? "desc" : "asc", page: null }),
  };
}
