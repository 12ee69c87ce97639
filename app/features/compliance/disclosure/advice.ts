/**
 * What a partner must change for a post to pass, in words they can act on: which marker, and
 * where (before the "more" fold, apart from the hashtags). Zod-free: the portal runs it as the
 * partner types, and the server runs the same on submit.
 */
import { checkDisclosure, type DisclosureInput, type DisclosureResult } from "./check";
import type { RuleSet } from "./rules";
import type { DisclosureJurisdiction, DisclosurePlatform } from "~/shared/disclosure-terms";

export const adviceKeys = [
  "addMarker",
  "moveBeforeFold",
  "unbury",
  "replaceWeak",
  "labelNotEnough",
  "addRetouchedMention",
  "addVirtualMention",
] as const;
export type AdviceKey = (typeof adviceKeys)[number];

export interface Advice {
  jurisdiction: DisclosureJurisdiction;
  key: AdviceKey;
  /** The marker to write, as the partner should write it. */
  marker: string;
  /** The marker as found in their text, when the advice is about one. */
  found?: string;
  /** 1-based position of what was found, in characters. */
  position?: number;
  /** How many characters the platform shows before "more". */
  fold: number;
}

export const capitalised = (phrase: string) => phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1);

/** A label as we suggest writing it: short ones read best as a hashtag, others capitalised. */
export const labelAsWritten = (phrase: string) => (phrase.length <= 3 ? `#${phrase}` : capitalised(phrase));

/** The marker we suggest: the rule set's first accepted marker. */
export function suggestedMarker(ruleSet: RuleSet): string {
  return labelAsWritten(ruleSet.accepted[0] ?? "");
}

/** Each reason the post fails under one rule set, as one piece of advice. */
export function disclosureAdvice(result: DisclosureResult, ruleSet: RuleSet, platform: DisclosurePlatform): Advice[] {
  const base = { jurisdiction: ruleSet.jurisdiction, marker: suggestedMarker(ruleSet), fold: ruleSet.folds[platform] };
  const advice: Advice[] = [];
  const accepted = result.markers.filter((marker) => marker.kind === "accepted");
  const at = (marker: { text: string; index: number }) => ({ found: marker.text, position: marker.index + 1 });
  for (const reason of result.reasons) {
    switch (reason) {
      case "NO_DISCLOSURE":
        advice.push({ ...base, key: "addMarker" });
        break;
      case "MARKER_AFTER_FOLD": {
        const late = accepted.find((marker) => marker.afterFold) ?? result.markers.find((marker) => marker.afterFold);
        advice.push({ ...base, key: "moveBeforeFold", ...(late ? at(late) : {}) });
        break;
      }
      case "MARKER_BURIED": {
        const buried = accepted.find((marker) => marker.buried) ?? result.markers.find((marker) => marker.buried);
        advice.push({ ...base, key: "unbury", ...(buried ? at(buried) : {}) });
        break;
      }
      case "WEAK_MARKER": {
        const weak = result.markers.find((marker) => marker.kind === "weak");
        advice.push({ ...base, key: "replaceWeak", ...(weak ? at(weak) : {}) });
        break;
      }
      case "PLATFORM_LABEL_ONLY":
        advice.push({ ...base, key: "labelNotEnough" });
        break;
      case "FR_RETOUCHED_MENTION_MISSING":
        advice.push({ ...base, key: "addRetouchedMention", marker: capitalised(ruleSet.imageMentions.retouched[0] ?? "") });
        break;
      case "FR_VIRTUAL_MENTION_MISSING":
        advice.push({ ...base, key: "addVirtualMention", marker: capitalised(ruleSet.imageMentions.virtual[0] ?? "") });
        break;
      default:
        break;
    }
  }
  return advice;
}

export interface DraftCheck {
  jurisdiction: DisclosureJurisdiction;
  ruleSetVersion: number;
  verdict: DisclosureResult["verdict"];
  reasons: DisclosureResult["reasons"];
  advice: Advice[];
}

export const isPassing = (verdict: DisclosureResult["verdict"]) => verdict === "compliant" || verdict === "not_required";

/** A draft checked under every rule set that would apply to it once published. */
export function checkDraft(input: Omit<DisclosureInput, "jurisdiction">, ruleSets: readonly RuleSet[]): DraftCheck[] {
  return ruleSets.map((ruleSet) => {
    const result = checkDisclosure({ ...input, jurisdiction: ruleSet.jurisdiction }, ruleSet);
    return {
      jurisdiction: ruleSet.jurisdiction,
      ruleSetVersion: ruleSet.version,
      verdict: result.verdict,
      reasons: result.reasons,
      advice: disclosureAdvice(result, ruleSet, input.platform),
    };
  });
}

const VERDICT_RANK: Record<DisclosureResult["verdict"], number> = { not_required: 0, compliant: 0, insufficient: 1, missing: 2 };

/** Whether the published post discloses less well than the approved draft did, under one jurisdiction. */
export function disclosureWeakened(approved: DisclosureResult["verdict"], published: DisclosureResult["verdict"]): boolean {
  return VERDICT_RANK[published] > VERDICT_RANK[approved];
}
