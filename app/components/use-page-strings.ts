import { useTranslation } from "react-i18next";
import { mailPages } from "~/i18n/mail-pages";
import { outsidePages } from "~/i18n/outside-pages";

/**
 * Adds a group of page strings to the browser's dictionary, once, before the page reads them (the
 * server already has them all). Call it first thing in the page component that uses them.
 */
function usePageStrings(bundle: { en: object; fr: object }, probe: string) {
  const { i18n } = useTranslation();
  if (typeof document !== "undefined" && !i18n.exists(probe))
    i18n.addResourceBundle(i18n.language, "translation", i18n.language === "fr" ? bundle.fr : bundle.en, true, false);
}

/** Settings › Mail and Templates, the inbox and a message, the mail import, a template's draft, a draft, a job. */
export const useMailPageStrings = () => usePageStrings(mailPages, "mailSettings.serverTitle");

/** Tracked links and promo codes, shops, orders. */
export const useOutsidePageStrings = () => usePageStrings(outsidePages, "orders.title");
