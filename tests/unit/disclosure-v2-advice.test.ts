/** Spec v2 results said to the partner, in their language: what is wrong, where, and what to write. */
import { describe, expect, it } from "vitest";
import { checkDisclosureV2, type DisclosureInputV2 } from "~/features/compliance/disclosure/check-v2";
import { adviceKeysV2, disclosureAdviceV2 } from "~/features/compliance/disclosure/advice-v2";
import { defaultRuleSetsV2 } from "~/features/compliance/disclosure/rules-v2";
import { createI18n } from "~/i18n/config";
import { registerServerDictionaries } from "~/i18n/dictionaries.server";
import type { DisclosureJurisdiction } from "~/shared/disclosure-terms";

registerServerDictionaries();

function adviceFor(jurisdiction: DisclosureJurisdiction, input: DisclosureInputV2) {
  const ruleSet = defaultRuleSetsV2[jurisdiction];
  const [result] = checkDisclosureV2(input, [ruleSet]).results;
  return disclosureAdviceV2(result, ruleSet, input);
}

const say = (language: "en" | "fr" | "de", advice: ReturnType<typeof adviceFor>[number]) => {
  const t = createI18n(language).getFixedT(null, null) as unknown as (key: string, options: object) => string;
  return t(`portal.adviceV2.${advice.key}`, { ...advice, advertiser: advice.advertiser ?? "" });
};

describe("v2 advice", () => {
  it("tells a German partner with #ad at the end to open with « Werbung », in German", () => {
    const text = "Mein neuer Rucksack für die ganze Tour #ad";
    const advice = adviceFor("DE", { platform: "instagram", language: "de", relationship: { gifts: 1 }, text });
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatchObject({ code: "LABEL_WRONG_LANGUAGE", found: "#ad", position: 40, marker: "Werbung" });
    expect(say("de", advice[0])).toBe(
      "„#ad“ ist in einer Sprache, die Ihr Publikum vielleicht nicht versteht (Zeichen 40): Eröffnen Sie den Beitrag mit „Werbung“.",
    );
  });
  it("says where « Werbung » stands when it does not open the post", () => {
    const text = `${"Mein neuer Lieblingsrucksack begleitet mich auf der ganzen Tour.".padEnd(70)}Werbung`;
    const [advice] = adviceFor("DE", { platform: "instagram", relationship: { paid: true }, text });
    expect(advice).toMatchObject({ code: "MARKER_NOT_AT_START", found: "Werbung", position: 71, limit: 50 });
    expect(say("en", advice)).toBe("“Werbung” must open the post: it is at character 71; put “Werbung” in the first 50 characters.");
  });
  it("asks for the label in the video, on screen in France", () => {
    const input: DisclosureInputV2 = { platform: "youtube", relationship: { paid: true }, text: "Sponsored by Acme" };
    expect(adviceFor("US", input).map((a) => a.key)).toEqual(["showOrSayInVideo"]);
    const [french] = adviceFor("FR", { ...input, text: "Publicité Acme" });
    expect(french.key).toBe("showInVideo");
    expect(say("fr", french)).toContain("à l’écran («\u202FPublicité\u202F»)");
  });
  it("lists advisories after reasons, marked as advisories", () => {
    const advice = adviceFor("FR", { platform: "instagram", relationship: { paid: true }, text: "Partenariat rémunéré avec @glow" });
    expect(advice.map((a) => [a.code, a.advisory])).toEqual([["FR_EQUIVALENT_MENTION", true]]);
  });
  it("has a sentence in English, French and German for every piece of advice", () => {
    for (const language of ["en", "fr", "de"] as const) {
      const t = createI18n(language).getFixedT(null, null) as unknown as (key: string) => string;
      for (const key of adviceKeysV2) expect(t(`portal.adviceV2.${key}`), `${language} ${key}`).not.toBe(`portal.adviceV2.${key}`);
    }
  });
});
