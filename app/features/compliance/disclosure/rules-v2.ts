/**
 * Spec v2 rule sets (docs: disclosure-rules-v2.md) as data, one per jurisdiction: when a deal
 * needs a disclosure (§4), the lexicon by language and which labels are accepted (§6), the folds
 * and the start-of-post limit (§7), and what the verdict asks for (§8). The built-in ones are
 * `<J>@v2.1`; a compliance admin's edit makes `<J>@v2.2` and so on. Zod-free at the top so the
 * portal can run it as the partner types; the stored form's schema is below.
 */
import { z } from "zod";
import { phraseKey } from "./text";
import { defaultFolds } from "./rules";
import { disclosurePlatforms, type DisclosureJurisdiction, type DisclosurePlatform } from "~/shared/disclosure-terms";

export const postLanguages = ["en", "fr", "de"] as const;
export type PostLanguage = (typeof postLanguages)[number];

export const postFormats = ["post", "video", "live", "audio"] as const;
export type PostFormat = (typeof postFormats)[number];

/** §2: a platform's format when the line does not say. */
export function defaultFormat(platform: DisclosurePlatform): PostFormat {
  if (platform === "youtube" || platform === "tiktok") return "video";
  if (platform === "twitch") return "live";
  if (platform === "podcast") return "audio";
  return "post";
}

/** What the CRM knows about the deal behind a post (§2); every key optional, missing = none. */
export interface Relationship {
  gifts?: number;
  paid?: boolean;
  promoCode?: boolean;
  trackedLink?: boolean;
  affiliate?: boolean;
  brandControl?: boolean;
}
export const relationshipFlags = ["paid", "promoCode", "trackedLink", "affiliate", "brandControl"] as const;

export type DisclosureContext = "organic" | "gift" | "ad";
export type DealContext = Exclude<DisclosureContext, "organic">;

export interface LanguageLexicon {
  ad: string[];
  equivalent: string[];
  gift: string[];
  vague: string[];
}
export const lexiconCategories = ["ad", "equivalent", "gift", "vague"] as const;

/** What a post whose advertiser is not named gets, by context. */
export type AdvertiserRule = "reason" | "advisory" | "none";

export interface RuleSetV2 {
  spec: 2;
  jurisdiction: DisclosureJurisdiction;
  /** The n of `<J>@v2.n`. */
  version: number;
  /** §4: when gifts alone are a `gift` context (else an `ad`): always (US), unless the brand had a say (UK), never (FR, DE). */
  giftsAlone: "gift" | "giftUnlessBrandControl" | "ad";
  /** §6: the label language, fixed (FR, DE) or the post's (US, UK). */
  labelLanguage: PostLanguage | "post";
  /** §6: every phrase of every language is searched in every field. */
  lexicon: Record<PostLanguage, LanguageLexicon>;
  /** §6: the labels accepted, by label language. */
  accepted: Record<PostLanguage, string[]>;
  /** §7: code points shown before "more". */
  folds: Record<DisclosurePlatform, number>;
  /** §7: on these platforms the fold comes earlier, at the first link of the text. */
  foldAtFirstLink: DisclosurePlatform[];
  /** §7: a label must end within this many code points (DE), or null. */
  startOfPost: number | null;
  /** §8: the platform's paid-partnership label is enough alone (not in audio). */
  platformLabelAlone: boolean;
  /** §8: a spoken label counts in a video (FR wants it on screen). */
  spokenLabelInVideo: boolean;
  /** §8: platforms whose caption is shown over the video, so a prominent caption label counts in it. */
  captionOverVideo: DisclosurePlatform[];
  /** §8 rule 5. */
  advertiserNotNamed: Record<DealContext, AdvertiserRule>;
  /** §8 rule 1: a compliant post none of whose labels is one of these gets FR_EQUIVALENT_MENTION; null: never. */
  safeLabels: string[] | null;
  /** §8 rule 6: mentions required when images are retouched or virtual; empty: not required. */
  imageMentions: { retouched: string[]; virtual: string[] };
}

