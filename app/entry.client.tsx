import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale, registerDictionary, type Dictionary, type Locale } from "./i18n/config";

// Only the page's language is downloaded (each dictionary is its own chunk); switching language
// reloads the document, which loads the other one.
const loaders: Record<Locale, () => Promise<Dictionary>> = {
  en: () => import("./i18n/en").then((module) => module.en),
  fr: () => import("./i18n/fr").then((module) => module.fr),
  de: () => import("./i18n/de").then((module) => module.de),
};
const lang = document.documentElement.lang;
const locale: Locale = isLocale(lang) ? lang : defaultLocale;

loaders[locale]().then((dictionary) => {
  registerDictionary(locale, dictionary);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
