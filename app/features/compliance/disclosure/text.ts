/**
 * Text as the disclosure matcher sees it, with a map from each of its UTF-16 units back to the code point it came from in the original,
 * so that positions are reported in code points of the text as written.
 */
export interface FoldedText {
  /** The folded text. */
  folded: string;
  /** For each UTF-16 unit of `folded`, the index of its code point in the original. */
  origin: Int32Array;
  /** The original text, split into code points. */
  codePoints: string[];
}

/**
 * How each code point is folded:
 * - v1 (disclosure-rules.md): NFD, combining marks removed, lower-cased;
 * - v2 (disclosure-rules-v2.md §5): invisible code points (Default_Ignorable_Code_Point: zero-width
 *   spaces, soft hyphens, joiners, BOM, variation selectors) fold to nothing; otherwise NFKC, then
 *   lower case, then NFD without combining marks, so full-width and mathematical letters read as
 *   plain ones (`＃ad`, `𝐀𝐃`). Letters of other scripts that look Latin are left as they are.
 */
export type FoldScheme = "v1" | "v2";

const COMBINING_MARKS = /\p{M}/gu;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const foldCaches: Record<FoldScheme, Map<string, string>> = { v1: new Map(), v2: new Map() };

function foldCodePoint(cp: string, scheme: FoldScheme): string {
  const code = cp.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cp;
  const cache = foldCaches[scheme];
  let folded = cache.get(cp);
  if (folded === undefined) {
    folded =
      scheme === "v1"
        ? cp.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase()
        : INVISIBLE.test(cp)
          ? ""
          : cp.normalize("NFKC").toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "");
    if (cache.size < 10_000) cache.set(cp, folded);
  }
  return folded;
}

export function foldText(text: string, scheme: FoldScheme = "v1"): FoldedText {
  const codePoints = Array.from(text);
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < codePoints.length; i++) {
    const folded = foldCodePoint(codePoints[i], scheme);
    parts.push(folded);
    for (let unit = 0; unit < folded.length; unit++) origin.push(i);
  }
  return { folded: parts.join(""), origin: Int32Array.from(origin), codePoints };
}

/** A marker phrase folded the same way, split into its words. */
export function foldPhrase(phrase: string, scheme: FoldScheme = "v1"): string[] {
  return foldText(phrase, scheme).folded.trim().split(/\s+/u);
}

/** A phrase's lookup key: folded, its words joined by one space (how the matcher and the kind tables name a phrase). */
export const phraseKey = (phrase: string, scheme: FoldScheme = "v1") => foldPhrase(phrase, scheme).join(" ");

/** Where a match in the folded text lies in the original: from its first to one past its last folded unit's code point. */
export function originalSpan(text: FoldedText, start: number, end: number): { index: number; length: number } {
  const index = text.origin[start];
  return { index, length: text.origin[end - 1] + 1 - index };
}
