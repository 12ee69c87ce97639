/**
 * Spec v2 (../shared/docs/disclosure-rules-v2.md) through the batch contract: the worked examples
 * of §10, then a case or more per rule of §2–§8 with its boundaries. Every expectation is written
 * by hand from the spec, never from the checker's output.
 */
import { describe, expect, it } from "vitest";
import { checkJsonLine } from "~/features/compliance/disclosure/batch";

interface Marker {
  text: string;
  field: string;
  index: number;
  length: number;
  kind: string;
  prominent: boolean;
}
interface Result {
  jurisdiction: string;
  context: string;
  verdict: string;
  reasons: string[];
  advisories: string[];
  markers: Marker[];
  ruleSet: string;
}
interface Output {
  id: unknown;
  specVersion?: number;
  format?: string;
  verdict?: string;
  results?: Result[];
  error?: string;
}

const run = (line: Record<string, unknown>): Output => JSON.parse(checkJsonLine(JSON.stringify({ specVersion: 2, ...line })));
const paid = { relationship: { paid: true } };

/** The only jurisdiction's result. */
function one(line: Record<string, unknown>): Result {
  const output = run({ platform: "instagram", ...line });
  expect(output.error).toBeUndefined();
  expect(output.results).toHaveLength(1);
  return output.results![0];
}
const summary = (result: Result) => [result.context, result.verdict, result.reasons, result.advisories];

