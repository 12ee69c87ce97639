/** The outreach log's and drafts' vocabularies (zod-free, for the browser too). */

export const interactionTypes = ["email", "dm", "call", "meeting", "note"] as const;

export const directions = ["inbound", "outbound"] as const;

export const draftChannels = ["email", "dm"] as const;

export const draftKinds = ["message", "brief"] as const;

export type DraftStatus = "draft" | "in_review" | "changes_requested" | "approved" | "sent";
