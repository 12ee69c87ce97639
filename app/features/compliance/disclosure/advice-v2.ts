/**
 * Spec v2 results in words a partner can act on: for each reason and advisory, what is wrong,
 * where (the marker as written and its character), and what to write instead. Zod-free: the
 * portal runs it as the partner types. The sentences are in the portal's dictionaries.
 */
import { capitalised, labelAsWritten } from "./advice";
import type { AdvisoryCode, JurisdictionResult, ReasonCodeV2 } from "./check-v2";
import { labelLanguage, type PostLanguage, type RuleSetV2 } from "./rules-v2";

export const adviceKeysV2 = [
  "addMarker",
  "wholeLabelBeforeFold",
  "unbury",
  "openWithLabel",
  "replaceWeak",
  "giftLabelForAd",
  "wrongLanguage",
  "labelNotEnough",
  "showInVideo",
  "showOrSayInVideo",
  "repeatInLive",
  "sayInAudio",
  "nameAdvertiser",
  "addRetouchedMention",
  "addVirtualMention",
  "equivalentMention",
  "advertiserAdvised",
] as const;
export type AdviceKeyV2 = (typeof adviceKeysV2)[number];

export interface AdviceV2 {
  code: ReasonCodeV2 | AdvisoryCode;
  key: AdviceKeyV2;
  /** Advisories do not change the verdict. */
  advisory: boolean;
  /** What to write, as the partner should write it. */
  marker: string;
  /** The label found, as written, and its 1-based character, when the advice is about one. */
  found?: string;
  position?: number;
  /** Where "more" cuts the text, and Germany's start-of-post limit. */
  fold: number;
  limit: number | null;
  advertiser?: string;
}

/** The label we suggest for a jurisdiction and post language: its first accepted label. */
export function suggestedLabelV2(ruleSet: RuleSetV2, postLanguage: PostLanguage): string {
  return labelAsWritten(ruleSet.accepted[labelLanguage(ruleSet, postLanguage)][0] ?? "");
}

const REASON_ADVICE: Partial<Record<ReasonCodeV2, AdviceKeyV2>> = {
  NO_DISCLOSURE: "addMarker",
  MARKER_AFTER_FOLD: "wholeLabelBeforeFold",
  MARKER_BURIED: "unbury",
  MARKER_NOT_AT_START: "openWithLabel",
  WEAK_MARKER: "replaceWeak",
  GIFT_LABEL_FOR_AD: "giftLabelForAd",
  LABEL_WRONG_LANGUAGE: "wrongLanguage",
  PLATFORM_LABEL_ONLY: "labelNotEnough",
  LIVE_LABEL_NOT_REPEATED: "repeatInLive",
  SPOKEN_LABEL_MISSING: "sayInAudio",
  ADVERTISER_NOT_NAMED: "nameAdvertiser",
  FR_RETOUCHED_MENTION_MISSING: "addRetouchedMention",
  FR_VIRTUAL_MENTION_MISSING: "addVirtualMention",
};

/** Each reason a post fails for, then each advisory, as one piece of advice. */
export function disclosureAdviceV2(
  result: JurisdictionResult,
  ruleSet: RuleSetV2,
  input: { language?: PostLanguage; advertiser?: { name: string } },
): AdviceV2[] {
  const base = {
    marker: suggestedLabelV2(ruleSet, input.language ?? "en"),
    fold: result.fold,
    limit: result.startOfPost,
    advertiser: input.advertiser?.name,
  };
  const at = (marker: { text: string; index: number } | undefined) => (marker ? { found: marker.text, position: marker.index + 1 } : {});
  const textFault = (fault: string) => result.markers.find((m) => m.field === "text" && m.kind === "accepted" && m.fault === fault);
  const advice: AdviceV2[] = [];
  for (const code of result.reasons) {
    let key = REASON_ADVICE[code];
    if (code === "VIDEO_LABEL_MISSING") key = ruleSet.spokenLabelInVideo ? "showOrSayInVideo" : "showInVideo";
    if (!key) continue;
    const where =
      code === "MARKER_AFTER_FOLD" || code === "MARKER_BURIED" || code === "MARKER_NOT_AT_START"
        ? at(textFault(code))
        : code === "WEAK_MARKER"
          ? at(result.markers.find((m) => m.kind === "weak" && !m.giftLabelForAd) ?? result.markers.find((m) => m.kind === "weak"))
          : code === "GIFT_LABEL_FOR_AD"
            ? at(result.markers.find((m) => m.giftLabelForAd))
            : code === "LABEL_WRONG_LANGUAGE"
              ? at(result.markers.find((m) => m.kind === "foreign"))
              : {};
    const marker =
      code === "FR_RETOUCHED_MENTION_MISSING"
        ? capitalised(ruleSet.imageMentions.retouched[0] ?? "")
        : code === "FR_VIRTUAL_MENTION_MISSING"
          ? capitalised(ruleSet.imageMentions.virtual[0] ?? "")
          : base.marker;
    advice.push({ ...base, code, key, advisory: false, marker, ...where });
  }
  for (const code of result.advisories) {
    advice.push({ ...base, code, key: code === "FR_EQUIVALENT_MENTION" ? "equivalentMention" : "advertiserAdvised", advisory: true });
  }
  return advice;
}
