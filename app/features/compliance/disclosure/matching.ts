/**
 * Finding label phrases in folded text, shared by spec v1 and v2 (both say "Matching" the same
 * way): whole words, the hashtag form of a phrase (its words joined), a plain phrase written after
 * a `#`, any white space between words; where matches overlap, the outermost is kept.
 */
import { foldPhrase, type FoldScheme } from "./text";

export interface CompiledPhrase {
  phrase: string;
  /** The phrase folded, its words joined by one space: the key kinds are looked up by. */
  folded: string;
  /** Its first folded word: a text without it cannot match, so the regex is skipped. */
  firstWord: string;
  pattern: RegExp;
}

const WORD = "[\\p{L}\\p{N}_]";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole words only; the plain form takes any white space between words, the hashtag form none. */
export function compilePhrase(phrase: string, scheme: FoldScheme = "v1"): CompiledPhrase {
  const folded = foldPhrase(phrase, scheme);
  const words = folded.map(escape);
  const source = `(?<!${WORD})(?:#${words.join("")}|${words.join("\\s+")})(?!${WORD})`;
  return { phrase, folded: folded.join(" "), firstWord: folded[0] ?? "", pattern: new RegExp(source, "gu") };
}

export interface PhraseMatch<Tag> {
  /** In UTF-16 units of the folded text. */
  start: number;
  end: number;
  hashtag: boolean;
  tag: Tag;
}

export function findPhrase<Tag>(folded: string, phrase: CompiledPhrase, tag: Tag, into: PhraseMatch<Tag>[]) {
  const pattern = phrase.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    const hashPrefixed = !m[0].startsWith("#") && folded[m.index - 1] === "#";
    into.push({
      start: hashPrefixed ? m.index - 1 : m.index,
      end: m.index + m[0].length,
      hashtag: hashPrefixed || m[0].startsWith("#"),
      tag,
    });
  }
}

export function mentionsAny(folded: string, phrases: readonly CompiledPhrase[]) {
  return phrases.some((phrase) => {
    phrase.pattern.lastIndex = 0;
    return phrase.pattern.test(folded);
  });
}

const HASHTAG = /#[\p{L}\p{N}_]+/gu;
const ONLY_SPACE = /^\s+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Starts (in folded units) of hashtags that are buried: in a run of three or more hashtags
 * separated only by white space, with a word that is not a hashtag somewhere before the run.
 */
export function buriedHashtags(folded: string): Set<number> {
  const tags: { start: number; end: number }[] = [];
  for (const m of folded.matchAll(HASHTAG)) tags.push({ start: m.index, end: m.index + m[0].length });
  const buried = new Set<number>();
  let runStart = 0;
  for (let i = 1; i <= tags.length; i++) {
    const continues = i < tags.length && ONLY_SPACE.test(folded.slice(tags[i - 1].end, tags[i].start));
    if (continues) continue;
    const run = tags.slice(runStart, i);
    if (run.length >= 3) {
      const before = folded.slice(0, run[0].start).replace(HASHTAG, " ");
      if (LETTER_OR_DIGIT.test(before)) for (const tag of run) buried.add(tag.start);
    }
    runStart = i;
  }
  return buried;
}

/**
 * Drops matches that lie inside a longer one: sorted by start, longer first (then by `tieBreak`),
 * a match that ends at or before the end of the last kept one is dropped.
 */
export function outermost<Tag>(matches: PhraseMatch<Tag>[], tieBreak: (a: Tag, b: Tag) => number = () => 0): PhraseMatch<Tag>[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end || tieBreak(a.tag, b.tag));
  const kept: PhraseMatch<Tag>[] = [];
  let coveredUntil = -1;
  for (const match of matches) {
    if (match.end <= coveredUntil) continue;
    kept.push(match);
    coveredUntil = match.end;
  }
  return kept;
}
