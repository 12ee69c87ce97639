/**
 * Money rules from docs metrics.md: amounts are integer minor units with an ISO 4217 code, and
 * an amount in another currency is converted at the latest rate dated on or before its own date.
 * With no such rate it stays unconverted: left out of totals and reported, never guessed.
 */
import { normaliseDecimal } from "./numbers";

const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export function isCurrency(code: string): boolean {
  return knownCurrencies.has(code);
}

// Asked for every amount on screen; building a formatter to find out costs far more than a lookup.
const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal mark: 2 for EUR, 0 for JPY, 3 for BHD. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Amounts may also be grouped the Swiss way: 1'234.50. */
const AMOUNT_GROUP_SEPARATORS = /[\s\u00a0\u202f']/g;

/** "1 234,50", "1,234.50", "1'234.5" → plain decimal text; null when it is not a number. No float involved. */
export function normaliseAmount(text: string): string | null {
  return normaliseDecimal(text, AMOUNT_GROUP_SEPARATORS);
}

/** Minor units of an amount typed in major units; null when it is not a number or has more decimals than the currency. */
export function toMinorUnits(text: string, currency: string): number | null {
  const decimal = normaliseAmount(text);
  if (decimal === null) return null;
  const negative = decimal.startsWith("-");
  const [whole, fraction = ""] = decimal.replace("-", "").split(".");
  const digits = minorDigits(currency);
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > digits) return null;
  const minor = Number(whole + fraction.padEnd(digits, "0").slice(0, digits));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** Minor units as a number of major units, for display and export: 123450 EUR → 1234.5. */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * An amount as every CSV export writes it: plain decimal text with the currency's own number of
 * decimals (BHD 1.234, JPY 1500, EUR 12.50); null stays empty. Sums of converted amounts can carry
 * a fraction of a minor unit, which is rounded here, once.
 */
export function csvMoney(minor: number | null, currency: string): string {
  return minor === null ? "" : fromMinorUnits(Math.round(minor), currency);
}

/** Minor units back to the plain decimal text a form shows: 123450 EUR → "1234.50". */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The minor-unit shift between two currencies (JPY → EUR is 2). */
export function minorUnitShift(base: string, quote: string): number {
  return minorDigits(quote) - minorDigits(base);
}

function decimalAsFraction(decimal: string): { numerator: bigint; denominator: bigint } {
  const [whole, fraction = ""] = decimal.split(".");
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Integer division rounded half away from zero, as PostgreSQL's round(numeric) does. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const [n, d] = [numerator < 0n ? -numerator : numerator, denominator < 0n ? -denominator : denominator];
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** amount × rate, in the quote currency's minor units, rounded half away from zero; exact (no floats). */
export function convertMinor(amountMinor: number, rate: string, shift: number): number {
  const { numerator, denominator } = decimalAsFraction(rate);
  let top = BigInt(amountMinor) * numerator;
  let bottom = denominator;
  if (shift >= 0) top *= 10n ** BigInt(shift);
  else bottom *= 10n ** BigInt(-shift);
  return Number(divideRounded(top, bottom));
}

export interface Rate {
  baseCurrency: string;
  quoteCurrency: string;
  rate: string;
  /** YYYY-MM-DD */
  validOn: string;
}

/** The latest rate of the pair dated on or before `on`; undefined when there is none. */
export function findRate(rates: readonly Rate[], base: string, quote: string, on: string): Rate | undefined {
  let best: Rate | undefined;
  for (const rate of rates) {
    if (rate.baseCurrency !== base || rate.quoteCurrency !== quote || rate.validOn > on) continue;
    if (!best || rate.validOn > best.validOn) best = rate;
  }
  return best;
}

export interface DatedAmount {
  amountMinor: number;
  currency: string;
  /** The amount's own date, YYYY-MM-DD (shipped, agreed or paid on). */
  on: string;
}

export interface MissingRate {
  currency: string;
  /** The earliest date that needed a rate of this currency. */
  from: string;
  /** Sum of the amounts left unconverted, in this currency's minor units. */
  amountMinor: number;
  count: number;
}

export interface Total {
  currency: string;
  /** Only the amounts that could be converted. */
  totalMinor: number;
  /** Amounts left out of the total because no rate could be used, per currency. */
  missing: MissingRate[];
}

/** Scale of the exact sums: rates have at most 12 decimals and shifts stay within ±4. */
const EXACT_SCALE = 10n ** 24n;

/** amount × rate × 10^shift as an integer scaled by EXACT_SCALE: exact, for summing before one rounding. */
function convertExact(amountMinor: number, rate: string, shift: number): bigint {
  const { numerator, denominator } = decimalAsFraction(rate);
  const scaled = BigInt(amountMinor) * numerator * EXACT_SCALE * 10n ** BigInt(Math.max(shift, 0));
  return scaled / (denominator * 10n ** BigInt(Math.max(-shift, 0)));
}

/** Converts one amount; null when no usable rate exists. */
export function convertAmount(amount: DatedAmount, target: string, rates: readonly Rate[]): number | null {
  if (amount.currency === target) return amount.amountMinor;
  const rate = findRate(rates, amount.currency, target, amount.on);
  return rate ? convertMinor(amount.amountMinor, rate.rate, minorUnitShift(amount.currency, target)) : null;
}

/**
 * Each amount converted exactly at the rate of its own date, the exact values summed, and the
 * total rounded to minor units once (as the SQL reports do), so no rounding piles up.
 */
export function totalIn(target: string, amounts: readonly DatedAmount[], rates: readonly Rate[]): Total {
  let exact = 0n;
  const missing = new Map<string, MissingRate>();
  for (const amount of amounts) {
    if (amount.currency === target) {
      exact += BigInt(amount.amountMinor) * EXACT_SCALE;
      continue;
    }
    const rate = findRate(rates, amount.currency, target, amount.on);
    if (rate) {
      exact += convertExact(amount.amountMinor, rate.rate, minorUnitShift(amount.currency, target));
      continue;
    }
    const entry = missing.get(amount.currency) ?? { currency: amount.currency, from: amount.on, amountMinor: 0, count: 0 };
    entry.amountMinor += amount.amountMinor;
    entry.count += 1;
    if (amount.on < entry.from) entry.from = amount.on;
    missing.set(amount.currency, entry);
  }
  return {
    currency: target,
    totalMinor: Number(divideRounded(exact, EXACT_SCALE)),
    missing: [...missing.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export type GiftValuationBasis = "cost" | "retail";

/** A gift's value: quantity × unit value + shipping; at retail the unit value is the MSRP where known, else the cost. */
export function giftValueMinor(
  gift: { quantity: number; unitCostMinor: number; unitRetailMinor: number | null; shippingMinor: number },
  basis: GiftValuationBasis,
): number {
  const unit = basis === "retail" ? (gift.unitRetailMinor ?? gift.unitCostMinor) : gift.unitCostMinor;
  return gift.quantity * unit + gift.shippingMinor;
}

/** Committed spend: what gifts are worth plus what placements cost (metrics.md), one definition. */
export function committedMinor(spend: { giftsMinor: number; placementsMinor: number }): number {
  return spend.giftsMinor + spend.placementsMinor;
}

/** Over budget once committed spend passes the budget; an addition that cannot be converted counts as over (it is asked, never guessed). */
export function wouldExceedBudget(budgetMinor: number | null, committed: number, additionMinor: number | null = 0): boolean {
  if (budgetMinor === null) return false;
  return additionMinor === null || committed + additionMinor > budgetMinor;
}

/** What is left to pay on a placement. */
export function outstandingMinor(feeMinor: number, paymentsMinor: readonly number[]): number {
  return feeMinor - paymentsMinor.reduce((sum, amount) => sum + amount, 0);
}

export type WithMinor<T, K extends keyof T> = Omit<T, K> & { [P in K]: undefined extends T[P] ? number | undefined : number };
