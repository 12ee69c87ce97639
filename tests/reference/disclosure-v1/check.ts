/**
 * The disclosure checker (docs: disclosure-rules.md): decides whether one piece of coverage
 * carries a good enough advertising disclosure in one jurisdiction. Pure; the app and the batch
 * command both call `checkDisclosure`.
 *
 * Choices where the spec is silent (written down for compliance):
 * - A match that lies inside a longer match (DE `sponsored` inside `sponsored by`) is reported once,
 *   as the longer marker.
 * - `prominent` is reported for every marker by the same placement rule (before the fold, not
 *   buried); only accepted markers' prominence decides the verdict.
 * - A multi-word marker whose first word carries the `#` (`#collaboration commerciale`) counts as
 *   written as a hashtag, from the `#`.
 * - A compliant post reports every reason that made it compliant (PROMINENT_MARKER and
 *   PLATFORM_LABEL_ACCEPTED can both appear); PLATFORM_LABEL_ONLY is reported whenever the label
 *   is on where it is not enough alone and the post is not compliant.
 * - Reasons are listed in the order the spec lists them.
 */
import { foldPhrase, foldText, type FoldedText } from "./text";
import type { RuleSet } from "./rules";
import { ruleSetId, type DisclosureJurisdiction, type DisclosurePlatform } from "~/shared/disclosure-terms";

export interface DisclosureInput {
  jurisdiction: DisclosureJurisdiction;
  platform: DisclosurePlatform;
  text: string;
  paid?: boolean;
  gifted?: boolean;
  affiliate?: boolean;
  platformLabel?: boolean;
  imagesRetouched?: boolean;
  imagesVirtual?: boolean;
}

export const verdicts = ["not_required", "compliant", "missing", "insufficient"] as const;
export type Verdict = (typeof verdicts)[number];

export const reasonCodes = [
  "NOT_REQUIRED",
  "PROMINENT_MARKER",
  "PLATFORM_LABEL_ACCEPTED",
  "MARKER_AFTER_FOLD",
  "MARKER_BURIED",
  "WEAK_MARKER",
  "PLATFORM_LABEL_ONLY",
  "NO_DISCLOSURE",
  "FR_RETOUCHED_MENTION_MISSING",
  "FR_VIRTUAL_MENTION_MISSING",
  /** Not the checker's: a snapshot of the live page lost a disclosure the item had when it was settled. */
  "DISCLOSURE_REMOVED",
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface FoundMarker {
  /** The marker as written in the text. */
  text: string;
  /** Offset of its first character (the `#` of a hashtag), in code points. */
  index: number;
  /** Its length in code points, for highlighting. */
  length: number;
  kind: "accepted" | "weak";
  prominent: boolean;
  hashtag: boolean;
  afterFold: boolean;
  buried: boolean;
}

export interface DisclosureResult {
  verdict: Verdict;
  reasons: ReasonCode[];
  markers: FoundMarker[];
  ruleSet: string;
}

interface CompiledMarker {
  phrase: string;
  pattern: RegExp;
}

interface CompiledRuleSet {
  accepted: CompiledMarker[];
  weak: CompiledMarker[];
  giftOnly: CompiledMarker[];
  retouched: CompiledMarker[];
  virtual: CompiledMarker[];
}

const WORD = "[\\p{L}\\p{N}_]";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole words only; the plain form takes any white space between words, the hashtag form none. */
function compileMarker(phrase: string): CompiledMarker {
  const words = foldPhrase(phrase).map(escape);
  const source = `(?<!${WORD})(?:#${words.join("")}|${words.join("\\s+")})(?!${WORD})`;
  return { phrase, pattern: new RegExp(source, "gu") };
}

const compiled = new WeakMap<RuleSet, CompiledRuleSet>();

function compile(ruleSet: RuleSet): CompiledRuleSet {
  let result = compiled.get(ruleSet);
  if (!result) {
    result = {
      accepted: ruleSet.accepted.map(compileMarker),
      weak: ruleSet.weak.map(compileMarker),
      giftOnly: ruleSet.acceptedWhenOnlyGifted.map(compileMarker),
      retouched: ruleSet.imageMentions.retouched.map(compileMarker),
      virtual: ruleSet.imageMentions.virtual.map(compileMarker),
    };
    compiled.set(ruleSet, result);
  }
  return result;
}

interface Match {
  /** In UTF-16 units of the folded text. */
  start: number;
  end: number;
  hashtag: boolean;
  kind: "accepted" | "weak";
}

function findMatches(folded: string, markers: CompiledMarker[], kind: Match["kind"], into: Match[]) {
  for (const marker of markers) {
    marker.pattern.lastIndex = 0;
    for (let m = marker.pattern.exec(folded); m; m = marker.pattern.exec(folded)) {
      const hashPrefixed = !m[0].startsWith("#") && folded[m.index - 1] === "#";
      into.push({
        start: hashPrefixed ? m.index - 1 : m.index,
        end: m.index + m[0].length,
        hashtag: hashPrefixed || m[0].startsWith("#"),
        kind,
      });
    }
  }
}

function mentions(folded: string, markers: CompiledMarker[]) {
  return markers.some((marker) => {
    marker.pattern.lastIndex = 0;
    return marker.pattern.test(folded);
  });
}

const HASHTAG = /#[\p{L}\p{N}_]+/gu;
const ONLY_SPACE = /^\s+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Starts (in folded units) of hashtags that are buried: in a run of three or more hashtags
 * separated only by white space, with a word that is not a hashtag somewhere before the run.
 */
function buriedHashtags(folded: string): Set<number> {
  const tags: { start: number; end: number }[] = [];
  for (const m of folded.matchAll(HASHTAG)) tags.push({ start: m.index, end: m.index + m[0].length });
  const buried = new Set<number>();
  let runStart = 0;
  for (let i = 1; i <= tags.length; i++) {
    const continues = i < tags.length && ONLY_SPACE.test(folded.slice(tags[i - 1].end, tags[i].start));
    if (continues) continue;
    const run = tags.slice(runStart, i);
    if (run.length >= 3) {
      const before = folded.slice(0, run[0].start).replace(HASHTAG, " ");
      if (LETTER_OR_DIGIT.test(before)) for (const tag of run) buried.add(tag.start);
    }
    runStart = i;
  }
  return buried;
}

/** Drops matches that lie inside a longer one; an accepted marker wins over a weak one on the same span. */
function outermost(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end || (a.kind === b.kind ? 0 : a.kind === "accepted" ? -1 : 1));
  const kept: Match[] = [];
  let coveredUntil = -1;
  for (const match of matches) {
    if (match.end <= coveredUntil) continue;
    kept.push(match);
    coveredUntil = match.end;
  }
  return kept;
}