/** §6, as written in the spec. */
export const lexiconV2: Record<PostLanguage, LanguageLexicon> = {
  en: {
    ad: ["ad", "advert", "advertisement", "advertising", "sponsored", "paid partnership", "paid promotion"],
    equivalent: [],
    gift: ["gifted", "free product"],
    vague: [
      "sp",
      "spon",
      "collab",
      "partner",
      "partnership",
      "in partnership with",
      "in collaboration with",
      "ambassador",
      "thanks",
      "thanks to",
      "thank you",
      "affiliate",
      "aff",
      "pr",
      "gift",
      "client",
      "powered by",
      "link in bio",
    ],
  },
  fr: {
    ad: ["publicité", "collaboration commerciale"],
    equivalent: ["partenariat commercial", "partenariat rémunéré", "contenu sponsorisé", "sponsorisé par"],
    gift: ["produit offert", "offert par", "cadeau"],
    vague: [
      "pub",
      "sponsorisé",
      "partenariat",
      "collab",
      "en collaboration avec",
      "en partenariat avec",
      "ambassadeur",
      "ambassadrice",
      "merci",
      "affilié",
      "lien affilié",
    ],
  },
  de: {
    ad: ["werbung", "anzeige", "bezahlte werbepartnerschaft"],
    equivalent: [],
    gift: ["geschenkt"],
    vague: ["kooperation", "in kooperation mit", "partnerschaft", "zusammenarbeit", "in zusammenarbeit mit", "gesponsert", "danke"],
  },
};

/** §6: L = fr (any jurisdiction): French ad labels and equivalents; L = de: German ad labels. */
const acceptedOutsideEnglish = {
  fr: [...lexiconV2.fr.ad, ...lexiconV2.fr.equivalent],
  de: [...lexiconV2.de.ad],
};

const shared = {
  spec: 2 as const,
  version: 1,
  lexicon: lexiconV2,
  folds: { ...defaultFolds, youtube: 157 },
  foldAtFirstLink: ["blog", "newsletter"] as DisclosurePlatform[],
  captionOverVideo: ["instagram", "tiktok"] as DisclosurePlatform[],
  imageMentions: { retouched: [] as string[], virtual: [] as string[] },
  safeLabels: null,
};

export const defaultRuleSetsV2: Record<DisclosureJurisdiction, RuleSetV2> = {
  US: {
    ...shared,
    jurisdiction: "US",
    giftsAlone: "gift",
    labelLanguage: "post",
    accepted: { en: [...lexiconV2.en.ad], ...acceptedOutsideEnglish },
    startOfPost: null,
    platformLabelAlone: false,
    spokenLabelInVideo: true,
    advertiserNotNamed: { ad: "advisory", gift: "advisory" },
  },
  UK: {
    ...shared,
    jurisdiction: "UK",
    giftsAlone: "giftUnlessBrandControl",
    labelLanguage: "post",
    accepted: { en: ["ad", "advert", "advertisement", "advertising"], ...acceptedOutsideEnglish },
    startOfPost: null,
    platformLabelAlone: true,
    spokenLabelInVideo: true,
    advertiserNotNamed: { ad: "reason", gift: "none" },
  },
  FR: {
    ...shared,
    jurisdiction: "FR",
    giftsAlone: "ad",
    labelLanguage: "fr",
    accepted: { en: [], ...acceptedOutsideEnglish },
    startOfPost: null,
    platformLabelAlone: true,
    spokenLabelInVideo: false,
    advertiserNotNamed: { ad: "reason", gift: "reason" },
    safeLabels: ["publicité", "collaboration commerciale"],
    imageMentions: {
      retouched: ["image retouchée", "images retouchées", "photo retouchée", "photos retouchées"],
      virtual: ["image virtuelle", "images virtuelles", "généré par ia", "générée par ia", "générés par ia", "générées par ia"],
    },
  },
  DE: {
    ...shared,
    jurisdiction: "DE",
    giftsAlone: "ad",
    labelLanguage: "de",
    accepted: { en: [], ...acceptedOutsideEnglish },
    startOfPost: 50,
    platformLabelAlone: true,
    spokenLabelInVideo: true,
    advertiserNotNamed: { ad: "reason", gift: "reason" },
  },
};

/** How a v2 verdict names its rules: `FR@v2.1` (v1's are `FR@1`; the two series never meet). */
export const ruleSetIdV2 = (ruleSet: Pick<RuleSetV2, "jurisdiction" | "version">) => `${ruleSet.jurisdiction}@v2.${ruleSet.version}`;

/** §4: organic (nothing to disclose), gift (a gift label is enough) or ad. */
export function disclosureContext(ruleSet: RuleSetV2, relationship: Relationship): DisclosureContext {
  const gifts = (relationship.gifts ?? 0) > 0;
  const incentive = Boolean(relationship.paid || relationship.affiliate || relationship.promoCode || relationship.trackedLink);
  if (incentive) return "ad";
  if (!gifts) return "organic";
  if (ruleSet.giftsAlone === "giftUnlessBrandControl") return relationship.brandControl ? "ad" : "gift";
  return ruleSet.giftsAlone;
}

/** §6: FR and DE labels are in their own language always; US and UK in the post's language. */
export function labelLanguage(ruleSet: RuleSetV2, postLanguage: PostLanguage): PostLanguage {
  return ruleSet.labelLanguage === "post" ? postLanguage : ruleSet.labelLanguage;
}

