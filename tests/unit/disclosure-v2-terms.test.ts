/** Spec v2 §4 and §6 (../shared/docs/disclosure-rules-v2.md), each expectation read from its tables by hand. */
import { describe, expect, it } from "vitest";
import { disclosureContext, labelKind, labelLanguage } from "~/features/compliance/disclosure/v2-terms";

describe("v2 context: does the deal need a disclosure (§4)", () => {
  it("is organic without any consideration, in every jurisdiction", () => {
    for (const j of ["US", "UK", "FR", "DE"] as const) expect(disclosureContext(j, {})).toBe("organic");
  });
  it("treats a gift alone as a gift in the US and the UK, and as an ad in France and Germany", () => {
    expect(disclosureContext("US", { gifts: 1 })).toBe("gift");
    expect(disclosureContext("UK", { gifts: 1 })).toBe("gift");
    expect(disclosureContext("FR", { gifts: 1 })).toBe("ad");
    expect(disclosureContext("DE", { gifts: 1 })).toBe("ad");
  });
  it("makes a UK gift an ad when the brand had a say, and brand control alone changes nothing elsewhere", () => {
    expect(disclosureContext("UK", { gifts: 1, brandControl: true })).toBe("ad");
    expect(disclosureContext("US", { gifts: 1, brandControl: true })).toBe("gift");
    expect(disclosureContext("UK", { brandControl: true })).toBe("organic");
  });
  it("calls any incentive an ad: money, commission, a personal code or a tracked link", () => {
    for (const incentive of [{ paid: true }, { affiliate: true }, { promoCode: true }, { trackedLink: true }]) {
      expect(disclosureContext("US", { gifts: 1, ...incentive })).toBe("ad");
    }
  });
});

describe("v2 label kinds (§6)", () => {
  it("takes the label language from the jurisdiction in FR and DE, from the post elsewhere", () => {
    expect(labelLanguage("FR", "en")).toBe("fr");
    expect(labelLanguage("DE", "fr")).toBe("de");
    expect(labelLanguage("US", "fr")).toBe("fr");
    expect(labelLanguage("UK", "en")).toBe("en");
  });
  it("follows the worked examples of §10", () => {
    // UK gift with no strings attached: "#gifted" is enough; with brand control it is a gift label for an ad.
    expect(labelKind("gifted", "UK", "en", "gift")).toEqual({ kind: "accepted", giftLabelForAd: false });
    expect(labelKind("gifted", "UK", "en", "ad")).toEqual({ kind: "weak", giftLabelForAd: true });
    // "#ad" on a German post is in the wrong language.
    expect(labelKind("ad", "DE", "de", "ad").kind).toBe("foreign");
    // An equivalent mention is accepted in France; « pub » stays vague.
    expect(labelKind("partenariat rémunéré", "FR", "fr", "ad").kind).toBe("accepted");
    expect(labelKind("pub", "FR", "fr", "ad").kind).toBe("weak");
    // A US post in French: « publicité » is accepted.
    expect(labelKind("publicité", "US", "fr", "ad").kind).toBe("accepted");
  });
  it("accepts only ad, advert, advertisement and advertising in the UK", () => {
    expect(labelKind("advertising", "UK", "en", "ad").kind).toBe("accepted");
    expect(labelKind("sponsored", "UK", "en", "ad").kind).toBe("weak");
    expect(labelKind("paid partnership", "UK", "en", "ad").kind).toBe("weak");
    expect(labelKind("sponsored", "US", "en", "ad").kind).toBe("accepted");
  });
  it("calls a gift or vague label of another language weak, not foreign", () => {
    expect(labelKind("cadeau", "DE", "de", "ad").kind).toBe("weak");
    expect(labelKind("danke", "FR", "fr", "ad").kind).toBe("weak");
    expect(labelKind("werbung", "FR", "fr", "ad").kind).toBe("foreign");
    expect(labelKind("contenu sponsorisé", "US", "en", "ad").kind).toBe("foreign");
  });
});
