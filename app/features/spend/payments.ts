/** The payment rules: one home for the payment form and the placement import. */
import { outstandingMinor } from "~/shared/money";
import type { PlacementStatus } from "./spend-terms";

/**
 * Payments are for placements the company is committed to. A placement a file brings in for the
 * first time may also arrive paid already, with its payments.
 */
export function acceptsPayments(status: PlacementStatus, { newPlacement = false } = {}): boolean {
  return status === "approved" || status === "contracted" || status === "delivered" || (newPlacement && status === "paid");
}

/** Whether new payments would take a placement past its fee. */
export function overpays(feeMinor: number, recordedMinor: readonly number[], newMinor: readonly number[]): boolean {
  return outstandingMinor(feeMinor, [...recordedMinor, ...newMinor]) < 0;
}

/** Paying a delivered placement in full marks it paid; any other placement keeps its status. */
export function statusAfterPayments(status: PlacementStatus, feeMinor: number, allPaymentsMinor: readonly number[]): PlacementStatus {
  return status === "delivered" && outstandingMinor(feeMinor, allPaymentsMinor) === 0 ? "paid" : status;
}
