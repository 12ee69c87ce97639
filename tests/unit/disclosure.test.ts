import { describe, expect, it } from "vitest";
import { checkJsonLine } from "~/features/compliance/disclosure/batch";
import { checkDisclosure, type DisclosureInput } from "~/features/compliance/disclosure/check";
import { defaultRuleSets } from "~/features/compliance/disclosure/rules";

const check = (input: Partial<DisclosureInput> & Pick<DisclosureInput, "jurisdiction">) =>
  checkDisclosure({ platform: "instagram", text: "", paid: true, ...input }, defaultRuleSets[input.jurisdiction]);

const markersOf = (input: Parameters<typeof check>[0]) => check(input).markers.map((m) => [m.text, m.index, m.kind, m.prominent]);

describe("verdicts and decision order", () => {
  it.each([
    [
      "no connection: nothing else is looked at",
      { jurisdiction: "US", paid: false, text: "nothing here" },
      "not_required",
      ["NOT_REQUIRED"],
    ],
    ["prominent accepted marker", { jurisdiction: "US", text: "#ad Loving this" }, "compliant", ["PROMINENT_MARKER"]],
    ["no marker, no label", { jurisdiction: "US", text: "Loving this" }, "missing", ["NO_DISCLOSURE"]],
    ["weak marker only", { jurisdiction: "US", text: "#collab Loving this" }, "insufficient", ["WEAK_MARKER"]],
    [
      "US label alone is not enough",
      { jurisdiction: "US", text: "Loving this", platformLabel: true },
      "insufficient",
      ["PLATFORM_LABEL_ONLY"],
    ],
    ["FR label alone is not enough", { jurisdiction: "FR", text: "J'adore", platformLabel: true }, "insufficient", ["PLATFORM_LABEL_ONLY"]],
    [
      "UK label alone is enough",
      { jurisdiction: "UK", text: "Loving this", platformLabel: true },
      "compliant",
      ["PLATFORM_LABEL_ACCEPTED"],
    ],
    ["DE label alone is enough", { jurisdiction: "DE", text: "Super", platformLabel: true }, "compliant", ["PLATFORM_LABEL_ACCEPTED"]],
    [
      "UK label and a prominent marker",
      { jurisdiction: "UK", text: "#ad so good", platformLabel: true },
      "compliant",
      ["PROMINENT_MARKER", "PLATFORM_LABEL_ACCEPTED"],
    ],
    [
      "UK label makes a late marker irrelevant",
      { jurisdiction: "UK", text: `${"x ".repeat(80)}#ad`, platformLabel: true },
      "compliant",
      ["PLATFORM_LABEL_ACCEPTED"],
    ],
    [
      "affiliate alone needs disclosure",
      { jurisdiction: "US", paid: false, affiliate: true, text: "Code LEA10" },
      "missing",
      ["NO_DISCLOSURE"],
    ],
    [
      "gifted alone needs disclosure in FR (benefits in kind)",
      { jurisdiction: "FR", paid: false, gifted: true, text: "Merci !" },
      "missing",
      ["NO_DISCLOSURE"],
    ],
  ] as const)("%s", (_, input, verdict, reasons) => {
    const result = check(input);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons).toEqual(reasons);
  });

  it("records the rule-set version", () => expect(check({ jurisdiction: "DE", text: "Werbung" }).ruleSet).toBe("DE@1"));
});