describe("§10 worked examples", () => {
  const morningRun = "Morning run in the new trainers from @stride #gifted";
  it("UK gift with no strings attached: #gifted is enough", () => {
    expect(summary(one({ jurisdiction: "UK", relationship: { gifts: 1 }, text: morningRun }))).toEqual([
      "gift",
      "compliant",
      ["PROMINENT_MARKER"],
      [],
    ]);
  });
  it("UK gift with brand control is an ad, and #gifted is a gift label for an ad", () => {
    expect(summary(one({ jurisdiction: "UK", relationship: { gifts: 1, brandControl: true }, text: morningRun }))).toEqual([
      "ad",
      "insufficient",
      ["WEAK_MARKER", "GIFT_LABEL_FOR_AD"],
      [],
    ]);
  });
  it("US gift with a commission is an ad", () => {
    expect(summary(one({ jurisdiction: "US", relationship: { gifts: 1, affiliate: true }, text: morningRun }))).toEqual([
      "ad",
      "insufficient",
      ["WEAK_MARKER", "GIFT_LABEL_FOR_AD"],
      [],
    ]);
  });
  it("Instagram: #ad ending at 125 is before the fold, ending at 126 is not", () => {
    const at = (before: number) => one({ jurisdiction: "US", ...paid, text: `${"a".repeat(before - 1)} #ad` });
    expect(summary(at(122))).toEqual(["ad", "compliant", ["PROMINENT_MARKER"], []]);
    const late = at(123);
    expect(summary(late)).toEqual(["ad", "insufficient", ["MARKER_AFTER_FOLD"], []]);
    expect(late.markers).toEqual([{ text: "#ad", field: "text", index: 123, length: 3, kind: "accepted", prominent: false }]);
  });
  it("DE: « Werbung » at character 70 does not open the post", () => {
    const before = "Mein neuer Lieblingsrucksack begleitet mich auf der ganzen Tour.".padEnd(70);
    const result = one({ jurisdiction: "DE", ...paid, text: `${before}Werbung` });
    expect(summary(result)).toEqual(["ad", "insufficient", ["MARKER_NOT_AT_START"], []]);
    expect(result.markers[0]).toMatchObject({ text: "Werbung", index: 70, length: 7, kind: "accepted", prominent: false });
  });
  it("DE: #ad is in the wrong language (the §3 output example)", () => {
    const output = run({ id: "p1", jurisdiction: "DE", platform: "instagram", ...paid, text: "#ad Mein neuer Rucksack" });
    expect(output).toEqual({
      id: "p1",
      specVersion: 2,
      format: "post",
      verdict: "insufficient",
      results: [
        {
          jurisdiction: "DE",
          context: "ad",
          verdict: "insufficient",
          reasons: ["LABEL_WRONG_LANGUAGE"],
          advisories: [],
          markers: [{ text: "#ad", field: "text", index: 0, length: 3, kind: "foreign", prominent: true }],
          ruleSet: "DE@v2.1",
        },
      ],
    });
  });
  it("US post written in French: « Publicité » is accepted (given a deal; the example omits it)", () => {
    expect(summary(one({ jurisdiction: "US", language: "fr", ...paid, text: "Publicité : ma routine" }))).toEqual([
      "ad",
      "compliant",
      ["PROMINENT_MARKER"],
      [],
    ]);
  });
  it("FR: « Partenariat rémunéré » is an equivalent mention", () => {
    const result = one({ jurisdiction: "FR", ...paid, text: "Partenariat rémunéré avec @glow" });
    expect(summary(result)).toEqual(["ad", "compliant", ["PROMINENT_MARKER"], ["FR_EQUIVALENT_MENTION"]]);
    expect(result.markers.map((m) => m.text)).toEqual(["Partenariat rémunéré"]);
  });
  it("FR: the platform's label alone is accepted, as an equivalent mention", () => {
    expect(summary(one({ jurisdiction: "FR", ...paid, platformLabel: true, text: "Ma routine du soir" }))).toEqual([
      "ad",
      "compliant",
      ["PLATFORM_LABEL_ACCEPTED"],
      ["FR_EQUIVALENT_MENTION"],
    ]);
  });
  it("FR YouTube video with the label said only: it must be on screen", () => {
    const result = one({
      jurisdiction: "FR",
      platform: "youtube",
      ...paid,
      text: "Ma routine du soir",
      spokenLabel: "Cette vidéo est une collaboration commerciale avec Glow",
    });
    expect(summary(result)).toEqual(["ad", "insufficient", ["VIDEO_LABEL_MISSING"], []]);
    expect(result.markers).toEqual([
      { text: "collaboration commerciale", field: "spokenLabel", index: 20, length: 25, kind: "accepted", prominent: true },
    ]);
  });
  it("US podcast with the label in the show notes only", () => {
    expect(summary(one({ jurisdiction: "US", platform: "podcast", ...paid, text: "Sponsored by Acme. Episode 12: sleep" }))).toEqual([
      "ad",
      "insufficient",
      ["SPOKEN_LABEL_MISSING"],
      [],
    ]);
  });
  it("US Twitch stream with #ad on screen once", () => {
    expect(summary(one({ jurisdiction: "US", platform: "twitch", ...paid, text: "Late stream", onScreenLabel: "#ad" }))).toEqual([
      "ad",
      "insufficient",
      ["LIVE_LABEL_NOT_REPEATED"],
      [],
    ]);
  });
  it("FR « Publicité » without naming Glow", () => {
    expect(
      summary(one({ jurisdiction: "FR", ...paid, advertiser: { name: "Glow", handles: ["@glow"] }, text: "Publicité – ma routine" })),
    ).toEqual(["ad", "insufficient", ["PROMINENT_MARKER", "ADVERTISER_NOT_NAMED"], []]);
  });
  it("US look-alikes: full-width and a zero-width space are folded, a Cyrillic a is not", () => {
    expect(one({ jurisdiction: "US", ...paid, text: "＃ad New drop" }).verdict).toBe("compliant");
    expect(one({ jurisdiction: "US", ...paid, text: "#a\u200Bd New drop" }).verdict).toBe("compliant");
    expect(summary(one({ jurisdiction: "US", ...paid, text: "#\u0430d New drop" }))).toEqual(["ad", "missing", ["NO_DISCLOSURE"], []]);
  });
});

