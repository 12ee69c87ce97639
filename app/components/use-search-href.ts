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
