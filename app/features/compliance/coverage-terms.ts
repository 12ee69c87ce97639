/** Coverage metrics, overrides, review decisions and text highlighting: what the browser needs too (zod-free). */
import type { FoundMarker, Verdict } from "./disclosure/check";

export const metricNames = ["impressions", "reach", "views", "likes", "comments", "shares", "saves", "clicks", "conversions"] as const;

export type MetricName = (typeof metricNames)[number];

export const overrideChoices = ["auto", "yes", "no"] as const;

export type OverrideChoice = (typeof overrideChoices)[number];

export const overrideValue = (choice: OverrideChoice): boolean | null => (choice === "auto" ? null : choice === "yes");

export const overrideChoice = (value: boolean | null): OverrideChoice => (value === null ? "auto" : value ? "yes" : "no");

export const failingVerdicts: readonly Verdict[] = ["missing", "insufficient"];

export const isFailing = (verdict: Verdict) => failingVerdicts.includes(verdict);

export interface TextSegment {
  text: string;
  marker?: Pick<FoundMarker, "kind" | "prominent" | "afterFold" | "buried">;
}

/**
 * The text cut around its markers for highlighting. Marker positions are in code points, so
 * the text is cut by code points too: emoji, right-to-left marks and control characters keep
 * their place.
 */
export function highlightSegments(
  text: string,
  markers: readonly Pick<FoundMarker, "index" | "length" | "kind" | "prominent" | "afterFold" | "buried">[],
): TextSegment[] {
  const codePoints = Array.from(text);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const marker of [...markers].sort((a, b) => a.index - b.index)) {
    if (marker.index < at || marker.index + marker.length > codePoints.length) continue;
    if (marker.index > at) segments.push({ text: codePoints.slice(at, marker.index).join("") });
    segments.push({
      text: codePoints.slice(marker.index, marker.index + marker.length).join(""),
      marker: { kind: marker.kind, prominent: marker.prominent, afterFold: marker.afterFold, buried: marker.buried },
    });
    at = marker.index + marker.length;
  }
  if (at < codePoints.length) segments.push({ text: codePoints.slice(at).join("") });
  return segments;
}

export const reviewDecisions = ["confirmed_issue", "false_positive", "fixed_by_partner"] as const;

export type ReviewDecision = (typeof reviewDecisions)[number];

export const complianceSummaryColumns = [
  "scope",
  "key",
  "name",
  "checked",
  "compliant",
  "insufficient",
  "missing",
  "not_required",
  "awaiting_review",
  "confirmed_issues",
] as const;

/** The columns the coverage list sorts by on the server. */
export const coverageSorts = ["publishedOn", "item", "partner", "campaign", "impressions"] as const;
export type CoverageSort = (typeof coverageSorts)[number];
