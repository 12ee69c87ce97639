/** Locale-aware formatting with Intl; every date, number and amount on screen goes through here. */
import { toMajorUnits } from "~/shared/money";

// Building an Intl formatter costs far more than using one, and a long list formats thousands of values.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: "date" | "number",
  locale: string,
  options: object | undefined,
  create: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options ?? {})}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = create()));
  return found as T;
}

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  formatter("date", locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options?: Intl.NumberFormatOptions) =>
  formatter("number", locale, options, () => new Intl.NumberFormat(locale, options));

export function formatDate(locale: string, value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }) {
  const date = typeof value === "string" ? new Date(value) : value;
  if (!locale.startsWith("fr")) return dateFormat(locale, options).format(date);
  return frenchFirstOfMonth(dateFormat(locale, options).formatToParts(date));
}

/** French writes the first of a month as an ordinal, « 1er août », which Intl does not. */
function ordinalDay(locale: string, day: string): string {
  return locale.startsWith("fr") && day === "1" ? "1er" : day;
}

function frenchFirstOfMonth(parts: Intl.DateTimeFormatPart[]): string {
  const monthInWords = parts.some((part) => part.type === "month" && !/^\d/.test(part.value));
  return parts.map((part) => (monthInWords && part.type === "day" ? ordinalDay("fr", part.value) : part.value)).join("");
}

export function formatDateTime(locale: string, value: Date | string) {
  return formatDate(locale, value, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions) {
  return numberFormat(locale, options).format(value);
}

/** Amounts are stored as integer minor units; the currency's own exponent decides the scale. */
export function formatMoney(locale: string, minorUnits: number, currency: string) {
  return numberFormat(locale, { style: "currency", currency }).format(toMajorUnits(minorUnits, currency));
}

/** A calendar day stored as UTC midnight (due dates, measurement days): never shifted by the viewer's time zone. */
export function formatDay(locale: string, value: Date | string) {
  return formatDate(locale, value, { dateStyle: "medium", timeZone: "UTC" });
}

/**
 * A cost-benefit figure as shown: `amount` in whole minor units, `money` per unit (CPM…) as is,
 * rates as percentages, other ratios as "1.23×"; null is "—".
 */
export function formatKpi(
  locale: string,
  unit: "amount" | "money" | "ratio" | "percent" | "count",
  value: number | null,
  currency: string,
) {
  if (value === null) return "—";
  if (unit === "amount") return formatMoney(locale, Math.round(value), currency);
  if (unit === "money") return formatMoney(locale, value, currency);
  if (unit === "percent") return formatPercent(locale, value * 100);
  if (unit === "ratio") return `${formatNumber(locale, value, { maximumFractionDigits: 2 })}×`;
  return formatNumber(locale, value);
}

/** `percent` is in percent units: 3.2 means 3.2 %. */
export function formatPercent(locale: string, percent: number, maximumFractionDigits = 1) {
  return formatNumber(locale, percent / 100, { style: "percent", maximumFractionDigits });
}

/** "2026-03" → "Mar 26" (short month and year, for chart axes and report rows). */
export function formatMonth(locale: string, month: string, options: Intl.DateTimeFormatOptions = { month: "short", year: "2-digit" }) {
  return formatDate(locale, `${month}-01T00:00:00Z`, { ...options, timeZone: "UTC" });
}

/**
 * Days of one month as one range: "Dec 1–6, 2026", « 1–6 déc. 2026 ». The last day's own format
 * with its day number widened, rather than formatRange, whose spacing differs between the server's
 * ICU and the browser's (a different text would make React render the page again).
 */
export function formatDaysOfMonth(locale: string, from: string, to: string) {
  const day = (iso: string) => dateFormat(locale, { day: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const parts = dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).formatToParts(
    new Date(`${to}T00:00:00Z`),
  );
  const days = from === to ? ordinalDay(locale, day(to)) : `${ordinalDay(locale, day(from))}–${day(to)}`;
  return parts.map((part) => (part.type === "day" ? days : part.value)).join("");
}

/** An amount in minor units, compactly, for chart axes: "€12K". */
export function formatCompactMoney(locale: string, minorUnits: number, currency: string) {
  // minimumFractionDigits too: left out, engines disagree (Node 20 writes "1,0 k €", Chromium "1 k €"), which breaks hydration.
  return numberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(toMajorUnits(minorUnits, currency));
}

/** A count compactly, for chart axes: "46K". */
export function formatCompactNumber(locale: string, value: number) {
  return numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** "+25 %" for a relative change, "−75 pts" for a rate that moved in percentage points. */
export function formatChange(locale: string, moved: { kind: "percent" | "points"; value: number }) {
  if (moved.kind === "points") {
    const points = formatNumber(locale, moved.value, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
    return `${points}\u00a0pts`;
  }
  return formatNumber(locale, moved.value, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
}

/** A size in bytes, in kB or MB as fits (Intl's byte units). */
export function formatBytes(locale: string, bytes: number) {
  if (bytes < 1024) return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "short" }).format(bytes);
  if (bytes < 1024 * 1024)
    return new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", unitDisplay: "short", maximumFractionDigits: 1 }).format(
      bytes / 1024,
    );
  return new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", unitDisplay: "short", maximumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );
}