describe("§4 context", () => {
  it("an organic post is not looked at, whatever it says", () => {
    const result = one({ jurisdiction: "FR", relationship: {}, text: "#pub cadeau" });
    expect(result).toMatchObject({ context: "organic", verdict: "not_required", reasons: ["NOT_REQUIRED"], advisories: [], markers: [] });
  });
  it("a gift alone is an ad in France and Germany, a gift in the US", () => {
    const output = run({ jurisdictions: ["US", "FR", "DE"], platform: "instagram", relationship: { gifts: 2 }, text: "#gifted" });
    expect(output.results!.map((r) => [r.jurisdiction, r.context, r.verdict])).toEqual([
      ["US", "gift", "compliant"],
      ["FR", "ad", "insufficient"],
      ["DE", "ad", "insufficient"],
    ]);
    expect(output.verdict).toBe("insufficient");
  });
  it("a promo code or a tracked link alone makes an ad", () => {
    expect(one({ jurisdiction: "UK", relationship: { promoCode: true }, text: "Code RUN10" }).context).toBe("ad");
    expect(one({ jurisdiction: "UK", relationship: { trackedLink: true }, text: "link" }).context).toBe("ad");
  });
  it("reads v1's paid/gifted/affiliate on a v2 line", () => {
    expect(one({ jurisdiction: "US", gifted: true, text: "#gifted" })).toMatchObject({ context: "gift", verdict: "compliant" });
    expect(one({ jurisdiction: "US", gifted: true, affiliate: true, text: "#gifted" })).toMatchObject({ context: "ad" });
    expect(one({ jurisdiction: "US", paid: false, text: "#ad" }).context).toBe("organic");
  });
});

describe("§5 folding and positions", () => {
  it("counts an invisible character inside a marker, not a combining mark after it", () => {
    expect(one({ jurisdiction: "US", ...paid, text: "#a\u200Bd" }).markers[0]).toMatchObject({ text: "#a\u200Bd", index: 0, length: 4 });
    expect(one({ jurisdiction: "FR", ...paid, text: "Publicite\u0301 ici" }).markers[0]).toMatchObject({ index: 0, length: 9 });
  });
  it("reads a soft hyphen and mathematical bold letters as nothing and plain letters", () => {
    expect(summary(one({ jurisdiction: "DE", ...paid, text: "W\u00ADerbung: mein Rucksack" }))).toEqual([
      "ad",
      "compliant",
      ["PROMINENT_MARKER"],
      [],
    ]);
    expect(one({ jurisdiction: "US", ...paid, text: "𝐀𝐃 new drop" }).markers[0]).toMatchObject({ kind: "accepted", index: 0, length: 2 });
  });
  it("keeps the outermost of overlapping labels", () => {
    const result = one({ jurisdiction: "UK", ...paid, text: "Thanks to Acme, in partnership with Acme" });
    expect(result.markers.map((m) => m.text)).toEqual(["Thanks to", "in partnership with"]);
  });
  it("does not find a label inside a word", () => {
    expect(one({ jurisdiction: "US", ...paid, text: "#adventure on the road, loads of fun" }).markers).toEqual([]);
  });
});

describe("§6 kinds", () => {
  it("UK accepts only ad and its forms; sponsored is weak there", () => {
    expect(summary(one({ jurisdiction: "UK", ...paid, text: "Sponsored: new shoes" }))).toEqual([
      "ad",
      "insufficient",
      ["WEAK_MARKER"],
      [],
    ]);
    expect(one({ jurisdiction: "UK", ...paid, text: "Advertising: new shoes" }).verdict).toBe("compliant");
  });
  it("FR: an English label is foreign, a bare « sponsorisé » weak, « sponsorisé par » accepted", () => {
    expect(one({ jurisdiction: "FR", ...paid, text: "#ad ma routine @glow" }).markers[0].kind).toBe("foreign");
    expect(one({ jurisdiction: "FR", ...paid, text: "Sponsorisé ma routine" }).markers[0].kind).toBe("weak");
    const result = one({ jurisdiction: "FR", ...paid, text: "Sponsorisé par Glow" });
    expect(result.markers.map((m) => [m.text, m.kind])).toEqual([["Sponsorisé par", "accepted"]]);
  });
  it("a gift label of another language is weak, not foreign", () => {
    expect(summary(one({ jurisdiction: "DE", relationship: { gifts: 1 }, text: "Cadeau! Mein Rucksack" }))).toEqual([
      "ad",
      "insufficient",
      ["WEAK_MARKER"],
      [],
    ]);
  });
});

