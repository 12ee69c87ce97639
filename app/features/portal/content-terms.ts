import { metricNames } from "~/features/compliance";

/** Content submissions' vocabulary (zod-free: the portal's and the review queue's pages use it). */

export const contentStatuses = ["in_review", "changes_requested", "approved", "published"] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export const contentDecisions = ["approved", "changes_requested"] as const;
export type ContentDecision = (typeof contentDecisions)[number];

/** A draft is for one gift or one placement; the form sends which as `gift:<id>` or `placement:<id>`. */
export function contentTargetValue(kind: "gift" | "placement", id: string) {
  return `${kind}:${id}`;
}

export function parseContentTarget(value: string): { giftId: string | null; placementId: string | null } {
  const [kind, id] = value.split(":");
  return kind === "gift" ? { giftId: id, placementId: null } : { giftId: null, placementId: id };
}

/** The legal identities an invoice can be issued under (format-checked in legal-ids.ts). */
export const legalIdKinds = ["siret", "vat"] as const;

/** The metrics a partner can report from their own statistics: all but conversions, which come from the shop. */
export const reportedMetrics = metricNames.filter((name) => name !== "conversions");
