/**
 * French typography, as the Imprimerie nationale's rules and every French publisher write it: a
 * narrow no-break space before « : ; ! ? » and inside « », elision before a vowel, no stray "..".
 * Typograf, the one maintained library for this, removes the space before « : ! ? » in its
 * French locale (docs/decisions/0031-french-typography.md), so the rules live here, with a test
 * that scans every French string.
 */
export const NARROW_NBSP = "\u202F";

/** A punctuation mark that ends a word or a sentence: followed by a space, a closing mark or the end. */
const highPunctuation = /([^\s\u202F])?([\s\u00A0]*)([:;!?])(?=$|[\s"”)\]]|\{\{)/g;

/** What to say about a French text, one line per problem, empty when it is right. */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(highPunctuation)) {
    const [, before, space, mark] = match;
    if (before === undefined && !space) continue;
    // "10:30", "https://…" and "?tab=" never reach here: the mark must end a word.
    if (/^[\s\u00A0]*$/.test(space) && space !== NARROW_NBSP) problems.push(`needs a narrow no-break space before « ${mark} »`);
  }
  if (/«(?!\u202F)/.test(text)) problems.push("needs a narrow no-break space after «");
  if (/(?<!\u202F)»/.test(text)) problems.push("needs a narrow no-break space before »");
  if (/(?<!\.)\.\.(?!\.)/.test(text)) problems.push("has a double period");
  const unElided = text.match(/(?<![\p{L}’'-])(de|le|la|que|ne|je|se|me|te|si) (?=[aeiouyàâéèêëîïôûAEIOUYÀÂÉÈÊÎÔÛ])/u);
  if (unElided) problems.push(`needs an elision: « ${unElided[0].trim()} » before a vowel`);
  if (/(?<![\p{L}’'])(de|De) \{\{(name|partner|partnerName|email|from)\}\}/u.test(text)) {
    problems.push("« de » before a name that may begin with a vowel: rephrase");
  }
  return problems;
}

/** The text with the spaces French puts around its high punctuation and inside its quotation marks. */
export function withFrenchSpacing(text: string): string {
  return text
    .replace(/[ \u00A0]*([;!?])(?=$|[\s"”)\]]|\{\{)/g, (_, mark: string) => `${NARROW_NBSP}${mark}`)
    .replace(/([^\s\u202F/])?[ \u00A0]*:(?=$|[\s"”)\]]|\{\{)/g, (_, before: string | undefined) => `${before ?? ""}${NARROW_NBSP}:`)
    .replace(/«[ \u00A0]*/g, `«${NARROW_NBSP}`)
    .replace(/[ \u00A0]*»/g, `${NARROW_NBSP}»`);
}
