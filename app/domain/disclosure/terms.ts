/** The jurisdictions and platforms the disclosure rules know (zod-free, for the browser too). */
export const disclosureJurisdictions = ["US", "FR", "UK", "DE"] as const;

export type DisclosureJurisdiction = (typeof disclosureJurisdictions)[number];

export const disclosurePlatforms = [
  "instagram",
  "tiktok",
  "youtube",
  "facebook",
  "linkedin",
  "pinterest",
  "x",
  "twitch",
  "blog",
  "newsletter",
  "podcast",
  "other",
] as const;

export type DisclosurePlatform = (typeof disclosurePlatforms)[number];
