/** The server renders every language: entry.server.tsx registers both dictionaries at start. */
import { registerDictionary } from "./config";
import { en } from "./en";
import { de } from "./de";
import { fr } from "./fr";
import { mailPagesEn, mailPagesFr } from "./mail-pages";
import { outsidePagesEn, outsidePagesFr } from "./outside-pages";

export function registerServerDictionaries() {
  // The server renders every page, so it has the mail pages' strings too (mail-pages.ts says why they are apart; outside-pages.ts likewise).
  registerDictionary("en", { ...en, ...mailPagesEn, ...outsidePagesEn });
  registerDictionary("fr", { ...fr, ...mailPagesFr, ...outsidePagesFr });
  registerDictionary("de", de);
}
