/** Calendar days (due, shipped, paid on…) are stored as UTC midnight and written YYYY-MM-DD. */

/** "2026-03-05" → that day at UTC midnight. */
export function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A stored day (or any instant) as YYYY-MM-DD, in UTC. */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A period filter on a day column (both ends included); undefined when the period is open. */
export function dayRange(from?: string, to?: string): { gte?: Date; lte?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: utcDay(from) } : {}), ...(to ? { lte: utcDay(to) } : {}) };
}

/** Today at UTC midnight. */
export function todayUtc(now = new Date()): Date {
  return utcDay(isoDay(now));
}
