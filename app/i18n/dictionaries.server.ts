/** The server renders every language: entry.server.tsx registers both dictionaries at start. */
import { registerDictionary } from "./config";
import { en } from "./en";
import { de } from "./de";
import { fr } from "./fr";

export function registerServerDictionaries() {
  registerDictionary("en", en);
  registerDictionary("fr", fr);
  registerDictionary("de", de);
}
