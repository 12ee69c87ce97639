import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { fr } from "~/i18n/fr";
import { localeFromAcceptLanguage, resolveLocale } from "~/i18n/locale.server";

describe("language from Accept-Language", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["fr-CA", "fr"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,fr;q=0.5", "fr"],
    ["en;q=0.2,fr;q=0.9", "fr"],
    ["de-DE", "en"],
    ["", "en"],
    ["*", "en"],
    ["garbage;;;q=x", "en"],
  ])("%j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("prefers the user's stored choice over the browser", async () => {
    const request = new Request("http://localhost/", { headers: { "Accept-Language": "en-US" } });
    expect(await resolveLocale(request, "fr")).toBe("fr");
    expect(await resolveLocale(request, null)).toBe("en");
  });
});

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === "string" ? [`${prefix}${key}`] : keys(child as object, `${prefix}${key}.`),
  );
}

function leaf(value: object, key: string): string {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], value) as string;
}

describe("translations", () => {
  it("have the same keys in English and French, none empty", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
    for (const key of keys(fr)) expect(leaf(fr, key).trim(), key).not.toBe("");
  });

  it("use the same interpolation variables in both languages", () => {
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) expect(variables(leaf(fr, key)), key).toEqual(variables(leaf(en, key)));
  });
});

describe("German is the portal's language only", () => {
  it("gives a German browser German in the portal and English on the team's pages", async () => {
    const { resolveAnyLocale } = await import("~/i18n/locale.server");
    const request = new Request("http://localhost/portal", { headers: { "Accept-Language": "de-DE,de;q=0.9" } });
    expect(await resolveAnyLocale(request, null)).toBe("de");
    expect(await resolveLocale(request, null)).toBe("en");
    expect(await resolveLocale(request, "de")).toBe("en");
  });
});
