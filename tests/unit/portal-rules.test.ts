import { describe, expect, it } from "vitest";
import { checkDraft, disclosureWeakened, suggestedMarker } from "~/features/compliance/disclosure/advice";
import { defaultRuleSets } from "~/features/compliance/disclosure/rules";
import { isValidEuVat, isValidSiret } from "~/features/portal/legal-ids";
import { checkUploads, safeFileName, sniffUploadKind } from "~/shared/uploads";
import { renderAgreement, type AgreementFacts } from "~/features/spend/agreements";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const pdf = new TextEncoder().encode("%PDF-1.7\n");

describe("disclosure advice for a draft", () => {
  const fr = [defaultRuleSets.FR];
  it("says which marker to write and that it goes before the fold", () => {
    const [check] = checkDraft({ platform: "instagram", text: "Mon avis sur le sérum", paid: true }, fr);
    expect(check.verdict).toBe("missing");
    expect(check.advice).toEqual([expect.objectContaining({ key: "addMarker", marker: "Publicité", fold: 125, jurisdiction: "FR" })]);
  });
  it("points at a marker after the fold, with its position", () => {
    const text = `${"x".repeat(130)} Publicité`;
    const [check] = checkDraft({ platform: "instagram", text, paid: true }, fr);
    expect(check.advice[0]).toMatchObject({ key: "moveBeforeFold", found: "Publicité", position: 132 });
  });
  it("names a weak marker and the one to write instead", () => {
    const [check] = checkDraft({ platform: "instagram", text: "#collab avec la marque", paid: true }, fr);
    expect(check.advice).toContainEqual(expect.objectContaining({ key: "replaceWeak", found: "#collab", marker: "Publicité" }));
  });
  it("asks for the French retouched-image mention", () => {
    const [check] = checkDraft({ platform: "instagram", text: "Publicité : le sérum", paid: true, imagesRetouched: true }, fr);
    expect(check.advice).toEqual([expect.objectContaining({ key: "addRetouchedMention", marker: "Images retouchées" })]);
  });
  it("passes a prominent marker under every jurisdiction asked", () => {
    const checks = checkDraft({ platform: "instagram", text: "Publicité #ad Werbung — le sérum", paid: true }, [
      defaultRuleSets.FR,
      defaultRuleSets.UK,
      defaultRuleSets.DE,
    ]);
    expect(checks.map((c) => c.verdict)).toEqual(["compliant", "compliant", "compliant"]);
    expect(suggestedMarker(defaultRuleSets.US)).toBe("#ad");
  });
  it("calls a published post weaker only when its verdict is worse than the approved one", () => {
    expect(disclosureWeakened("compliant", "missing")).toBe(true);
    expect(disclosureWeakened("compliant", "insufficient")).toBe(true);
    expect(disclosureWeakened("insufficient", "insufficient")).toBe(false);
    expect(disclosureWeakened("missing", "compliant")).toBe(false);
  });
});

describe("legal identities on invoices", () => {
  it("accepts a SIRET whose Luhn key matches, with spaces, and La Poste's", () => {
    expect(isValidSiret("732 829 320 00074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("35600000000048")).toBe(true);
  });
  it("checks an EU VAT number's country format, and the French key", () => {
    expect(isValidEuVat("FR40303265045")).toBe(true);
    expect(isValidEuVat("FR41303265045")).toBe(false);
    expect(isValidEuVat("de 123456789")).toBe(true);
    expect(isValidEuVat("DE12345678")).toBe(false);
    expect(isValidEuVat("NL123456789B01")).toBe(true);
    expect(isValidEuVat("US123456789")).toBe(false);
  });
});

describe("portal uploads", () => {
  it("knows files by their bytes, not their names", () => {
    expect(sniffUploadKind(png)).toBe("png");
    expect(sniffUploadKind(pdf)).toBe("pdf");
    expect(sniffUploadKind(new TextEncoder().encode("<html>"))).toBeNull();
  });
  it("refuses the wrong type, too many and too large", () => {
    expect(checkUploads("invoice", [{ name: "a.pdf", bytes: png }])).toBe("portal.files.wrongType");
    expect(checkUploads("invoice", [{ name: "a.pdf", bytes: pdf }])).toEqual(["pdf"]);
    expect(
      checkUploads("invoice", [
        { name: "a.pdf", bytes: pdf },
        { name: "b.pdf", bytes: pdf },
      ]),
    ).toBe("portal.files.tooMany");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pdf);
    expect(checkUploads("invoice", [{ name: "a.pdf", bytes: big }])).toBe("portal.files.tooLarge");
  });
  it("keeps a safe file name", () => {
    expect(safeFileName('../../x/"evil"\u0000.png', "png")).toBe("evil.png");
    expect(safeFileName("", "jpeg")).toBe("file.jpg");
    expect(safeFileName("invoice", "pdf")).toBe("invoice.pdf");
  });
});

describe("agreement templates", () => {
  const facts: AgreementFacts = {
    brandName: "Maison Aube",
    partnerName: "Léa Martin",
    partnerEmail: "lea@example.com",
    partnerCountry: "FR",
    year: 2026,
    campaignName: "Lancement sérum",
    services: ["Reel Instagram — 1 reel (10 déc. 2026)"],
    fees: ["Reel Instagram: 800,00 €"],
    benefitsInKind: ["1 × Sérum Aube: 250,00 €"],
    totalExcludingVat: "1 050,00 €",
    usageRights: null,
    disclosureMarkers: ["Publicité", "Collaboration commerciale"],
    madeOn: "30 nov. 2026",
  };
  it("carries the clauses the law lists, in French and in English", () => {
    const fr = renderAgreement("fr", facts);
    for (const clause of [
      "Les parties",
      "missions confiées",
      "Rémunération et avantages en nature",
      "Propriété intellectuelle",
      "Obligations de transparence",
      "Droit applicable",
    ])
      expect(fr).toContain(clause);
    expect(fr).toContain("«\u202FPublicité\u202F»");
    // French spacing before « : » is the template's, whatever the lines put in it.
    expect(fr).toContain("Reel Instagram\u202F: 800,00 €");
    expect(fr).not.toMatch(/[^\u202F\s]:\s/);
    // A usage clause that ends with its own period does not end the sentence twice.
    const withRights = renderAgreement("fr", { ...facts, usageRights: "reprise sur le site pendant 6 mois." });
    expect(withRights).toContain("pendant 6 mois.\n");
    expect(withRights).not.toContain("..");
    expect(fr).toContain("1 050,00 €");
    const en = renderAgreement("en", facts);
    for (const clause of [
      "The parties",
      "Purpose and services",
      "Remuneration and benefits in kind",
      "Intellectual property",
      "Disclosure duties",
      "Applicable law",
    ])
      expect(en).toContain(clause);
  });
});
