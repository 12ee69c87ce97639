/**
 * The disclosure rule sets, as data (docs: disclosure-rules.md, spec v1). One rule set per
 * jurisdiction, with a version that every verdict records. A compliance admin's edits become
 * new versions stored in the database; these are version 1.
 */
import { z } from "zod";
import { checkboxField, optionalText } from "~/shared/rules";
import {
  disclosureJurisdictions,
  disclosurePlatforms,
  type DisclosureJurisdiction,
  type DisclosurePlatform,
} from "~/shared/disclosure-terms";

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
    weak: [
      "pub",
      "sponsorisé",
      "partenariat",
      "collab",
      "produit offert",
      "offert par",
      "en collaboration avec",
      "ad",
      "sponsored",
      "gifted",
    ],
    platformLabelAlone: false,
    acceptedWhenOnlyGifted: [],
    folds: defaultFolds,
    imageMentions: { retouched: ["images retouchées", "image retouchée"], virtual: ["images virtuelles", "image virtuelle"] },
  },
  UK: {
    jurisdiction: "UK",
    version: 1,
    accepted: ["ad", "advert", "advertisement", "advertising"],
    weak: [
      "sponsored",
      "gifted",
      "gift",
      "affiliate",
      "sp",
      "spon",
      "collab",
      "in collaboration with",
      "thanks to",
      "partner",
      "client",
      "ambassador",
      "paid partnership",
    ],
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

const markerList = z.array(z.string().trim().min(1).max(100)).max(200);

/** A rule set read back from the database; anything else is refused rather than guessed. */
export const StoredRulesSchema = z.object({
  accepted: markerList.min(1),
  weak: markerList,
  platformLabelAlone: z.boolean(),
  acceptedWhenOnlyGifted: markerList,
  folds: z.object(
    Object.fromEntries(disclosurePlatforms.map((platform) => [platform, z.number().int().min(1).max(1_000_000)])) as Record<
      DisclosurePlatform,
      z.ZodNumber
    >,
  ),
  imageMentions: z.object({ retouched: markerList, virtual: markerList }),
});
export type StoredRules = z.output<typeof StoredRulesSchema>;

export function ruleSetFromStored(jurisdiction: DisclosureJurisdiction, version: number, stored: unknown): RuleSet {
  return { jurisdiction, version, ...StoredRulesSchema.parse(stored) };
}

export function storedRules(ruleSet: RuleSet): StoredRules {
  const { accepted, weak, platformLabelAlone, acceptedWhenOnlyGifted, folds, imageMentions } = ruleSet;
  return { accepted, weak, platformLabelAlone, acceptedWhenOnlyGifted, folds, imageMentions };
}

/** One marker per line, blank lines dropped, duplicates (after folding case) dropped. */
export function parseMarkerLines(text: string): string[] {
  const seen = new Set<string>();
  const markers: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const marker = line.trim().replace(/\s+/g, " ");
    const key = marker.toLowerCase();
    if (!marker || seen.has(key)) continue;
    seen.add(key);
    markers.push(marker);
  }
  return markers;
}

const markerLines = (min: number) =>
  z.preprocess(
    (value) => parseMarkerLines(typeof value === "string" ? value : ""),
    z
      .array(
        z
          .string()
          .max(100, "compliance.markerTooLong")
          .regex(/[\p{L}\p{N}]/u, "compliance.markerNeedsWord"),
      )
      .min(min, "compliance.acceptedRequired")
      .max(200, "errors.tooMany"),
  );

const foldField = z.coerce
  .number({ error: "errors.invalidNumber" })
  .int("errors.invalidNumber")
  .min(1, "compliance.foldTooSmall")
  .max(1_000_000, "errors.tooLarge");

/** The rule-set editor: markers one per line, a fold per platform. */
export const RuleSetFormSchema = z
  .object({
    jurisdiction: z.enum(disclosureJurisdictions, { error: "errors.invalidChoice" }),
    baseVersion: z.coerce.number().int().min(1),
    accepted: markerLines(1),
    weak: markerLines(0),
    acceptedWhenOnlyGifted: markerLines(0),
    platformLabelAlone: checkboxField,
    retouched: markerLines(0),
    virtual: markerLines(0),
    note: optionalText(1000),
    ...(Object.fromEntries(disclosurePlatforms.map((platform) => [`fold_${platform}`, foldField])) as Record<
      `fold_${DisclosurePlatform}`,
      typeof foldField
    >),
  })
  .superRefine((value, ctx) => {
    const accepted = new Set(value.accepted.map((m) => m.toLowerCase()));
    const both = value.weak.find((m) => accepted.has(m.toLowerCase()));
    if (both) ctx.addIssue({ code: "custom", path: ["weak"], message: "compliance.markerInBothLists" });
  });
export type RuleSetFormInput = z.output<typeof RuleSetFormSchema>;

/** Whether two rule sets say the same thing (key order aside): saving one over the other changes nothing. */
export function sameRules(a: StoredRules, b: StoredRules): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function rulesFromForm(input: RuleSetFormInput): StoredRules {
  return {
    accepted: input.accepted,
    weak: input.weak,
    platformLabelAlone: input.platformLabelAlone,
    acceptedWhenOnlyGifted: input.acceptedWhenOnlyGifted,
    folds: Object.fromEntries(disclosurePlatforms.map((platform) => [platform, input[`fold_${platform}`]])) as Record<
      DisclosurePlatform,
      number
    >,
    imageMentions: { retouched: input.retouched, virtual: input.virtual },
  };
}

/** A jurisdiction named in a URL. */
export const DisclosureJurisdictionSchema = z.enum(disclosureJurisdictions);

/** What a re-check job is given (read back from the queue, so checked again). */
export const RecheckJobInputSchema = z.object({ jurisdiction: DisclosureJurisdictionSchema, recheckId: z.string().min(1).max(64) });
