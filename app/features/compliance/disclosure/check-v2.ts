/**
 * The disclosure checker under spec v2 (docs: disclosure-rules-v2.md): the context from the deal
 * (§4), labels in every field folded against look-alikes (§5, §6), whole-label prominence (§7)
 * and the verdict by format (§8), per jurisdiction. Pure; the app, the portal and the batch
 * command all call `checkDisclosureV2`.
 */
import { buriedHashtags, compilePhrase, findPhrase, mentionsAny, outermost, type CompiledPhrase, type PhraseMatch } from "./matching";
import {
  allPhrases,
  defaultFormat,
  disclosureContext,
  labelLanguage,
  phraseKinds,
  ruleSetIdV2,
  type DealContext,
  type DisclosureContext,
  type LabelKind,
  type PhraseKind,
  type PostFormat,
  type PostLanguage,
  type Relationship,
  type RuleSetV2,
} from "./rules-v2";
import { foldText, type FoldedText } from "./text";
import type { DisclosureJurisdiction, DisclosurePlatform } from "~/shared/disclosure-terms";

export interface Advertiser {
  name: string;
  handles?: string[];
}

export interface DisclosureInputV2 {
  platform: DisclosurePlatform;
  text: string;
  relationship: Relationship;
  /** Default `en`. */
  language?: PostLanguage;
  /** Default from the platform (§2). */
  format?: PostFormat;
  title?: string | null;
  onScreenLabel?: string | null;
  spokenLabel?: string | null;
  labelRepeated?: boolean;
  advertiser?: Advertiser;
  platformLabel?: boolean;
  imagesRetouched?: boolean;
  imagesVirtual?: boolean;
}

export const markerFields = ["text", "title", "onScreenLabel", "spokenLabel"] as const;
export type MarkerField = (typeof markerFields)[number];

export const verdictsV2 = ["not_required", "compliant", "insufficient", "missing"] as const;
export type VerdictV2 = (typeof verdictsV2)[number];

/** §9, in the order reasons are listed. */
export const reasonCodesV2 = [
  "NOT_REQUIRED",
  "PROMINENT_MARKER",
  "PLATFORM_LABEL_ACCEPTED",
  "MARKER_AFTER_FOLD",
  "MARKER_BURIED",
  "MARKER_NOT_AT_START",
  "WEAK_MARKER",
  "GIFT_LABEL_FOR_AD",
  "LABEL_WRONG_LANGUAGE",
  "PLATFORM_LABEL_ONLY",
  "VIDEO_LABEL_MISSING",
  "LIVE_LABEL_NOT_REPEATED",
  "SPOKEN_LABEL_MISSING",
  "NO_DISCLOSURE",
  "ADVERTISER_NOT_NAMED",
  "FR_RETOUCHED_MENTION_MISSING",
  "FR_VIRTUAL_MENTION_MISSING",
] as const;
export type ReasonCodeV2 = (typeof reasonCodesV2)[number];

export const advisoryCodes = ["ADVERTISER_NOT_NAMED", "FR_EQUIVALENT_MENTION"] as const;
export type AdvisoryCode = (typeof advisoryCodes)[number];

export type PositionFault = "MARKER_AFTER_FOLD" | "MARKER_BURIED" | "MARKER_NOT_AT_START";

export interface FoundMarkerV2 {
  /** The marker as written. */
  text: string;
  field: MarkerField;
  /** Code points of its field as written (§5). */
  index: number;
  length: number;
  kind: LabelKind;
  prominent: boolean;
  /** The lexicon phrase it matched, folded. */
  phrase: string;
  hashtag: boolean;
  /** `text` only: why it is not prominent. */
  fault: PositionFault | null;
  giftLabelForAd: boolean;
}

export interface JurisdictionResult {
  jurisdiction: DisclosureJurisdiction;
  context: DisclosureContext;
  verdict: VerdictV2;
  reasons: ReasonCodeV2[];
  advisories: AdvisoryCode[];
  markers: FoundMarkerV2[];
  ruleSet: string;
  /** Where "more" cuts the text, in code points (§7), for showing it. */
  fold: number;
  /** DE: the label must end within this many code points. */
  startOfPost: number | null;
}

