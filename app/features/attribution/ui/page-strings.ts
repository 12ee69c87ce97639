import { usePageStrings } from "~/components/use-page-strings";
import { outsidePages } from "../page-strings";

/** Tracked links and promo codes, shops, orders, feeds, captured posts and snapshots. */
export const useOutsidePageStrings = () => usePageStrings(outsidePages, "orders.title");
