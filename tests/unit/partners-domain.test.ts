import { describe, expect, it } from "vitest";
import { audienceFlags, followerTier } from "~/features/partners/audience-flags";
import {
  buildSearchText,
  ChannelFormSchema,
  httpUrl,
  parseShares,
  parseTags,
  PartnerFormSchema,
  websiteDomain,
} from "~/features/partners/partners";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("partner fields", () => {
  it("accepts only http(s) URLs", () => {
    expect(httpUrl.safeParse("https://lea-cuisine.fr/blog").success).toBe(true);
    expect(httpUrl.safeParse("http://example.com").success).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://example.com",
      "https://localhost",
      "https://example.com/a page",
    ]) {
      expect(httpUrl.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("parses tags, de-duplicated and lower-cased", () => {
    expect(parseTags(" Beauté, Lyon ;beauté,, ")).toEqual(["beauté", "lyon"]);
  });

  it("parses audience shares in either language's notation", () => {
    expect(parseShares("FR 61,5 %, BE 20")).toEqual({ FR: 61.5, BE: 20 });
    expect(parseShares("18-24: 30; 25-34: 45")).toEqual({ "18-24": 30, "25-34": 45 });
    expect(parseShares("FR 80, BE 40")).toBeNull(); // more than 100 %
    expect(parseShares("FR lots")).toBeNull();
  });

  it("derives the website domain and the search text", () => {
    expect(websiteDomain("https://www.Lea-Cuisine.fr/blog?x=1")).toBe("lea-cuisine.fr");
    expect(websiteDomain(null)).toBeNull();
    expect(
      buildSearchText({ name: "Léa Martin", email: "lea@x.fr", website: null, tags: ["food"] }, [{ handle: "@LeaCuisine", url: null }]),
    ).toBe("léa martin lea@x.fr food @leacuisine");
  });

  it("reports each bad partner field with its own message", () => {
    const result = PartnerFormSchema.safeParse({
      name: "",
      kind: "wizard",
      email: "nope",
      website: "javascript:alert(1)",
      country: "France",
      stage: "prospect",
      tags: "",
    });
    const errors = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(errors).toEqual({
      name: "errors.required",
      kind: "errors.invalidChoice",
      email: "errors.invalidEmail",
      website: "errors.invalidUrl",
      country: "errors.invalidCountry",
    });
  });

  it("normalises a valid partner", () => {
    const result = PartnerFormSchema.parse({
      name: " Léa ",
      kind: "blogger",
      email: "Lea@Example.FR",
      country: "fr",
      language: "FR",
      stage: "active",
      tags: "Food, Lyon",
      notes: "",
    });
    expect(result).toEqual({
      name: "Léa",
      kind: "blogger",
      email: "lea@example.fr",
      country: "FR",
      language: "fr",
      stage: "active",
      tags: ["food", "lyon"],
    });
  });

  it("rejects negative followers and an engagement rate above 100 %", () => {
    const result = ChannelFormSchema.safeParse({ platform: "instagram", followers: "-5", engagementRate: "120" });
    const errors = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(errors).toEqual({ followers: "errors.negative", engagementRate: "errors.percentOver100" });
  });

  it("reads French number formats", () => {
    expect(ChannelFormSchema.parse({ platform: "instagram", followers: "12 500", engagementRate: "3,2" })).toMatchObject({
      followers: 12500,
      engagementRate: 3.2,
    });
  });
});

describe("suspicious audiences", () => {
  it("puts follower counts in tiers", () => {
    expect([5_000, 10_000, 10_001, 250_000, 800_000, 2_000_000].map(followerTier)).toEqual([
      "nano",
      "nano",
      "micro",
      "mid",
      "macro",
      "mega",
    ]);
  });

  it("flags engagement far below the tier's typical rate, with the figures", () => {
    // micro tier: typical 2 %, flagged below 0.5 %
    expect(audienceFlags([{ measuredOn: day("2026-01-01"), followers: 50_000, engagementRate: 0.4 }])).toEqual([
      { code: "lowEngagement", engagementRate: 0.4, typical: 2, tier: "micro" },
    ]);
    expect(audienceFlags([{ measuredOn: day("2026-01-01"), followers: 50_000, engagementRate: 0.5 }])).toEqual([]);
    // Too small an audience to judge.
    expect(audienceFlags([{ measuredOn: day("2026-01-01"), followers: 800, engagementRate: 0.1 }])).toEqual([]);
  });

  it("flags a jump of more than 30 % within 30 days", () => {
    const flags = audienceFlags([
      { measuredOn: day("2026-03-20"), followers: 14_000, engagementRate: null },
      { measuredOn: day("2026-03-01"), followers: 10_000, engagementRate: null },
      { measuredOn: day("2026-02-01"), followers: 5_000, engagementRate: null }, // outside the window
    ]);
    expect(flags).toEqual([{ code: "followerJump", from: 10_000, to: 14_000, percent: 40, days: 19, since: "2026-03-01" }]);
    expect(
      audienceFlags([
        { measuredOn: day("2026-03-01"), followers: 10_000, engagementRate: null },
        { measuredOn: day("2026-03-20"), followers: 13_000, engagementRate: null },
      ]),
    ).toEqual([]);
  });
});

describe("web addresses", () => {
  it("adds https:// to what people type, and refuses spaces", () => {
    expect(httpUrl.parse("www.site.fr")).toBe("https://www.site.fr");
    expect(httpUrl.parse(" site.fr/blog ")).toBe("https://site.fr/blog");
    expect(httpUrl.parse("http://site.fr")).toBe("http://site.fr");
    expect(httpUrl.safeParse("https://site.fr/mon article").success).toBe(false);
    expect(httpUrl.safeParse("javascript:alert(1)").success).toBe(false);
    expect(httpUrl.safeParse("localhost").success).toBe(false);
  });
});
