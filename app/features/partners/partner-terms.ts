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

/** The partner page's sections, each with its own URL (`?tab=`). */
export const partnerTabs = ["overview", "outreach", "spend", "coverage", "cost-benefit", "history"] as const;

/** Gifts, placements and outgoing messages are refused for these. */
export function isDoNotContact(stage: PartnerStage) {
  return stage === "do_not_contact";
}

/** What the partner page's forms do; the intent travels in the form's URL (see partnerIntentAction). */
export const partnerPageIntents = [
  "log",
  "createDraft",
  "addTask",
  "taskDone",
  "taskReopen",
  "merge",
  "archive",
  "restore",
  "addChannel",
  "measure",
  "createPortalLink",
  "renewPortalLink",
  "revokePortalLink",
  "createAgreement",
] as const;
export type PartnerPageIntent = (typeof partnerPageIntents)[number];

/** The partner page posts to itself (an index route, hence `index`) with the intent in the URL. */
export function partnerIntentAction(intent: PartnerPageIntent): string {
  return `?index&intent=${intent}`;
}
