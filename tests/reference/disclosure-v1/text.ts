/**
 * Text as the disclosure matcher sees it: Unicode NFD without combining marks, lower-cased,
 * with a map from each of its UTF-16 units back to the code point it came from in the original,
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

const COMBINING_MARKS = /\p{M}/gu;
const foldCache = new Map<string, string>();

function foldCodePoint(cp: string): string {
  const code = cp.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cp;
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    folded = cp.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
    if (foldCache.size < 10_000) foldCache.set(cp, folded);
  }
  return folded;
}

export function foldText(text: string): FoldedText {
  const codePoints = Array.from(text);
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < codePoints.length; i++) {
    const folded = foldCodePoint(codePoints[i]);
    parts.push(folded);
    for (let unit = 0; unit < folded.length; unit++) origin.push(i);
  }
  return { folded: parts.join(""), origin: Int32Array.from(origin), codePoints };
}

/** A marker phrase folded the same way, split into its words. */
export function foldPhrase(phrase: string): string[] {
  return foldText(phrase).folded.trim().split(/\s+/u);
}