function locate(text: FoldedText, match: Match, fold: number, buried: Set<number>): FoundMarker {
  const index = text.origin[match.start];
  const end = text.origin[match.end - 1] + 1;
  const afterFold = index >= fold;
  const isBuried = match.hashtag && buried.has(match.start);
  return {
    text: text.codePoints.slice(index, end).join(""),
    index,
    length: end - index,
    kind: match.kind,
    prominent: !afterFold && !isBuried,
    hashtag: match.hashtag,
    afterFold,
    buried: isBuried,
  };
}

const inSpecOrder = (reasons: Set<ReasonCode>) => reasonCodes.filter((code) => reasons.has(code));

export function checkDisclosure(input: DisclosureInput, ruleSet: RuleSet): DisclosureResult {
  const id = ruleSetId(ruleSet);
  if (!input.paid && !input.gifted && !input.affiliate)
    return { verdict: "not_required", reasons: ["NOT_REQUIRED"], markers: [], ruleSet: id };

  const rules = compile(ruleSet);
  const text = foldText(input.text);
  const onlyGifted = Boolean(input.gifted && !input.paid && !input.affiliate);
  const matches: Match[] = [];
  findMatches(text.folded, rules.accepted, "accepted", matches);
  findMatches(text.folded, rules.weak, "weak", matches);
  findMatches(text.folded, rules.giftOnly, onlyGifted ? "accepted" : "weak", matches);
  const buried = matches.some((m) => m.hashtag) ? buriedHashtags(text.folded) : new Set<number>();
  const fold = ruleSet.folds[input.platform];
  const markers = outermost(matches).map((match) => locate(text, match, fold, buried));

  const reasons = new Set<ReasonCode>();
  const accepted = markers.filter((m) => m.kind === "accepted");
  const prominent = accepted.some((m) => m.prominent);
  const labelAccepted = Boolean(input.platformLabel && ruleSet.platformLabelAlone);
  const imageReasons: ReasonCode[] = [];
  if (input.imagesRetouched && rules.retouched.length && !mentions(text.folded, rules.retouched))
    imageReasons.push("FR_RETOUCHED_MENTION_MISSING");
  if (input.imagesVirtual && rules.virtual.length && !mentions(text.folded, rules.virtual)) imageReasons.push("FR_VIRTUAL_MENTION_MISSING");

  let verdict: Verdict;
  if (prominent || labelAccepted) {
    if (prominent) reasons.add("PROMINENT_MARKER");
    if (labelAccepted) reasons.add("PLATFORM_LABEL_ACCEPTED");
    verdict = imageReasons.length ? "insufficient" : "compliant";
  } else if (!markers.length && !input.platformLabel) {
    reasons.add("NO_DISCLOSURE");
    verdict = "missing";
  } else {
    if (accepted.some((m) => m.afterFold)) reasons.add("MARKER_AFTER_FOLD");
    if (accepted.some((m) => m.buried)) reasons.add("MARKER_BURIED");
    if (markers.some((m) => m.kind === "weak")) reasons.add("WEAK_MARKER");
    if (input.platformLabel) reasons.add("PLATFORM_LABEL_ONLY");
    verdict = "insufficient";
  }
  for (const reason of imageReasons) reasons.add(reason);
  return { verdict, reasons: inSpecOrder(reasons), markers, ruleSet: id };
}
