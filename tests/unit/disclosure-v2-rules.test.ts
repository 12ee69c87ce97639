/** Spec v2 §4 and §6 (../shared/docs/disclosure-rules-v2.md), each expectation read from its tables by hand. */
import { describe, expect, it } from "vitest";
import { defaultRuleSetsV2 as rules, disclosureContext, labelKind, labelLanguage } from "~/features/compliance/disclosure/rules-v2";
import { advertiserFor, postLanguageFor } from "~/features/compliance/disclosure/v2-input";

describe("v2 context: does the deal need a disclosure (§4)", () => {
  it("is organic without any consideration, in every jurisdiction", () => {
    for (const j of ["US", "UK", "FR", "DE"] as const) expect(disclosureContext(rules[j], {})).toBe("organic");
  });
  it("treats a gift alone as a gift in the US and the UK, and as an ad in France and Germany", () => {
    expect(disclosureContext(rules["US"], { gifts: 1 })).toBe("gift");
    expect(disclosureContext(rules["UK"], { gifts: 1 })).toBe("gift");
    expect(disclosureContext(rules["FR"], { gifts: 1 })).toBe("ad");
    expect(disclosureContext(rules["DE"], { gifts: 1 })).toBe("ad");
  });
  it("makes a UK gift an ad when the brand had a say, and brand control alone changes nothing elsewhere", () => {
    expect(disclosureContext(rules["UK"], { gifts: 1, brandControl: true })).toBe("ad");
    expect(disclosureContext(rules["US"], { gifts: 1, brandControl: true })).toBe("gift");
    expect(disclosureContext(rules["UK"], { brandControl: true })).toBe("organic");
  });
  it("calls any incentive an ad: money, commission, a personal code or a tracked link", () => {
    for (const incentive of [{ paid: true }, { affiliate: true }, { promoCode: true }, { trackedLink: true }]) {
      expect(disclosureContext(rules["US"], { gifts: 1, ...incentive })).toBe("ad");
    }
  });
});

describe("v2 label kinds (§6)", () => {
  it("takes the label language from the jurisdiction in FR and DE, from the post elsewhere", () => {
    expect(labelLanguage(rules.FR, "en")).toBe("fr");
    expect(labelLanguage(rules.DE, "fr")).toBe("de");
    expect(labelLanguage(rules.US, "fr")).toBe("fr");
    expect(labelLanguage(rules.UK, "en")).toBe("en");
  });
  it("follows the worked examples of §10", () => {
    // UK gift with no strings attached: "#gifted" is enough; with brand control it is a gift label for an ad.
    expect(labelKind("gifted", rules.UK, "en", "gift")).toEqual({ kind: "accepted", giftLabelForAd: false });
    expect(labelKind("gifted", rules.UK, "en", "ad")).toEqual({ kind: "weak", giftLabelForAd: true });
    // "#ad" on a German post is in the wrong language.
    expect(labelKind("ad", rules.DE, "de", "ad").kind).toBe("foreign");
    // An equivalent mention is accepted in France; « pub » stays vague.
    expect(labelKind("partenariat rémunéré", rules.FR, "fr", "ad").kind).toBe("accepted");
    expect(labelKind("pub", rules.FR, "fr", "ad").kind).toBe("weak");
    // A US post in French: « publicité » is accepted.
    expect(labelKind("publicité", rules.US, "fr", "ad").kind).toBe("accepted");
  });
  it("accepts only ad, advert, advertisement and advertising in the UK", () => {
    expect(labelKind("advertising", rules.UK, "en", "ad").kind).toBe("accepted");
    expect(labelKind("sponsored", rules.UK, "en", "ad").kind).toBe("weak");
    expect(labelKind("paid partnership", rules.UK, "en", "ad").kind).toBe("weak");
    expect(labelKind("sponsored", rules.US, "en", "ad").kind).toBe("accepted");
  });
  it("calls a gift or vague label of another language weak, not foreign", () => {
    expect(labelKind("cadeau", rules.DE, "de", "ad").kind).toBe("weak");
    expect(labelKind("danke", rules.FR, "fr", "ad").kind).toBe("weak");
    expect(labelKind("werbung", rules.FR, "fr", "ad").kind).toBe("foreign");
    expect(labelKind("contenu sponsorisé", rules.US, "en", "ad").kind).toBe("foreign");
  });
});

describe("v2 input the CRM fills", () => {
  it("takes the post's language from the item, then the partner, then the country", () => {
    expect(postLanguageFor({ item: "de", partner: "fr", country: "FR" })).toBe("de");
    expect(postLanguageFor({ item: null, partner: "FR", country: "DE" })).toBe("fr");
    expect(postLanguageFor({ partner: "it", country: "AT" })).toBe("de");
    expect(postLanguageFor({ country: "be" })).toBe("fr");
    expect(postLanguageFor({ country: "US" })).toBe("en");
    expect(postLanguageFor({})).toBe("en");
  });
  it("names the advertiser only when the brand has a name with a letter or digit", () => {
    expect(advertiserFor("Glow", ["@glow", " ", "@"])).toEqual({ name: "Glow", handles: ["@glow"] });
    expect(advertiserFor("  Glow  ")).toEqual({ name: "Glow" });
    expect(advertiserFor("—")).toBeUndefined();
    expect(advertiserFor(null)).toBeUndefined();
  });
});
