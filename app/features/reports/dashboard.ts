/** Dashboard thresholds, shared by the loaders and the page. */

/** Gifts shipped this many days ago with no coverage yet are "waiting" on the CM dashboard. */
export const WAITING_DAYS = 14;
export const NEW_COVERAGE_DAYS = 7;
/** Dashboard counts stop here ("1,000+"): past it the exact number is on the list the count links to. */
export const DASHBOARD_COUNT_CAP = 1000;
