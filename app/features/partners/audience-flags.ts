/**
 * Audiences that look suspicious from the numbers alone. A flag is a reason to look closer,
 * not a verdict, so each one carries the figures that raised it.
 */

export interface Measurement {
  measuredOn: Date;
  followers: number | null;
  engagementRate: number | null;
}

export type AudienceFlag =
  | { code: "lowEngagement"; engagementRate: number; typical: number; tier: FollowerTier }
  /** `since` is the day (YYYY-MM-DD) of the measurement the rise is counted from. */
  | { code: "followerJump"; from: number; to: number; percent: number; days: number; since: string };

export type FollowerTier = "nano" | "micro" | "mid" | "macro" | "mega";

/**
 * Typical engagement by follower tier (percent), from public industry benchmarks for
 * Instagram-like platforms; bigger audiences engage less.
 */
export const typicalEngagement: Record<FollowerTier, { upTo: number; typical: number }> = {
  nano: { upTo: 10_000, typical: 4 },
  micro: { upTo: 100_000, typical: 2 },
  mid: { upTo: 500_000, typical: 1.3 },
  macro: { upTo: 1_000_000, typical: 1 },
  mega: { upTo: Number.POSITIVE_INFINITY, typical: 0.8 },
};

/** Below a quarter of the tier's typical rate. */
export const LOW_ENGAGEMENT_FACTOR = 0.25;
/** A rise of more than 30 % within 30 days. */
export const JUMP_PERCENT = 30;
export const JUMP_WINDOW_DAYS = 30;

export function followerTier(followers: number): FollowerTier {
  return (Object.keys(typicalEngagement) as FollowerTier[]).find((tier) => followers <= typicalEngagement[tier].upTo) ?? "mega";
}

const DAY_MS = 86_400_000;

/** `history` in any order; the latest measurement is judged against the ones before it. */
export function audienceFlags(history: Measurement[]): AudienceFlag[] {
  const sorted = [...history].sort((a, b) => a.measuredOn.getTime() - b.measuredOn.getTime());
  const latest = sorted.at(-1);
  if (!latest) return [];
  const flags: AudienceFlag[] = [];

  if (latest.followers !== null && latest.engagementRate !== null && latest.followers >= 1_000) {
    const tier = followerTier(latest.followers);
    const typical = typicalEngagement[tier].typical;
    if (latest.engagementRate < typical * LOW_ENGAGEMENT_FACTOR) {
      flags.push({ code: "lowEngagement", engagementRate: latest.engagementRate, typical, tier });
    }
  }

  if (latest.followers !== null) {
    const windowStart = latest.measuredOn.getTime() - JUMP_WINDOW_DAYS * DAY_MS;
    const earlier = sorted.filter((m) => m !== latest && m.followers !== null && m.followers > 0 && m.measuredOn.getTime() >= windowStart);
    const lowest = earlier.reduce<Measurement | null>((low, m) => (!low || m.followers! < low.followers! ? m : low), null);
    if (lowest) {
      const percent = ((latest.followers - lowest.followers!) / lowest.followers!) * 100;
      if (percent > JUMP_PERCENT) {
        flags.push({
          code: "followerJump",
          from: lowest.followers!,
          to: latest.followers,
          percent: Math.round(percent * 10) / 10,
          days: Math.round((latest.measuredOn.getTime() - lowest.measuredOn.getTime()) / DAY_MS),
          since: lowest.measuredOn.toISOString().slice(0, 10),
        });
      }
    }
  }
  return flags;
}
