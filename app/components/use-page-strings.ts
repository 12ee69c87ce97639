import { useTranslation } from "react-i18next";
import { typeset } from "~/i18n/config";

/**
 * Adds a group of page strings to the browser's dictionary, once, before the page reads them (the
 * server already has them all). Call it first thing in the page component that uses them; each
 * feature that keeps strings apart offers its own hook (useMailPageStrings, useOutsidePageStrings).
 */
export function usePageStrings(bundle: { en: object; fr: object }, probe: string) {
  const { i18n } = useTranslation();
  if (typeof document !== "undefined" && !i18n.exists(probe))
    i18n.addResourceBundle(
      i18n.language,
      "translation",
      typeset(i18n.language, i18n.language === "fr" ? bundle.fr : bundle.en),
      true,
      false,
    );
}
