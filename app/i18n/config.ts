import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { fr } from "./fr";

export const supportedLocales = ["en", "fr"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

const instances = new Map<Locale, i18n>();

/** One instance per language, shared by every request: an instance is never changed after its set-up. */
export function createI18n(locale: Locale): i18n {
  const known = instances.get(locale);
  if (known) return known;
  const instance = i18next.createInstance();
  instances.set(locale, instance);
  instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
