import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Messages } from "./en";
import { withFrenchSpacing } from "~/shared/french-typography";

export const supportedLocales = ["en", "fr", "de"] as const;
export type Locale = (typeof supportedLocales)[number];
/** The team's pages are in English and French; German is for the partner portal (de.ts says why). */
export const staffLocales = ["en", "fr"] as const satisfies readonly Locale[];
export type StaffLocale = (typeof staffLocales)[number];

export function isStaffLocale(value: unknown): value is StaffLocale {
  return typeof value === "string" && (staffLocales as readonly string[]).includes(value);
}
export const defaultLocale: Locale = "en";

export type Dictionary = Messages;

/**
 * Each language's strings, registered where they are needed: the server registers both
 * (dictionaries.server.ts); a browser registers only its page's language before hydrating
 * (entry.client.tsx), so nobody downloads a language they do not read.
 */
const dictionaries = new Map<Locale, Dictionary>();

export function registerDictionary(locale: Locale, dictionary: Dictionary) {
  dictionaries.set(locale, typeset(locale, dictionary));
}

/** French spacing is one rule applied to every French string, on the server and in the browser alike. */
export function typeset<T>(locale: string, strings: T): T {
  return locale === "fr" ? mapStrings(strings, withFrenchSpacing) : strings;
}

function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === "string") return change(value) as T;
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapStrings(inner, change)])) as T;
}

/**
 * The language the page can show now: the one wanted, or, in a browser that has downloaded only
 * another one (a French user who signed in on an English sign-in page), that one until the
 * document reloads in the language wanted.
 */
export function availableLocale(wanted: Locale): Locale {
  return dictionaries.has(wanted) ? wanted : ([...dictionaries.keys()][0] ?? wanted);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

const instances = new Map<Locale, i18n>();

/** One instance per language, shared by every request: an instance is never changed after its set-up. */
export function createI18n(locale: Locale): i18n {
  const known = instances.get(locale);
  if (known) return known;
  const dictionary = dictionaries.get(locale);
  if (!dictionary) throw new Error(`No strings registered for "${locale}"`);
  const instance = i18next.createInstance();
  instances.set(locale, instance);
  // Every dictionary has every key (a unit test checks; German takes English's where it has none).
  instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...supportedLocales],
    resources: { [locale]: { translation: dictionary } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  rememberPlainTranslations(instance);
  return instance;
}

/** Far more than the app's keys: a bound on memory even if a caller ever translated arbitrary text. */
const MAX_REMEMBERED_KEYS = 10_000;

/**
 * i18next copies all its options on every `t()` call (about 10 µs), and a list page makes hundreds
 * of calls (a stage, kind and platform label per row). A key without options always gives the same
 * text, since the instance never changes, so each `t` that components get remembers those texts.
 */
function rememberPlainTranslations(instance: i18n) {
  const getFixedT = instance.getFixedT.bind(instance);
  const remembered = new Map<string, Map<string, unknown>>();
  instance.getFixedT = ((...args: Parameters<i18n["getFixedT"]>) => {
    const translate = getFixedT(...args) as unknown as ((key: unknown, ...rest: unknown[]) => unknown) & Record<string, unknown>;
    const scope = JSON.stringify([args[0], args[1], args[2]]);
    let texts = remembered.get(scope);
    if (!texts) remembered.set(scope, (texts = new Map()));
    const cache = texts;
    const rememberingTranslate = (key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== "string") return translate(key, ...rest);
      let text = cache.get(key);
      if (text === undefined) {
        text = translate(key);
        if (cache.size < MAX_REMEMBERED_KEYS) cache.set(key, text);
      }
      return text;
    };
    return Object.assign(rememberingTranslate, {
      lng: translate.lng,
      lngs: translate.lngs,
      ns: translate.ns,
      keyPrefix: translate.keyPrefix,
    });
  }) as unknown as i18n["getFixedT"];
}
