import { useTranslation } from "react-i18next";
import { mailPagesEn, mailPagesFr } from "~/i18n/mail-pages";

/**
 * Adds the mail pages' strings to the browser's dictionary, once, before the page reads them
 * (the server already has them). Call it first thing in a component that uses them.
 */
export function useMailPageStrings() {
  const { i18n } = useTranslation();
  if (typeof document !== "undefined" && !i18n.exists("mailSettings.serverTitle"))
    i18n.addResourceBundle(i18n.language, "translation", i18n.language === "fr" ? mailPagesFr : mailPagesEn, true, false);
}
