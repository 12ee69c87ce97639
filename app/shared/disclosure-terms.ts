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

/** How a verdict names the rules it was made under: `FR@2`. */
export function ruleSetId(ruleSet: { jurisdiction: DisclosureJurisdiction; version: number }) {
  return `${ruleSet.jurisdiction}@${ruleSet.version}`;
}