export interface DisclosureResultV2 {
  format: PostFormat;
  verdict: VerdictV2;
  results: JurisdictionResult[];
}

interface CompiledRuleSetV2 {
  phrases: CompiledPhrase[];
  kinds: Map<string, Map<string, PhraseKind>>;
  retouched: CompiledPhrase[];
  virtual: CompiledPhrase[];
  safeLabels: Set<string> | null;
}

const compiled = new WeakMap<RuleSetV2, CompiledRuleSetV2>();

function compile(ruleSet: RuleSetV2): CompiledRuleSetV2 {
  let result = compiled.get(ruleSet);
  if (!result) {
    const phrases = new Map<string, CompiledPhrase>();
    for (const phrase of allPhrases(ruleSet)) {
      const compiledPhrase = compilePhrase(phrase, "v2");
      if (compiledPhrase.firstWord && !phrases.has(compiledPhrase.folded)) phrases.set(compiledPhrase.folded, compiledPhrase);
    }
    const list = (items: string[]) => items.map((item) => compilePhrase(item, "v2"));
    result = {
      phrases: [...phrases.values()],
      kinds: new Map(),
      retouched: list(ruleSet.imageMentions.retouched),
      virtual: list(ruleSet.imageMentions.virtual),
      safeLabels: ruleSet.safeLabels ? new Set(list(ruleSet.safeLabels).map((phrase) => phrase.folded)) : null,
    };
    compiled.set(ruleSet, result);
  }
  return result;
}

function kindsFor(ruleSet: RuleSetV2, rules: CompiledRuleSetV2, language: PostLanguage, context: DealContext) {
  const key = `${language}:${context}`;
  let kinds = rules.kinds.get(key);
  if (!kinds) {
    kinds = phraseKinds(ruleSet, language, context);
    rules.kinds.set(key, kinds);
  }
  return kinds;
}

type Match = PhraseMatch<CompiledPhrase>;

/** Every lexicon phrase found in one folded field, outermost kept (§5). */
function matchesIn(folded: string, rules: CompiledRuleSetV2): Match[] {
  const matches: Match[] = [];
  for (const phrase of rules.phrases) if (folded.includes(phrase.firstWord)) findPhrase(folded, phrase, phrase, matches);
  return outermost(matches);
}

const FIRST_LINK = /https?:\/\/|www\./i;

/** §7: where "more" cuts the text, in code points of the text as written. */
function foldOf(ruleSet: RuleSetV2, platform: DisclosurePlatform, text: string): number {
  const fold = ruleSet.folds[platform];
  if (!ruleSet.foldAtFirstLink.includes(platform)) return fold;
  const link = FIRST_LINK.exec(text);
  if (!link) return fold;
  return Math.min(fold, Array.from(text.slice(0, link.index)).length);
}

const inOrder = <Code extends string>(order: readonly Code[], codes: Set<Code>) => order.filter((code) => codes.has(code));

/** What does not depend on the rule set, worked out once per line however many jurisdictions. */
interface PreparedLine {
  /** The fields searched (§3: the spoken label only when the format is not a post), folded. */
  fields: { field: MarkerField; text: FoldedText }[];
  /** §8 rule 5, when it applies (an advertiser given, no platform label). */
  advertiserNamed: boolean | null;
}

function prepareLine(input: DisclosureInputV2, format: PostFormat): PreparedLine {
  const fields: PreparedLine["fields"] = [];
  for (const field of markerFields) {
    const value = input[field];
    if (typeof value !== "string" || (field === "spokenLabel" && format === "post")) continue;
    fields.push({ field, text: foldText(value, "v2") });
  }
  const named = input.advertiser && !input.platformLabel ? advertiserNamed(input.advertiser, fields) : null;
  return { fields, advertiserNamed: named };
}