describe("§7 prominence", () => {
  it("DE: a label ending at character 50 opens the post, one ending at 51 does not", () => {
    const at = (end: number) => one({ jurisdiction: "DE", ...paid, text: `${"x".repeat(end - 8)} Werbung und mehr` });
    expect(at(50).verdict).toBe("compliant");
    expect(summary(at(51))).toEqual(["ad", "insufficient", ["MARKER_NOT_AT_START"], []]);
  });
  it("after the fold comes before buried, which comes before not at start", () => {
    const pile = `${"Mein Tag ".repeat(8)}#werbung #rucksack #berge`;
    expect(one({ jurisdiction: "DE", ...paid, text: pile }).reasons).toEqual(["MARKER_BURIED"]);
    const late = `${"Mein Tag ".repeat(14)}#werbung #rucksack #berge`;
    expect(one({ jurisdiction: "DE", ...paid, text: late }).reasons).toEqual(["MARKER_AFTER_FOLD"]);
  });
  it("a blog's fold comes at its first link when that is before 600", () => {
    const text = "Mes essais du mois, à lire ici : https://example.org/essais puis publicité";
    const result = one({ jurisdiction: "FR", platform: "blog", ...paid, text });
    expect(summary(result)).toEqual(["ad", "insufficient", ["MARKER_AFTER_FOLD"], []]);
    expect(one({ jurisdiction: "FR", platform: "blog", ...paid, text: "Publicité. Mes essais : www.example.org" }).verdict).toBe(
      "compliant",
    );
  });
  it("YouTube's fold is 157 in v2", () => {
    const text = `${"a".repeat(150)} #ad`;
    expect(one({ jurisdiction: "US", platform: "youtube", format: "post", ...paid, text }).verdict).toBe("compliant");
  });
});

