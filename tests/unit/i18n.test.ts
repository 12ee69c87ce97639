import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/config";
import { registerServerDictionaries } from "~/i18n/dictionaries.server";
import { frenchTypographyProblems, withFrenchSpacing } from "~/shared/french-typography";

registerServerDictionaries();

describe("translations a component gets", () => {
  it("gives each language its own text, the same on every call", () => {
    const english = createI18n("en").getFixedT(null, null);
    const french = createI18n("fr").getFixedT(null, null);
    for (let call = 0; call < 3; call++) {
      expect(english("stages.negotiating")).toBe("Negotiating");
      expect(french("stages.negotiating")).toBe("En négociation");
    }
  });

  it("still interpolates and counts when a call has options", () => {
    const french = createI18n("fr").getFixedT(null, null);
    expect(french("partnerList.select", { name: "Marie" })).toBe("Sélectionner Marie");
    expect(french("partnerList.select", { name: "Léa" })).toBe("Sélectionner Léa");
    const english = createI18n("en").getFixedT(null, null);
    expect(english("dashboard.followUpsDue", { count: 1, n: "1" })).toBe("1 follow-up overdue");
    expect(english("dashboard.followUpsDue", { count: 3, n: "3" })).toBe("3 follow-ups overdue");
  });

  it("answers an unknown key with the key, on every call", () => {
    // Typed keys refuse unknown ones at compile time; at run time any string can still arrive.
    const french = createI18n("fr").getFixedT(null, null) as unknown as (key: string) => string;
    expect(french("no.such.key")).toBe("no.such.key");
    expect(french("no.such.key")).toBe("no.such.key");
  });
});

describe("counts in words", () => {
  it("follow each language's plural rules", () => {
    const english = createI18n("en").getFixedT(null, null);
    const french = createI18n("fr").getFixedT(null, null);
    expect(english("counts.checksNeeded", { count: 1, n: "1" })).toBe("1 check needed a disclosure");
    expect(english("counts.wereCompliant", { count: 0, n: "0" })).toBe("0 were compliant");
    expect(english("counts.confirmedIssues", { count: 1, n: "1" })).toBe("1 confirmed issue");
    // French counts 0 and 1 as singular.
    expect(french("counts.changed", { count: 0, n: "0" })).toBe("0 changée");
    expect(french("counts.changed", { count: 1, n: "1" })).toBe("1 changée");
    expect(french("counts.changed", { count: 2, n: "2" })).toBe("2 changées");
  });

  it("exist in both languages with the same keys", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      value && typeof value === "object"
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    const strip = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
    const english = new Set(keys(createI18n("en").getResourceBundle("en", "translation")).map(strip));
    const french = new Set(keys(createI18n("fr").getResourceBundle("fr", "translation")).map(strip));
    expect([...english].filter((key) => !french.has(key))).toEqual([]);
    expect([...french].filter((key) => !english.has(key))).toEqual([]);
  });
});

describe("German, for the partner portal", () => {
  const leaves = (value: unknown, prefix = ""): [string, string][] =>
    typeof value === "string"
      ? [[prefix, value]]
      : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));

  it("translates every string a partner reads in the portal's own sections", async () => {
    const { de } = await import("~/i18n/de");
    const { en } = await import("~/i18n/en");
    const english = new Map(leaves(en));
    const portalSections = [
      "portal.content",
      "portal.advice",
      "portal.agreement",
      "portal.invoice",
      "portal.files",
      "verdicts",
      "contentStatuses",
    ];
    const untranslated = leaves(de).filter(
      ([key, text]) =>
        portalSections.some((section) => key.startsWith(`${section}.`)) &&
        text === english.get(key) &&
        !/^Version \{\{number\}\}$/.test(text),
    );
    expect(untranslated).toEqual([]);
    expect(createI18n("de").getFixedT(null, null)("portal.advice.addMarker", { marker: "Werbung", fold: "125" })).toBe(
      "setzen Sie „Werbung“ an den Anfang, vor den „mehr“-Umbruch (die ersten 125 Zeichen).",
    );
  });
});

describe("French typography", () => {
  const nnbsp = "\u202F";
  it("finds what a French proofreader would mark, written by hand", () => {
    expect(frenchTypographyProblems("Coût: 12 €")).toEqual(["needs a narrow no-break space before « : »"]);
    expect(frenchTypographyProblems("FR : Absente")).toEqual(["needs a narrow no-break space before « : »"]);
    expect(frenchTypographyProblems(`Payé${nnbsp}: 3 · Vraiment${nnbsp}?`)).toEqual([]);
    expect(frenchTypographyProblems("« Publicité »")).toEqual([
      "needs a narrow no-break space after «",
      "needs a narrow no-break space before »",
    ]);
    expect(frenchTypographyProblems("pendant 6 mois..")).toEqual(["has a double period"]);
    expect(frenchTypographyProblems("En cours…")).toEqual([]);
    expect(frenchTypographyProblems("Contenu de {{partner}}")).toEqual(["« de » before a name that may begin with a vowel: rephrase"]);
    expect(frenchTypographyProblems("la liste de envois")).toEqual(["needs an elision: « de » before a vowel"]);
    expect(frenchTypographyProblems("Relisez-le, envoyez-le en relecture")).toEqual([]);
    // Addresses, times and query strings are not punctuation.
    expect(frenchTypographyProblems("https://exemple.fr/?tab=outreach à 10:30")).toEqual([]);
  });

  it("spaces French punctuation the way the Imprimerie nationale does", () => {
    expect(withFrenchSpacing("Coût: 12 € ; payé ! Vraiment ?")).toBe(`Coût${nnbsp}: 12 €${nnbsp}; payé${nnbsp}! Vraiment${nnbsp}?`);
    expect(withFrenchSpacing("Cochez « partagé »")).toBe(`Cochez «${nnbsp}partagé${nnbsp}»`);
    expect(withFrenchSpacing("Lien : {{url}}")).toBe(`Lien${nnbsp}: {{url}}`);
    expect(withFrenchSpacing("https://exemple.fr/a?b=c à 10:30")).toBe("https://exemple.fr/a?b=c à 10:30");
  });

  it("holds for every French string the app shows", () => {
    const bundle = createI18n("fr").getResourceBundle("fr", "translation");
    const strings = (value: unknown, key = ""): [string, string][] =>
      value && typeof value === "object"
        ? Object.entries(value).flatMap(([inner, child]) => strings(child, key ? `${key}.${inner}` : inner))
        : [[key, String(value)]];
    const all = strings(bundle);
    expect(all.length).toBeGreaterThan(1000);
    const problems = all.flatMap(([key, text]) => frenchTypographyProblems(text).map((problem) => `${key}: ${problem}`));
    expect(problems).toEqual([]);
  });
});