function advertiserNamed(advertiser: Advertiser, fields: PreparedLine["fields"]): boolean {
  const name = compilePhrase(advertiser.name, "v2");
  const handles = (advertiser.handles ?? [])
    .map((handle) => "@" + foldText(handle.replace(/^@/, ""), "v2").folded)
    .filter((handle) => handle.length > 1);
  return fields.some(({ text }) => {
    if (name.firstWord && mentionsAny(text.folded, [name])) return true;
    return handles.some((handle) => {
      for (let at = text.folded.indexOf(handle); at >= 0; at = text.folded.indexOf(handle, at + 1)) {
        if (!/^[\p{L}\p{N}_]/u.test(text.folded.slice(at + handle.length))) return true;
      }
      return false;
    });
  });
}

/** One jurisdiction's verdict (§4–§8). */
export function checkJurisdictionV2(input: DisclosureInputV2, ruleSet: RuleSetV2, prepared?: PreparedLine): JurisdictionResult {
  const format = input.format ?? defaultFormat(input.platform);
  const context = disclosureContext(ruleSet, input.relationship);
  const fold = foldOf(ruleSet, input.platform, input.text);
  const base = { jurisdiction: ruleSet.jurisdiction, context, ruleSet: ruleSetIdV2(ruleSet), fold, startOfPost: ruleSet.startOfPost };
  if (context === "organic") return { ...base, verdict: "not_required", reasons: ["NOT_REQUIRED"], advisories: [], markers: [] };

  const rules = compile(ruleSet);
  const { fields, advertiserNamed: named } = prepared ?? prepareLine(input, format);
  const language = labelLanguage(ruleSet, input.language ?? "en");
  const kinds = kindsFor(ruleSet, rules, language, context);

  const markers: FoundMarkerV2[] = [];
  for (const { field, text } of fields) {
    const matches = matchesIn(text.folded, rules);
    const buried = field === "text" && matches.some((m) => m.hashtag) ? buriedHashtags(text.folded) : null;
    for (const match of matches) {
      const index = text.origin[match.start];
      const end = text.origin[match.end - 1] + 1;
      const fault: PositionFault | null =
        field !== "text"
          ? null
          : end > fold
            ? "MARKER_AFTER_FOLD"
            : match.hashtag && buried?.has(match.start)
              ? "MARKER_BURIED"
              : ruleSet.startOfPost !== null && end > ruleSet.startOfPost
                ? "MARKER_NOT_AT_START"
                : null;
      const kind = kinds.get(match.tag.folded) ?? { kind: "weak" as const, giftLabelForAd: false };
      markers.push({
        text: text.codePoints.slice(index, end).join(""),
        field,
        index,
        length: end - index,
        kind: kind.kind,
        prominent: fault === null,
        phrase: match.tag.folded,
        hashtag: match.hashtag,
        fault,
        giftLabelForAd: kind.giftLabelForAd,
      });
    }
  }

  const accepted = markers.filter((m) => m.kind === "accepted");
  const inField = (field: MarkerField) => accepted.filter((m) => m.field === field);
  const captionOverVideo = ruleSet.captionOverVideo.includes(input.platform);
  const invideo = [
    ...inField("onScreenLabel"),
    ...(ruleSet.spokenLabelInVideo ? inField("spokenLabel") : []),
    ...(captionOverVideo ? inField("text").filter((m) => m.prominent) : []),
  ];
  const labelOK = Boolean(input.platformLabel && ruleSet.platformLabelAlone && format !== "audio");
  const qualifying =
    format === "post"
      ? [...inField("text").filter((m) => m.prominent), ...inField("title"), ...inField("onScreenLabel")]
      : format === "video"
        ? invideo
        : format === "live"
          ? input.labelRepeated
            ? invideo
            : []
          : inField("spokenLabel");

  const reasons = new Set<ReasonCodeV2>();
  const advisories = new Set<AdvisoryCode>();
  let verdict: VerdictV2;
  if (qualifying.length || labelOK) {
    verdict = "compliant";
    if (qualifying.length) reasons.add("PROMINENT_MARKER");
    if (labelOK) reasons.add("PLATFORM_LABEL_ACCEPTED");
    if (rules.safeLabels && !qualifying.some((m) => rules.safeLabels?.has(m.phrase))) advisories.add("FR_EQUIVALENT_MENTION");
  } else if (!markers.length && !input.platformLabel) {
    verdict = "missing";
    reasons.add("NO_DISCLOSURE");
  } else {
    verdict = "insufficient";
    const captionCanQualify = format === "post" || ((format === "video" || format === "live") && captionOverVideo);
    const textAccepted = inField("text");
    if (captionCanQualify && !textAccepted.some((m) => m.prominent)) {
      for (const marker of textAccepted) if (marker.fault) reasons.add(marker.fault);
    }
    if (markers.some((m) => m.kind === "weak")) reasons.add("WEAK_MARKER");
    if (markers.some((m) => m.giftLabelForAd)) reasons.add("GIFT_LABEL_FOR_AD");
    if (markers.some((m) => m.kind === "foreign")) reasons.add("LABEL_WRONG_LANGUAGE");
    if ((format === "video" || format === "live") && !invideo.length) reasons.add("VIDEO_LABEL_MISSING");
    if (format === "live" && invideo.length && !input.labelRepeated) reasons.add("LIVE_LABEL_NOT_REPEATED");
    if (format === "audio") reasons.add("SPOKEN_LABEL_MISSING");
  }
  if (input.platformLabel && !labelOK) reasons.add("PLATFORM_LABEL_ONLY");

  if (named === false) {
    const rule = ruleSet.advertiserNotNamed[context];
    if (rule === "reason") reasons.add("ADVERTISER_NOT_NAMED");
    else if (rule === "advisory") advisories.add("ADVERTISER_NOT_NAMED");
  }

  const imageFields = fields.filter(({ field }) => field !== "spokenLabel").map(({ text }) => text.folded);
  const mentioned = (phrases: CompiledPhrase[]) => imageFields.some((text) => mentionsAny(text, phrases));
  if (input.imagesRetouched && rules.retouched.length && !mentioned(rules.retouched)) reasons.add("FR_RETOUCHED_MENTION_MISSING");
  if (input.imagesVirtual && rules.virtual.length && !mentioned(rules.virtual)) reasons.add("FR_VIRTUAL_MENTION_MISSING");

  const spoilers: ReasonCodeV2[] = ["ADVERTISER_NOT_NAMED", "FR_RETOUCHED_MENTION_MISSING", "FR_VIRTUAL_MENTION_MISSING"];
  if (verdict === "compliant" && spoilers.some((code) => reasons.has(code))) verdict = "insufficient";

  return {
    ...base,
    verdict,
    reasons: inOrder(reasonCodesV2, reasons),
    advisories: inOrder(advisoryCodes, advisories),
    markers,
  };
}

const SEVERITY: Record<VerdictV2, number> = { not_required: 0, compliant: 1, insufficient: 2, missing: 3 };

/** The worst of several verdicts (§3). */
export const worstVerdict = (verdicts: VerdictV2[]): VerdictV2 =>
  verdicts.reduce<VerdictV2>((worst, verdict) => (SEVERITY[verdict] > SEVERITY[worst] ? verdict : worst), "not_required");

/** A post checked under each jurisdiction's rule set, in the order given. */
export function checkDisclosureV2(input: DisclosureInputV2, ruleSets: readonly RuleSetV2[]): DisclosureResultV2 {
  const format = input.format ?? defaultFormat(input.platform);
  const needsFields = ruleSets.some((ruleSet) => disclosureContext(ruleSet, input.relationship) !== "organic");
  const prepared = needsFields ? prepareLine(input, format) : undefined;
  const results = ruleSets.map((ruleSet) => checkJurisdictionV2({ ...input, format }, ruleSet, prepared));
  return { format, verdict: worstVerdict(results.map((result) => result.verdict)), results };
}