describe("§8 verdicts by format", () => {
  it("a label in the title alone is enough for an article", () => {
    const result = one({ jurisdiction: "US", platform: "blog", ...paid, title: "Sponsored: my pans", text: "I cooked all week." });
    expect(summary(result)).toEqual(["ad", "compliant", ["PROMINENT_MARKER"], []]);
    expect(result.markers[0]).toMatchObject({ field: "title", index: 0, length: 9, prominent: true });
  });
  it("a podcast with the label said only passes", () => {
    expect(
      summary(one({ jurisdiction: "US", platform: "podcast", ...paid, text: "Episode 12", spokenLabel: "This episode is an ad for Acme" })),
    ).toEqual(["ad", "compliant", ["PROMINENT_MARKER"], []]);
  });
  it("a YouTube description's « Sponsored by » is not in the video", () => {
    expect(summary(one({ jurisdiction: "US", platform: "youtube", ...paid, text: "Sponsored by Acme" }))).toEqual([
      "ad",
      "insufficient",
      ["VIDEO_LABEL_MISSING"],
      [],
    ]);
  });
  it("on Instagram and TikTok the caption is shown over the video", () => {
    expect(one({ jurisdiction: "US", platform: "tiktok", ...paid, text: "#ad new drop" }).verdict).toBe("compliant");
    expect(one({ jurisdiction: "US", platform: "instagram", format: "video", ...paid, text: "#ad new drop" }).verdict).toBe("compliant");
  });
  it("a spoken label counts in a video outside France", () => {
    const line = { platform: "youtube", ...paid, text: "My routine", spokenLabel: "this video is sponsored by Acme" };
    expect(one({ jurisdiction: "US", ...line }).verdict).toBe("compliant");
  });
  it("a live stream passes when the label is repeated", () => {
    const line = { jurisdiction: "UK", platform: "twitch", ...paid, text: "Late stream", onScreenLabel: "AD" };
    expect(one({ ...line, labelRepeated: true }).verdict).toBe("compliant");
    expect(summary(one({ ...line, text: "Late stream" }))).toEqual(["ad", "insufficient", ["LIVE_LABEL_NOT_REPEATED"], []]);
  });
  it("a live stream with nothing in it misses the video label", () => {
    expect(one({ jurisdiction: "US", platform: "twitch", ...paid, text: "#ad tonight", labelRepeated: true }).reasons).toEqual([
      "VIDEO_LABEL_MISSING",
    ]);
  });
  it("ignores what is said on a photo post", () => {
    expect(summary(one({ jurisdiction: "US", ...paid, text: "New shoes", spokenLabel: "#ad" }))).toEqual([
      "ad",
      "missing",
      ["NO_DISCLOSURE"],
      [],
    ]);
  });
  it("the platform label is not enough in the US, nor in audio anywhere", () => {
    expect(summary(one({ jurisdiction: "US", ...paid, platformLabel: true, text: "#ad shoes" }))).toEqual([
      "ad",
      "compliant",
      ["PROMINENT_MARKER", "PLATFORM_LABEL_ONLY"],
      [],
    ]);
    expect(summary(one({ jurisdiction: "UK", platform: "podcast", ...paid, platformLabel: true, text: "Episode" }))).toEqual([
      "ad",
      "insufficient",
      ["PLATFORM_LABEL_ONLY", "SPOKEN_LABEL_MISSING"],
      [],
    ]);
  });
  it("names the advertiser by name, hashtag or handle, and a handle must end there", () => {
    expect(one({ jurisdiction: "UK", ...paid, advertiser: { name: "Glow" }, text: "Ad: my evening #glow" }).reasons).toEqual([
      "PROMINENT_MARKER",
    ]);
    const glow = { jurisdiction: "UK", ...paid, advertiser: { name: "Lumen Cosmetics", handles: ["@glowparis"] } };
    expect(one({ ...glow, text: "Ad: my evening with @glowparis." }).reasons).toEqual(["PROMINENT_MARKER"]);
    expect(summary(one({ ...glow, text: "Ad: my evening with @glowparis_shop" }))).toEqual([
      "ad",
      "insufficient",
      ["PROMINENT_MARKER", "ADVERTISER_NOT_NAMED"],
      [],
    ]);
    expect(one({ ...glow, text: "Ad: my evening with @glow.paris" }).verdict).toBe("insufficient");
  });
  it("advises on the advertiser in the US, says nothing for a UK gift, skips it under the platform label", () => {
    const acme = { advertiser: { name: "Acme Running" }, text: "#ad new shoes" };
    expect(summary(one({ jurisdiction: "US", ...paid, ...acme }))).toEqual([
      "ad",
      "compliant",
      ["PROMINENT_MARKER"],
      ["ADVERTISER_NOT_NAMED"],
    ]);
    expect(summary(one({ jurisdiction: "UK", relationship: { gifts: 1 }, ...acme, text: "#gifted shoes" }))).toEqual([
      "gift",
      "compliant",
      ["PROMINENT_MARKER"],
      [],
    ]);
    expect(one({ jurisdiction: "DE", ...paid, ...acme, text: "Werbung", platformLabel: true }).reasons).toEqual([
      "PROMINENT_MARKER",
      "PLATFORM_LABEL_ACCEPTED",
    ]);
  });
  it("a missing disclosure stays missing, with the advertiser reason beside it", () => {
    expect(summary(one({ jurisdiction: "FR", ...paid, advertiser: { name: "Glow" }, text: "Ma routine" }))).toEqual([
      "ad",
      "missing",
      ["NO_DISCLOSURE", "ADVERTISER_NOT_NAMED"],
      [],
    ]);
  });
  it("FR retouched and virtual images need their mention, anywhere but what is said", () => {
    const base = { jurisdiction: "FR", ...paid, advertiser: { name: "Glow" } };
    expect(one({ ...base, imagesRetouched: true, text: "Publicité Glow – photo retouchée" }).verdict).toBe("compliant");
    expect(summary(one({ ...base, imagesRetouched: true, imagesVirtual: true, text: "Publicité Glow" }))).toEqual([
      "ad",
      "insufficient",
      ["PROMINENT_MARKER", "FR_RETOUCHED_MENTION_MISSING", "FR_VIRTUAL_MENTION_MISSING"],
      [],
    ]);
    expect(one({ ...base, imagesVirtual: true, text: "Publicité Glow", title: "Image générée par IA" }).verdict).toBe("compliant");
    expect(one({ jurisdiction: "US", ...paid, imagesRetouched: true, text: "#ad" }).verdict).toBe("compliant");
  });
  it("lists markers by field, then by position", () => {
    const result = one({ jurisdiction: "US", platform: "youtube", ...paid, text: "collab #ad", title: "Sponsored", onScreenLabel: "Ad" });
    expect(result.markers.map((m) => [m.field, m.text])).toEqual([
      ["text", "collab"],
      ["text", "#ad"],
      ["title", "Sponsored"],
      ["onScreenLabel", "Ad"],
    ]);
  });
});

