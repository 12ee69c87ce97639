/**
 * Spec v2 (disclosure-rules-v2.md) §4 and §6 as data: whether a deal needs a disclosure in each
 * jurisdiction (the context), the lexicon of labels by language, and which kind a label has for a
 * jurisdiction, a label language and a context. Pure, so the portal can run it as the partner types.
 */
import type { DisclosureJurisdiction } from "~/shared/disclosure-terms";

export const postLanguages = ["en", "fr", "de"] as const;
export type PostLanguage = (typeof postLanguages)[number];

/** What the CRM knows about the deal behind a post (§2); every key optional, missing = none. */
export interface Relationship {
  gifts?: number;
  paid?: boolean;
  promoCode?: boolean;
  trackedLink?: boolean;
  affiliate?: boolean;
  brandControl?: boolean;
}

export type DisclosureContext = "organic" | "gift" | "ad";

/** §4: organic (nothing to disclose), gift (a gift label is enough) or ad. */
export function disclosureContext(jurisdiction: DisclosureJurisdiction, relationship: Relationship): DisclosureContext {
  const gifts = (relationship.gifts ?? 0) > 0;
  const incentive = Boolean(relationship.paid || relationship.affiliate || relationship.promoCode || relationship.trackedLink);
  if (!incentive && !gifts) return "organic";
  if (incentive) return "ad";
  // Gifts only: FR and DE count products as consideration; the UK only when the brand had a say.
  if (jurisdiction === "US") return "gift";
  if (jurisdiction === "UK") return relationship.brandControl ? "ad" : "gift";
  return "ad";
}

interface LanguageLexicon {
  ad: string[];
  equivalent: string[];
  gift: string[];
  vague: string[];
}

/** §6, as written in the spec (phrases are folded like the text before matching). */
export const lexicon: Record<PostLanguage, LanguageLexicon> = {
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

/** §6: FR and DE labels are in their own language always; US and UK in the post's language. */
export function labelLanguage(jurisdiction: DisclosureJurisdiction, postLanguage: PostLanguage): PostLanguage {
  if (jurisdiction === "FR") return "fr";
  if (jurisdiction === "DE") return "de";
  return postLanguage;
}

const UK_ACCEPTED_EN = ["ad", "advert", "advertisement", "advertising"];

/** §6: the labels accepted for a jurisdiction and label language. */
export function acceptedLabels(jurisdiction: DisclosureJurisdiction, language: PostLanguage): string[] {
  if (language === "fr") return [...lexicon.fr.ad, ...lexicon.fr.equivalent];
  if (language === "de") return lexicon.de.ad;
  return jurisdiction === "UK" ? UK_ACCEPTED_EN : lexicon.en.ad;
}

export type LabelKind = "accepted" | "weak" | "foreign";

/**
 * A label's kind, by the first rule of §6 that applies (a phrase is looked up by its text, so
 * "collab", in both the English and the French lists, is a vague label of either), and whether
 * it was a gift label used for an ad (GIFT_LABEL_FOR_AD).
 */
export function labelKind(
  phrase: string,
  jurisdiction: DisclosureJurisdiction,
  language: PostLanguage,
  context: Exclude<DisclosureContext, "organic">,
): { kind: LabelKind; giftLabelForAd: boolean } {
  const own = lexicon[language];
  if (acceptedLabels(jurisdiction, language).includes(phrase)) return { kind: "accepted", giftLabelForAd: false };
  if (own.gift.includes(phrase))
    return context === "gift" ? { kind: "accepted", giftLabelForAd: false } : { kind: "weak", giftLabelForAd: true };
  if (own.vague.includes(phrase) || (jurisdiction === "UK" && language === "en" && own.ad.includes(phrase))) {
    return { kind: "weak", giftLabelForAd: false };
  }
  const others = postLanguages.filter((other) => other !== language);
  if (others.some((other) => lexicon[other].ad.includes(phrase) || lexicon[other].equivalent.includes(phrase))) {
    return { kind: "foreign", giftLabelForAd: false };
  }
  return { kind: "weak", giftLabelForAd: false };
}