describe("the marker tables", () => {
  const accepted = {
    US: ["ad", "advertisement", "sponsored", "paid partnership", "paid promotion"],
    FR: ["publicité", "collaboration commerciale"],
    UK: ["ad", "advert", "advertisement", "advertising"],
    DE: ["werbung", "anzeige", "bezahlte werbepartnerschaft"],
  } as const;
  const weak = {
    US: ["sp", "spon", "collab", "partner", "ambassador", "thanks", "affiliate", "in collaboration with", "gifted", "free product"],
    FR: [
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
    UK: [
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
    DE: ["ad", "sponsored", "sponsored by", "powered by", "kooperation", "in kooperation mit", "partnerschaft"],
  } as const;
  for (const jurisdiction of ["US", "FR", "UK", "DE"] as const) {
    it.each(accepted[jurisdiction])(`${jurisdiction} accepts "%s" at the start, as a word and as a hashtag`, (marker) => {
      expect(check({ jurisdiction, text: `${marker} — nice` }).verdict).toBe("compliant");
      expect(check({ jurisdiction, text: `#${marker.replace(/ /g, "")} nice` }).verdict).toBe("compliant");
    });
    it.each(weak[jurisdiction])(`${jurisdiction} finds "%s" weak`, (marker) => {
      const result = check({ jurisdiction, text: `${marker} — nice` });
      expect(result.verdict).toBe("insufficient");
      expect(result.reasons).toEqual(["WEAK_MARKER"]);
      expect(result.markers).toEqual([expect.objectContaining({ kind: "weak", index: 0 })]);
    });
  }
});

describe("matching", () => {
  it("ignores case and accents", () => {
    for (const text of ["PUBLICITE", "Publicité", "publicité", "PUBLICITÉ", "Pub\u0301licite\u0301"]) {
      expect(check({ jurisdiction: "FR", text: `${text} : nouveau sérum` }).verdict, text).not.toBe("missing");
    }
    expect(markersOf({ jurisdiction: "FR", text: "PUBLICITÉ x" })).toEqual([["PUBLICITÉ", 0, "accepted", true]]);
  });

  it.each(["#adventure", "road", "#ad_campaign", "loads", "advertiser", "bad", "ad2", "a_ad"])(
    "matches whole words only: %s is not ad",
    (text) => {
      expect(check({ jurisdiction: "US", text: `Great ${text} today` }).verdict).toBe("missing");
    },
  );

  it("does not find anzeige in Anzeigen, nor partnerschaft inside werbepartnerschaft", () => {
    expect(check({ jurisdiction: "DE", text: "Anzeigen überall" }).verdict).toBe("missing");
    expect(markersOf({ jurisdiction: "DE", text: "Bezahlte Werbepartnerschaft mit X" })).toEqual([
      ["Bezahlte Werbepartnerschaft", 0, "accepted", true],
    ]);
  });

  it("counts the # of a hashtag as the marker's first character", () => {
    expect(markersOf({ jurisdiction: "US", text: "Hi #ad" })).toEqual([["#ad", 3, "accepted", true]]);
    expect(markersOf({ jurisdiction: "FR", text: "Look #CollaborationCommerciale" })).toEqual([
      ["#CollaborationCommerciale", 5, "accepted", true],
    ]);
  });

  it("matches a multi-word marker across any white space, but not a hashtag with spaces", () => {
    expect(markersOf({ jurisdiction: "US", text: "Paid\n  partnership with X" })).toEqual([["Paid\n  partnership", 0, "accepted", true]]);
    expect(check({ jurisdiction: "US", text: "#paid partnership" }).verdict).toBe("compliant");
    expect(check({ jurisdiction: "US", text: "paidpartnership" }).verdict).toBe("missing");
  });

  it("counts positions in code points, past emoji, accents and right-to-left marks", () => {
    expect(markersOf({ jurisdiction: "US", text: "🌞🌞 #ad" })[0][1]).toBe(3);
    expect(markersOf({ jurisdiction: "FR", text: "Été\u200f publicité" })[0]).toEqual(["publicité", 5, "accepted", true]);
    expect(markersOf({ jurisdiction: "FR", text: "e\u0301te\u0301 publicite" })[0][1]).toBe(6);
    expect(markersOf({ jurisdiction: "US", text: "\u0000\u0007ad\u202e" })).toEqual([["ad", 2, "accepted", true]]);
  });

  it("reports a marker inside a longer one once", () => {
    expect(markersOf({ jurisdiction: "DE", text: "Sponsored by X" })).toEqual([["Sponsored by", 0, "weak", true]]);
    expect(markersOf({ jurisdiction: "DE", text: "In Kooperation mit X" })).toEqual([["In Kooperation mit", 0, "weak", true]]);
  });

  it("finds every occurrence", () => {
    expect(markersOf({ jurisdiction: "US", text: "ad one, ad two" }).map((m) => m[1])).toEqual([0, 8]);
  });
});

describe("prominence: folds and buried hashtags", () => {
  const folds = {
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
  } as const;
  for (const [platform, fold] of Object.entries(folds) as [keyof typeof folds, number][]) {
    it(`${platform}: a marker at ${fold - 1} is before the fold, at ${fold} after it`, () => {
      const before = check({ jurisdiction: "US", platform, text: `${"x".repeat(fold - 2)} ad` });
      expect(before.markers[0]).toMatchObject({ index: fold - 1, prominent: true });
      expect(before.verdict).toBe("compliant");
      const after = check({ jurisdiction: "US", platform, text: `${"x".repeat(fold - 1)} ad` });
      expect(after.markers[0]).toMatchObject({ index: fold, prominent: false });
      expect(after.verdict).toBe("insufficient");
      expect(after.reasons).toEqual(["MARKER_AFTER_FOLD"]);
    });
  }

  it("a run of three hashtags at the start is fine", () => {
    expect(check({ jurisdiction: "US", text: "#ad #sponsored #brand Loving this" }).reasons).toEqual(["PROMINENT_MARKER"]);
  });

  it("a run of three or more hashtags after a word buries the marker", () => {
    const result = check({ jurisdiction: "US", text: "Loving this #summer #brand #ad #sun" });
    expect(result.verdict).toBe("insufficient");
    expect(result.reasons).toEqual(["MARKER_BURIED"]);
    expect(result.markers[0]).toMatchObject({ text: "#ad", prominent: false });
  });

  it("two hashtags are not a run; a plain word is never buried", () => {
    expect(check({ jurisdiction: "US", text: "Loving this #brand #ad" }).verdict).toBe("compliant");
    expect(check({ jurisdiction: "US", text: "Loving this #a #b ad #c" }).verdict).toBe("compliant");
  });

  it("a run preceded only by hashtags or emoji is not buried", () => {
    expect(check({ jurisdiction: "US", text: "✨ #a #b #ad" }).verdict).toBe("compliant");
    expect(check({ jurisdiction: "US", text: "#x, #a #b #ad" }).verdict).toBe("compliant");
  });

  it("after the fold and buried at once gives both reasons", () => {
    const result = check({ jurisdiction: "US", platform: "tiktok", text: `${"word ".repeat(25)}#a #b #ad` });
    expect(result.reasons).toEqual(["MARKER_AFTER_FOLD", "MARKER_BURIED"]);
  });

  it("any prominent accepted marker wins over a late or buried one", () => {
    const result = check({ jurisdiction: "US", text: `ad ${"x".repeat(200)} #a #b #ad` });
    expect(result.reasons).toEqual(["PROMINENT_MARKER"]);
  });
});

describe("the US gift rule", () => {
  it("accepts gifted and free product when gifted is the only connection", () => {
    expect(check({ jurisdiction: "US", paid: false, gifted: true, text: "#gifted by X" }).verdict).toBe("compliant");
    expect(check({ jurisdiction: "US", paid: false, gifted: true, text: "Free product from X" }).verdict).toBe("compliant");
  });
  it("finds them weak with a payment or a commission", () => {
    expect(check({ jurisdiction: "US", paid: true, gifted: true, text: "#gifted by X" }).reasons).toEqual(["WEAK_MARKER"]);
    expect(check({ jurisdiction: "US", paid: false, gifted: true, affiliate: true, text: "#gifted" }).reasons).toEqual(["WEAK_MARKER"]);
  });
  it("does not apply outside the US", () => {
    expect(check({ jurisdiction: "UK", paid: false, gifted: true, text: "#gifted" }).reasons).toEqual(["WEAK_MARKER"]);
  });
});

describe("FR image mentions", () => {
  it("a compliant post missing a mention becomes insufficient", () => {
    const result = check({ jurisdiction: "FR", text: "Publicité. Nouveau teint", imagesRetouched: true, imagesVirtual: true });
    expect(result.verdict).toBe("insufficient");
    expect(result.reasons).toEqual(["PROMINENT_MARKER", "FR_RETOUCHED_MENTION_MISSING", "FR_VIRTUAL_MENTION_MISSING"]);
  });
  it("accepts the mentions anywhere, singular or plural, any case and accents", () => {
    expect(check({ jurisdiction: "FR", text: `Publicité ${"x".repeat(900)} IMAGES RETOUCHEES`, imagesRetouched: true }).verdict).toBe(
      "compliant",
    );
    expect(check({ jurisdiction: "FR", text: "Publicité — image virtuelle", imagesVirtual: true }).verdict).toBe("compliant");
  });
  it("a post with no marker and a missing mention is missing, with both reasons", () => {
    expect(check({ jurisdiction: "FR", text: "Coucou", imagesRetouched: true })).toMatchObject({
      verdict: "missing",
      reasons: ["NO_DISCLOSURE", "FR_RETOUCHED_MENTION_MISSING"],
    });
  });
  it("applies only in FR, and only when disclosure is required", () => {
    expect(check({ jurisdiction: "US", text: "#ad", imagesRetouched: true }).verdict).toBe("compliant");
    expect(check({ jurisdiction: "FR", paid: false, text: "Coucou", imagesRetouched: true }).verdict).toBe("not_required");
  });
});

describe("the batch line format", () => {
  it("echoes the id and writes the spec's fields only", () => {
    expect(
      JSON.parse(checkJsonLine(JSON.stringify({ id: "p1", jurisdiction: "US", platform: "instagram", text: "Great #ad", paid: true }))),
    ).toEqual({
      id: "p1",
      verdict: "compliant",
      reasons: ["PROMINENT_MARKER"],
      markers: [{ text: "#ad", index: 6, kind: "accepted", prominent: true }],
      ruleSet: "US@1",
    });
  });
  it("treats missing booleans as false", () => {
    expect(JSON.parse(checkJsonLine('{"id":"x","jurisdiction":"FR","platform":"blog","text":"Salut"}')).verdict).toBe("not_required");
  });
  it.each([
    ["not json", null, "invalid JSON"],
    ['{"id":"a","jurisdiction":"ES","platform":"blog","text":""}', "a", "unknown jurisdiction"],
    ['{"id":"b","jurisdiction":"US","platform":"myspace","text":""}', "b", "unknown platform"],
    ['{"id":"c","jurisdiction":"US","platform":"blog","text":3}', "c", "text must be a string"],
    ['{"id":"d","jurisdiction":"US","platform":"blog","text":"","paid":"yes"}', "d", "paid must be true or false"],
    ["[1,2]", null, "each line must be a JSON object"],
  ])("answers a bad line with an error: %s", (line, id, error) => {
    const output = JSON.parse(checkJsonLine(line));
    expect(output.id).toBe(id);
    expect(output.error).toContain(error);
  });
  it("checks 100,000 characters quickly", () => {
    const started = performance.now();
    const result = check({ jurisdiction: "FR", platform: "blog", text: `${"é🙂 #tag ".repeat(12_500)}publicité` });
    expect(result.markers.at(-1)).toMatchObject({ text: "publicité", kind: "accepted", prominent: false });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
