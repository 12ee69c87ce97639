/**
 * Pieces of spec v2's input that the CRM decides from its records (issue 29, part 2): the post's
 * language and the advertiser. Pure, so the portal's as-you-type check fills them the same way.
 */
import { postLanguages, type PostLanguage } from "./rules-v2";
import type { Advertiser } from "./check-v2";

/** Countries whose audience reads French or German first; everywhere else English. */
const FRENCH_FIRST = new Set(["FR", "BE", "LU", "MC"]);
const GERMAN_FIRST = new Set(["DE", "AT", "LI", "CH"]);

/** A sensible default from an ISO 3166-1 country (Switzerland and Belgium lean to their largest audience). */
export function postLanguageFromCountry(country: string | null | undefined): PostLanguage {
  const code = (country ?? "").toUpperCase();
  if (FRENCH_FIRST.has(code)) return "fr";
  if (GERMAN_FIRST.has(code)) return "de";
  return "en";
}

const isPostLanguage = (value: string | null | undefined): value is PostLanguage =>
  (postLanguages as readonly string[]).includes((value ?? "").toLowerCase());

/** The language a post is checked in: the item's own, else the partner's, else from the country. */
export function postLanguageFor(sources: { item?: string | null; partner?: string | null; country?: string | null }): PostLanguage {
  for (const value of [sources.item, sources.partner]) if (isPostLanguage(value)) return value.toLowerCase() as PostLanguage;
  return postLanguageFromCountry(sources.country);
}

/** The workspace's brand as spec v2's advertiser, or none when no name is set. */
export function advertiserFor(brandName: string | null | undefined, handles: readonly string[] = []): Advertiser | undefined {
  const name = (brandName ?? "").trim();
  if (!/[\p{L}\p{N}]/u.test(name)) return undefined;
  const kept = handles.map((handle) => handle.trim()).filter((handle) => /[^@\s]/u.test(handle));
  return kept.length ? { name, handles: kept } : { name };
}
