import { describe, expect, it } from "vitest";
import { connectionFlags, jurisdictionsFor, monthBounds, outcomeChanged, ReviewFormSchema } from "~/features/compliance/coverage";
import { parseMonthParam } from "~/shared/rules";
import { highlightSegments } from "~/features/compliance/coverage-terms";
import { planCoverageImport } from "~/features/compliance/coverage-import";
import { parseCsv } from "~/shared/csv";
import { checkDisclosure } from "~/features/compliance/disclosure/check";
import { defaultFolds, defaultRuleSets, parseMarkerLines, RuleSetFormSchema, rulesFromForm } from "~/features/compliance/disclosure/rules";
import { disclosurePlatforms } from "~/shared/disclosure-terms";

describe("jurisdictionsFor", () => {
  it("prefers the item's own jurisdiction, then the campaign's, then the workspace default", () => {
    expect(jurisdictionsFor("DE", ["US", "UK"], "FR")).toEqual({ jurisdictions: ["DE"], source: "item" });
    expect(jurisdictionsFor(null, ["US", "UK", "US"], "FR")).toEqual({ jurisdictions: ["US", "UK"], source: "campaign" });
    expect(jurisdictionsFor(null, [], "FR")).toEqual({ jurisdictions: ["FR"], source: "default" });
    expect(jurisdictionsFor(undefined, ["GB"], "UK")).toEqual({ jurisdictions: ["UK"], source: "default" });
  });
});

describe("connectionFlags", () => {
  it("derives paid and gifted from the links and lets an override win either way", () => {
    const none = { paidOverride: null, giftedOverride: null, affiliateOverride: null };
    expect(connectionFlags({ paid: true, gifted: false }, none)).toEqual({ paid: true, gifted: false, affiliate: false });
    expect(connectionFlags({ paid: true, gifted: true }, { ...none, paidOverride: false, affiliateOverride: true })).toEqual({
      paid: false,
      gifted: true,
      affiliate: true,
    });
  });
});

describe("highlightSegments", () => {
  it("cuts by code points, so emoji, right-to-left marks and control characters keep their place", () => {
    const text = "\u200f😀\u0007 #ad then 👩‍👩‍👧 #ad";
    const result = checkDisclosure({ jurisdiction: "US", platform: "x", text, paid: true }, defaultRuleSets.US);
    const segments = highlightSegments(text, result.markers);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.marker).map((s) => s.text)).toEqual(["#ad", "#ad"]);
  });

  it("ignores markers that overlap or run past the end instead of breaking the text", () => {
    const marker = { kind: "accepted" as const, prominent: true, afterFold: false, buried: false };
    const segments = highlightSegments("abc def", [
      { ...marker, index: 0, length: 3 },
      { ...marker, index: 1, length: 2 },
      { ...marker, index: 5, length: 10 },
    ]);
    expect(segments).toEqual([{ text: "abc", marker }, { text: " def" }]);
  });
});

describe("outcomeChanged", () => {
  it("compares markers whatever the key order jsonb gave them back in", () => {
    const result = checkDisclosure(
      { jurisdiction: "FR", platform: "instagram", text: "Publicité : ma routine", gifted: true },
      defaultRuleSets.FR,
    );
    const fromJsonb = result.markers.map((m) => Object.fromEntries(Object.entries(m).reverse()));
    expect(outcomeChanged({ verdict: result.verdict, reasons: result.reasons, markers: fromJsonb }, result)).toBe(false);
    expect(outcomeChanged({ verdict: "missing", reasons: ["NO_DISCLOSURE"], markers: [] }, result)).toBe(true);
  });
});

describe("months", () => {
  it("bounds a month and reads ?month=", () => {
    expect(monthBounds("2026-12")).toEqual({ from: "2026-12-01", until: "2027-01-01" });
    expect(parseMonthParam(null, "2026-11-21")).toEqual({ month: "2026-11" });
    expect(parseMonthParam("2026-13", "2026-11-21")).toEqual({ error: "errors.invalidMonth" });
  });
});

describe("review form", () => {
  it("needs a reason for a false positive and the new text for a fix", () => {
    expect(ReviewFormSchema.safeParse({ checkId: "c1", decision: "false_positive", note: "  " }).success).toBe(false);
    expect(ReviewFormSchema.safeParse({ checkId: "c1", decision: "fixed_by_partner" }).success).toBe(false);
    expect(ReviewFormSchema.safeParse({ checkId: "c1", decision: "confirmed_issue" }).success).toBe(true);
  });
});

describe("rule-set editor", () => {
  const form = (overrides: Record<string, string>) => ({
    jurisdiction: "US",
    baseVersion: "1",
    accepted: "ad\nAd\n  paid   partnership \n\n",
    weak: "collab",
    acceptedWhenOnlyGifted: "gifted",
    retouched: "",
    virtual: "",
    ...Object.fromEntries(disclosurePlatforms.map((p) => [`fold_${p}`, String(defaultFolds[p])])),
    ...overrides,
  });

  it("reads one marker per line, drops blanks and duplicates, and becomes a rule set", () => {
    expect(parseMarkerLines("ad\nAd\n  paid   partnership \n\n")).toEqual(["ad", "paid partnership"]);
    const parsed = RuleSetFormSchema.parse(form({ fold_instagram: "80" }));
    const rules = rulesFromForm(parsed);
    expect(rules).toMatchObject({ accepted: ["ad", "paid partnership"], platformLabelAlone: false, acceptedWhenOnlyGifted: ["gifted"] });
    expect(rules.folds.instagram).toBe(80);
    // A shorter fold now hides a marker that version 1 saw.
    const text = `${"x".repeat(90)} #ad`;
    expect(
      checkDisclosure({ jurisdiction: "US", platform: "instagram", text, paid: true }, { ...defaultRuleSets.US, ...rules, version: 2 })
        .reasons,
    ).toEqual(["MARKER_AFTER_FOLD"]);
  });

  it("refuses no accepted marker, a marker in both lists and a fold of 0", () => {
    expect(RuleSetFormSchema.safeParse(form({ accepted: "" })).success).toBe(false);
    expect(RuleSetFormSchema.safeParse(form({ weak: "AD" })).success).toBe(false);
    expect(RuleSetFormSchema.safeParse(form({ fold_tiktok: "0" })).success).toBe(false);
    expect(RuleSetFormSchema.safeParse(form({ accepted: "ad\n###" })).success).toBe(false);
  });
});

describe("coverage CSV", () => {
  it("names the missing columns", () => {
    const plan = planCoverageImport(parseCsv("partner,url\nx,https://a.example"));
    expect(plan.errors.map((e) => e.column)).toEqual(["platform", "published_on", "text"]);
  });
});
