/** Partners' kinds, stages, platforms and page sections, with the small rules the browser needs too (zod-free). */

export const partnerKinds = ["blogger", "influencer", "journalist", "podcaster", "other"] as const;

export const partnerStages = ["prospect", "contacted", "negotiating", "active", "paused", "do_not_contact"] as const;

export const platforms = [
  "blog",
  "instagram",
  "tiktok",
  "youtube",
  "x",
  "facebook",
  "linkedin",
  "pinterest",
  "twitch",
  "podcast",
  "newsletter",
  "other",
] as const;

/** Why the brand may hold a partner's personal data (GDPR art. 6(1)). */
export const lawfulBases = ["consent", "contract", "legitimate_interests", "legal_obligation"] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

export type PartnerKind = (typeof partnerKinds)[number];

export type PartnerStage = (typeof partnerStages)[number];

export type Platform = (typeof platforms)[number];

/** "www.site.fr" is what people type: an address without a scheme gets https://. */
export function withScheme(value: string): string {
  const trimmed = value.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || !/^[^\s/:]+\.[^\s/:]+/.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** A partner's audience: the sum of its channels' known follower counts, or null (unknown, never 0) when none is known. */
export function totalFollowersOf(channels: { followers: number | null | undefined }[]): number | null {
  const known = channels.filter((channel) => channel.followers !== null && channel.followers !== undefined);
  return known.length ? known.reduce((sum, channel) => sum + (channel.followers ?? 0), 0) : null;
}

/** The partner page's sections: the overview is the page itself, each other one a child route of its own. */
export const partnerTabs = ["overview", "outreach", "spend", "coverage", "cost-benefit", "history"] as const;
export type PartnerTab = (typeof partnerTabs)[number];

/** A section's address; `search` (without its `?`) carries a period or a page along. */
export function partnerTabPath(partnerId: string, tab: PartnerTab, search = ""): string {
  const path = tab === "overview" ? `/partners/${partnerId}` : `/partners/${partnerId}/${tab}`;
  return search ? `${path}?${search}` : path;
}

/** Gifts, placements and outgoing messages are refused for these. */
export function isDoNotContact(stage: PartnerStage) {
  return stage === "do_not_contact";
}

/**
 * What the partner page's forms do, and which of its routes does it: the page's header (archive,
 * restore), the overview, or the outreach tab. The intent travels in the form's URL (see
 * partnerIntentAction), so the route checks the role before it reads the body.
 */
export const partnerPageIntentRoutes = {
  archive: "header",
  restore: "header",
  merge: "overview",
  addChannel: "overview",
  measure: "overview",
  createPortalLink: "overview",
  renewPortalLink: "overview",
  revokePortalLink: "overview",
  createAgreement: "overview",
  log: "outreach",
  createDraft: "outreach",
  addTask: "outreach",
  taskDone: "outreach",
  taskReopen: "outreach",
} as const satisfies Record<string, "header" | "overview" | "outreach">;
export type PartnerPageIntent = keyof typeof partnerPageIntentRoutes;
export type PartnerIntentOf<Route extends "header" | "overview" | "outreach"> = {
  [Intent in PartnerPageIntent]: (typeof partnerPageIntentRoutes)[Intent] extends Route ? Intent : never;
}[PartnerPageIntent];

/**
 * A form's action. Without a partner it is relative to the route that shows the form: the
 * overview is an index route (hence `index`), the outreach tab posts to itself. With one it is
 * absolute, for forms every tab shows (the header's) and buttons whose formAction the browser
 * reads against the page's address.
 */
export function partnerIntentAction(intent: PartnerPageIntent, partnerId?: string): string {
  const route = partnerPageIntentRoutes[intent];
  const query = route === "overview" ? `?index&intent=${intent}` : `?intent=${intent}`;
  if (!partnerId) return query;
  return `${partnerTabPath(partnerId, route === "outreach" ? "outreach" : "overview")}${query}`;
}
