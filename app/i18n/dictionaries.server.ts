/** The server renders every language: entry.server.tsx registers both dictionaries at start. */
import { registerDictionary } from "./config";
import { en } from "./en";
import { de } from "./de";
import { fr } from "./fr";
import { mailPagesEn, mailPagesFr } from "~/features/mail/page-strings";
import { outsidePagesEn, outsidePagesFr } from "~/features/attribution/page-strings";

export function registerServerDictionaries() {
  // The server renders every page, so it has the mail pages' strings too (features/mail/page-strings.ts says why they are apart; attribution's likewise).
  registerDictionary("en", { ...en, ...mailPagesEn, ...outsidePagesEn });
  registerDictionary("fr", { ...fr, ...mailPagesFr, ...outsidePagesFr });
  registerDictionary("de", de);
}
