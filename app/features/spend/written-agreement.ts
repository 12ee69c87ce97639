/**
 * France: décret n° 2025-1137 (article 8 of loi n° 2023-451), in force since 1 January 2026. A
 * written contract with the law's clauses is required once the fees paid plus the value of the
 * benefits in kind an advertiser gives one influencer, in the same year, for the same promotional
 * objective, reach €1,000 excluding VAT. Decisions (ADR 0011): the year is the calendar year of
 * each item's date; the objective is the campaign (items without one share a bucket); fees count
 * once agreed (the contract must exist before the work); gifts count at retail value when known,
 * else cost, with shipping; cancelled and returned items do not count; amounts are excluding VAT.
 */
import { isCommittedGift, isCommittedPlacement } from "./spend-terms";
import { convertAmount, giftValueMinor, type Rate } from "~/shared/money";

/** €1,000 excluding VAT, in euro cents. */
export const FR_AGREEMENT_THRESHOLD_MINOR = 100_000;
export const FR_AGREEMENT_CURRENCY = "EUR";
/** Items dated before the decree came into force are outside it. */
export const FR_AGREEMENT_IN_FORCE_FROM = "2026-01-01";

export interface AgreementItem {
  kind: "gift" | "placement";
  id: string;
  campaignId: string | null;
  campaignName: string | null;
  /** YYYY-MM-DD: shipped (or planned) for a gift, agreed for a placement. */
  on: string;
  amountMinor: number;
  currency: string;
}

export interface AgreementTotal {
  year: number;
  campaignId: string | null;
  campaignName: string | null;
  /** In euro cents, converted at each item's date. */
  totalMinor: number;
  /** Items with no exchange rate on their date: the total may be higher than shown. */
  unconverted: number;
  items: number;
  reached: boolean;
}

export const giftsCountTowardAgreement = isCommittedGift;
export const placementsCountTowardAgreement = isCommittedPlacement;

/** A gift's value for the rule: what the influencer receives, so retail when known. */
export function giftBenefitMinor(gift: {
  quantity: number;
  unitCostMinor: number;
  unitRetailMinor: number | null;
  shippingMinor: number;
}): number {
  return giftValueMinor(gift, "retail");
}

/** Totals per calendar year and campaign, in euros, against the threshold. Newest year first. */
export function agreementTotals(items: readonly AgreementItem[], ratesToEuro: readonly Rate[]): AgreementTotal[] {
  const totals = new Map<string, AgreementTotal>();
  for (const item of items) {
    if (item.on < FR_AGREEMENT_IN_FORCE_FROM) continue;
    const year = Number(item.on.slice(0, 4));
    const key = `${year}|${item.campaignId ?? ""}`;
    const total = totals.get(key) ?? {
      year,
      campaignId: item.campaignId,
      campaignName: item.campaignName,
      totalMinor: 0,
      unconverted: 0,
      items: 0,
      reached: false,
    };
    const euros = convertAmount(
      { amountMinor: item.amountMinor, currency: item.currency, on: item.on },
      FR_AGREEMENT_CURRENCY,
      ratesToEuro,
    );
    if (euros === null) total.unconverted += 1;
    else total.totalMinor += euros;
    total.items += 1;
    total.reached = reachesThreshold(total.totalMinor, 0);
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.year - a.year || (a.campaignName ?? "").localeCompare(b.campaignName ?? ""));
}

/** Whether adding `addition` (in euro cents; null when it cannot be converted) makes a bucket reach the threshold. */
export function reachesThreshold(currentMinor: number, addition: number | null): boolean {
  return addition === null || currentMinor + addition >= FR_AGREEMENT_THRESHOLD_MINOR;
}