export type LabelKind = "accepted" | "weak" | "foreign";
export interface PhraseKind {
  kind: LabelKind;
  giftLabelForAd: boolean;
}

const folded = (phrases: readonly string[]) => new Set(phrases.map((phrase) => phraseKey(phrase, "v2")));

/**
 * §6's kinds for one label language and context, keyed by folded phrase, by the first rule that
 * applies: accepted; a gift label of L (accepted for a gift, else weak and GIFT_LABEL_FOR_AD); a
 * vague label of L, or an ad label of L that is not accepted (UK: `sponsored`) → weak; an ad label
 * or equivalent of another language → foreign; anything else → weak.
 */
export function phraseKinds(ruleSet: RuleSetV2, language: PostLanguage, context: DealContext): Map<string, PhraseKind> {
  const own = ruleSet.lexicon[language];
  const accepted = folded(ruleSet.accepted[language]);
  const gift = folded(own.gift);
  const ownOther = folded([...own.vague, ...own.ad, ...own.equivalent]);
  const foreign = folded(
    postLanguages
      .filter((other) => other !== language)
      .flatMap((other) => [...ruleSet.lexicon[other].ad, ...ruleSet.lexicon[other].equivalent]),
  );
  const kinds = new Map<string, PhraseKind>();
  for (const phrase of allPhrases(ruleSet)) {
    const key = phraseKey(phrase, "v2");
    if (kinds.has(key)) continue;
    const kind: PhraseKind = accepted.has(key)
      ? { kind: "accepted", giftLabelForAd: false }
      : gift.has(key)
        ? context === "gift"
          ? { kind: "accepted", giftLabelForAd: false }
          : { kind: "weak", giftLabelForAd: true }
        : ownOther.has(key)
          ? { kind: "weak", giftLabelForAd: false }
          : foreign.has(key)
            ? { kind: "foreign", giftLabelForAd: false }
            : { kind: "weak", giftLabelForAd: false };
    kinds.set(key, kind);
  }
  return kinds;
}

/** Every phrase of the lexicon, all languages and kinds, plus accepted labels not in it. */
export function allPhrases(ruleSet: RuleSetV2): string[] {
  return [
    ...postLanguages.flatMap((language) => lexiconCategories.flatMap((category) => ruleSet.lexicon[language][category])),
    ...postLanguages.flatMap((language) => ruleSet.accepted[language]),
  ];
}

/** A phrase's kind (the phrase as written in the lexicon, or folded). */
export function labelKind(phrase: string, ruleSet: RuleSetV2, language: PostLanguage, context: DealContext): PhraseKind {
  const key = phraseKey(phrase, "v2");
  return phraseKinds(ruleSet, language, context).get(key) ?? { kind: "weak", giftLabelForAd: false };
}

const phrase = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/[\p{L}\p{N}]/u);
const phraseList = z.array(phrase).max(200);
const perLanguage = <T extends z.ZodType>(schema: T) => z.object({ en: schema, fr: schema, de: schema });

/** A v2 rule set read back from the database; anything else is refused rather than guessed. */
export const StoredRulesV2Schema = z.object({
  giftsAlone: z.enum(["gift", "giftUnlessBrandControl", "ad"]),
  labelLanguage: z.enum([...postLanguages, "post"]),
  lexicon: perLanguage(z.object({ ad: phraseList, equivalent: phraseList, gift: phraseList, vague: phraseList })),
  accepted: perLanguage(phraseList),
  folds: z.object(
    Object.fromEntries(disclosurePlatforms.map((platform) => [platform, z.number().int().min(1).max(1_000_000)])) as Record<
      DisclosurePlatform,
      z.ZodNumber
    >,
  ),
  foldAtFirstLink: z.array(z.enum(disclosurePlatforms)),
  startOfPost: z.number().int().min(1).max(1_000_000).nullable(),
  platformLabelAlone: z.boolean(),
  spokenLabelInVideo: z.boolean(),
  captionOverVideo: z.array(z.enum(disclosurePlatforms)),
  advertiserNotNamed: z.object({ ad: z.enum(["reason", "advisory", "none"]), gift: z.enum(["reason", "advisory", "none"]) }),
  safeLabels: phraseList.nullable(),
  imageMentions: z.object({ retouched: phraseList, virtual: phraseList }),
});
export type StoredRulesV2 = z.output<typeof StoredRulesV2Schema>;

export function ruleSetV2FromStored(jurisdiction: DisclosureJurisdiction, version: number, stored: unknown): RuleSetV2 {
  return { spec: 2, jurisdiction, version, ...StoredRulesV2Schema.parse(stored) };
}

export function storedRulesV2(ruleSet: RuleSetV2): StoredRulesV2 {
  const { spec: _spec, jurisdiction: _jurisdiction, version: _version, ...rules } = ruleSet;
  return rules;
}
