/**
 * The disclosure rule sets, as data (docs: disclosure-rules.md, spec v1). One rule set per
 * jurisdiction, with a version that every verdict records. A compliance admin's edits become
 * new versions stored in the database; these are version 1.
 */
export const disclosureJurisdictions = ["US", "FR", "UK", "DE"] as const;
export type DisclosureJurisdiction = (typeof disclosureJurisdictions)[number];

export const disclosurePlatforms = ["instagram", "tiktok", "youtube", "facebook", "linkedin", "pinterest", "x", "twitch", "blog", "newsletter", "podcast", "other"] as const;
export type DisclosurePlatform = (typeof disclosurePlatforms)[number];

export interface RuleSet {
  jurisdiction: DisclosureJurisdiction;
  version: number;
  /** Markers that disclose advertising properly (when prominent). */
  accepted: string[];
  /** Markers that are a disclosure, but not enough. */
  weak: string[];
  /** The platform's own "paid partnership" label is enough on its own. */
  platformLabelAlone: boolean;
  /** Accepted when gifted is the only connection, weak otherwise (the US gift rule). */
  acceptedWhenOnlyGifted: string[];
  /** How many code points each platform shows before "more". */
  folds: Record<DisclosurePlatform, number>;
  /** Mentions required when images are retouched or virtual (FR); empty lists: not required. */
  imageMentions: { retouched: string[]; virtual: string[] };
}

export const defaultFolds: Record<DisclosurePlatform, number> = {
  instagram: 125,
  tiktok: 100,
  youtube: 100,
  pinterest: 100,
  twitch: 140,
  linkedin: 210,
  x: 280,
  facebook: 400,
  blog: 600,
  newsletter: 600,
  podcast: 600,
  other: 200,
};

const noImageMentions = { retouched: [], virtual: [] };

export const defaultRuleSets: Record<DisclosureJurisdiction, RuleSet> = {
  US: {
    jurisdiction: "US",
    version: 1,
    accepted: ["ad", "advertisement", "sponsored", "paid partnership", "paid promotion"],
    weak: ["sp", "spon", "collab", "partner", "ambassador", "thanks", "affiliate", "in collaboration with"],
    platformLabelAlone: false,
    acceptedWhenOnlyGifted: ["gifted", "free product"],
    folds: defaultFolds,
    imageMentions: noImageMentions,
  },
  FR: {
    jurisdiction: "FR",
    version: 1,
    accepted: ["publicité", "collaboration commerciale"],
    weak: ["pub", "sponsorisé", "partenariat", "collab", "produit offert", "offert par", "en collaboration avec", "ad", "sponsored", "gifted"],
    platformLabelAlone: false,
    acceptedWhenOnlyGifted: [],
    folds: defaultFolds,
    imageMentions: { retouched: ["images retouchées", "image retouchée"], virtual: ["images virtuelles", "image virtuelle"] },
  },
  UK: {
    jurisdiction: "UK",
    version: 1,
    accepted: ["ad", "advert", "advertisement", "advertising"],
    weak: ["sponsored", "gifted", "gift", "affiliate", "sp", "spon", "collab", "in collaboration with", "thanks to", "partner", "client", "ambassador", "paid partnership"],
    platformLabelAlone: true,
    acceptedWhenOnlyGifted: [],
    folds: defaultFolds,
    imageMentions: noImageMentions,
  },
  DE: {
    jurisdiction: "DE",
    version: 1,
    accepted: ["werbung", "anzeige", "bezahlte werbepartnerschaft"],
    weak: ["ad", "sponsored", "sponsored by", "powered by", "kooperation", "in kooperation mit", "partnerschaft"],
    platformLabelAlone: true,
    acceptedWhenOnlyGifted: [],
    folds: defaultFolds,
    imageMentions: noImageMentions,
  },
};

export function ruleSetId(ruleSet: Pick<RuleSet, "jurisdiction" | "version">) {
  return `${ruleSet.jurisdiction}@${ruleSet.version}`;
}