describe("§1–§2 lines and errors", () => {
  const error = (line: Record<string, unknown>) => run({ platform: "instagram", text: "x", jurisdiction: "US", ...line }).error;
  it("keeps v1 output for lines without specVersion or with 1", () => {
    const v1 = JSON.parse(checkJsonLine('{"id":1,"jurisdiction":"US","platform":"instagram","text":"#ad","paid":true}'));
    expect(v1).toEqual({
      id: 1,
      verdict: "compliant",
      reasons: ["PROMINENT_MARKER"],
      markers: [{ text: "#ad", index: 0, kind: "accepted", prominent: true }],
      ruleSet: "US@1",
    });
    expect(checkJsonLine('{"id":1,"specVersion":1,"jurisdiction":"US","platform":"instagram","text":"#ad","paid":true}')).toBe(
      JSON.stringify(v1),
    );
  });
  it.each([
    [{ specVersion: 3 }, "specVersion"],
    [{ jurisdiction: undefined }, "jurisdiction"],
    [{ jurisdictions: ["US"] }, "jurisdiction"],
    [{ jurisdiction: undefined, jurisdictions: [] }, "empty"],
    [{ jurisdiction: undefined, jurisdictions: ["US", "US"] }, "repeat"],
    [{ jurisdiction: undefined, jurisdictions: ["US", "ES"] }, "unknown jurisdiction"],
    [{ jurisdiction: "ES" }, "unknown jurisdiction"],
    [{ platform: "myspace" }, "platform"],
    [{ format: "reel" }, "format"],
    [{ language: "es" }, "language"],
    [{ text: 3 }, "text"],
    [{ title: 3 }, "title"],
    [{ spokenLabel: true }, "spokenLabel"],
    [{ labelRepeated: "yes" }, "labelRepeated"],
    [{ relationship: [] }, "relationship"],
    [{ relationship: { gifts: true } }, "gifts"],
    [{ relationship: { gifts: 1.5 } }, "gifts"],
    [{ relationship: { gifts: -1 } }, "gifts"],
    [{ relationship: { paid: 1 } }, "relationship.paid"],
    [{ relationship: { money: true } }, "unknown key"],
    [{ relationship: {}, paid: true }, "not both"],
    [{ advertiser: "Glow" }, "advertiser"],
    [{ advertiser: { name: "—" } }, "advertiser"],
    [{ advertiser: { name: "Glow", handles: "glow" } }, "advertiser"],
  ])("refuses %j with a message about %s, keeping the id", (line, about) => {
    const output = run({ id: "x1", platform: "instagram", text: "x", jurisdiction: "US", ...line });
    expect(output.id).toBe("x1");
    expect(output.error).toContain(about);
    expect(output.results).toBeUndefined();
  });
  it("accepts null titles and labels, and ignores unknown keys", () => {
    expect(error({ title: null, onScreenLabel: null, spokenLabel: null, colour: "red" })).toBeUndefined();
  });
  it("derives the format from the platform", () => {
    const format = (platform: string) => run({ jurisdiction: "US", platform, text: "" }).format;
    expect(["youtube", "tiktok", "twitch", "podcast", "instagram", "blog"].map(format)).toEqual([
      "video",
      "video",
      "live",
      "audio",
      "post",
      "post",
    ]);
  });
});
