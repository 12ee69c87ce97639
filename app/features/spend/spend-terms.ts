/** Gift and placement statuses, how they move, and the spend views: the vocabulary the browser needs too (zod-free). */
import { disclosureJurisdictions as jurisdictions } from "~/shared/disclosure-terms";

/** As in the disclosure rules spec: UK, not the ISO country code GB. */
export { jurisdictions };

/** How often the feeds may be read, in minutes (Settings › Workspace). */
export const feedPollChoices = [15, 30, 60, 120, 360, 720, 1440] as const;

export const giftStatuses = ["planned", "shipped", "delivered", "returned", "cancelled"] as const;

export const placementStatuses = ["proposed", "approved", "contracted", "delivered", "paid", "cancelled"] as const;

export type GiftStatus = (typeof giftStatuses)[number];

export type PlacementStatus = (typeof placementStatuses)[number];

/** Gifts and placements in these statuses count as cost (metrics.md). */
export const costedGiftStatuses: readonly GiftStatus[] = ["shipped", "delivered"];

/** Placements the company is committed to: approved and on. */
export const committedPlacementStatuses: readonly PlacementStatus[] = ["approved", "contracted", "delivered", "paid"];

/** Gifts under way or received (not returned or cancelled): what an agreement counts and what content can be for. */
export const committedGiftStatuses: readonly GiftStatus[] = ["planned", "shipped", "delivered"];

export const isCommittedPlacement = (status: string) => (committedPlacementStatuses as readonly string[]).includes(status);
export const isCommittedGift = (status: string) => (committedGiftStatuses as readonly string[]).includes(status);

/** Which gift statuses may follow which. */
const giftTransitions: Record<GiftStatus, readonly GiftStatus[]> = {
  planned: ["planned", "shipped", "delivered", "cancelled"],
  shipped: ["shipped", "delivered", "returned", "cancelled"],
  delivered: ["delivered", "returned"],
  returned: ["returned"],
  cancelled: ["cancelled"],
};

export function canMoveGift(from: GiftStatus, to: GiftStatus): boolean {
  return giftTransitions[from].includes(to);
}

/** Moves a person makes by hand; approval has its own rule (approvePlacement) and "paid" needs the fee paid in full. */
const placementTransitions: Record<PlacementStatus, readonly PlacementStatus[]> = {
  proposed: ["cancelled"],
  approved: ["contracted", "cancelled"],
  contracted: ["delivered", "cancelled"],
  delivered: ["paid", "cancelled"],
  paid: [],
  cancelled: [],
};

export function nextPlacementStatuses(from: PlacementStatus): readonly PlacementStatus[] {
  return placementTransitions[from];
}

/** How many different approvers a placement needs: two above the single-approval limit, or when its fee cannot be valued. */
export function approvalsNeeded(feeInReportingMinor: number | null, singleApprovalLimitMinor: number | null): 1 | 2 {
  if (singleApprovalLimitMinor === null) return 1;
  if (feeInReportingMinor === null) return 2;
  return feeInReportingMinor > singleApprovalLimitMinor ? 2 : 1;
}

export const spendViews = ["month", "partner", "campaign", "kind"] as const;

/** The first day of the month eleven months back: with today, twelve calendar months. */
export function defaultSpendPeriod(today: string): { from: string; to: string } {
  const [year, month] = today.split("-").map(Number);
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** The columns the gift list sorts by on the server ("createdAt", newest first, is its default). */
export const giftSorts = ["createdAt", "item", "partner", "campaign", "status", "shippedOn"] as const;
export type GiftSort = (typeof giftSorts)[number];

/** The columns the placement list sorts by on the server. */
export const placementSorts = ["agreedOn", "title", "partner", "campaign", "status"] as const;
export type PlacementSort = (typeof placementSorts)[number];

/**
 * What is wrong with a gift's dates for its status: the one rule the gift forms and the gift
 * import both apply. Shipped and delivered dates must be in order, a gift that went out needs its
 * shipped date, and a delivered one its delivered date.
 */
export function giftDateProblems(gift: {
  status: GiftStatus;
  shippedOn?: string;
  deliveredOn?: string;
}): { field: "shippedOn" | "deliveredOn"; message: string }[] {
  const problems: { field: "shippedOn" | "deliveredOn"; message: string }[] = [];
  if (gift.shippedOn && gift.deliveredOn && gift.shippedOn > gift.deliveredOn)
    problems.push({ field: "deliveredOn", message: "errors.deliveredBeforeShipped" });
  if ((gift.status === "shipped" || gift.status === "delivered" || gift.status === "returned") && !gift.shippedOn)
    problems.push({ field: "shippedOn", message: "errors.shippedOnRequired" });
  if (gift.status === "delivered" && !gift.deliveredOn) problems.push({ field: "deliveredOn", message: "errors.deliveredOnRequired" });
  return problems;
}

/**
 * A gift's unit prices from its catalogue product. The product's cost and retail price serve by
 * default only in the product's own currency; a value given with the gift always wins. An
 * undefined cost means the gift must name one.
 */
export function giftUnitPrices(
  product: { unitCostMinor: number; retailMinor: number | null; currency: string },
  giftCurrency: string,
  givenUnitCostMinor: number | undefined,
) {
  const sameCurrency = product.currency === giftCurrency;
  return {
    unitCostMinor: givenUnitCostMinor ?? (sameCurrency ? product.unitCostMinor : undefined),
    unitRetailMinor: sameCurrency ? product.retailMinor : null,
  };
}
