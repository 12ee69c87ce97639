import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { staffLocales, type Locale } from "~/i18n/config";

/** Works without JavaScript (the button); with it, choosing a language submits at once. */
export function LanguageSwitcher({ locales = staffLocales }: { locales?: readonly Locale[] }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    // A full page load after switching: the browser holds only the current language's strings.
    <Form method="post" action="/locale" className="language-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-switcher-select">{t("nav.language")}</label>
      <select
        id="language-switcher-select"
        name="locale"
        defaultValue={i18n.language}
        key={i18n.language}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`locale.${locale}`)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button button-small">
          {t("common.apply")}
        </button>
      </noscript>
    </Form>
  );
}
