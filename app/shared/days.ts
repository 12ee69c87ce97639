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

/** A day plus some days, as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day plus some months, as YYYY-MM-DD; the 31st becomes the last day of a shorter month. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The months a period touches, as YYYY-MM, oldest first (for charts with a bar per month). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  return months;
}
