/**
 * Numbers as people type or export them, in French or English: "12 500", "12,500", "12.500"
 * and "12500" are twelve thousand five hundred; "3,2" and "3.2" are three point two.
 */

const GROUP_SEPARATORS = /[\s\u00a0\u202f]/g;

/** A whole number; null when the text is not one. */
export function parseInteger(text: string): number | null {
  const compact = text.trim().replace(GROUP_SEPARATORS, "");
  if (/^-?\d+$/.test(compact)) return Number(compact);
  // Thousands grouped by "," or "." (one kind only, groups of exactly three digits).
  if (/^-?\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/,/g, ""));
  if (/^-?\d{1,3}(\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ""));
  return null;
}

/**
 * A decimal number as plain text with "." as the mark ("1 234,5" → "1234.5"); null when it is
 * not one. Kept as text so that callers that need exactness (money) never go through a float.
 */
export function normaliseDecimal(text: string, groupSeparators: RegExp = GROUP_SEPARATORS): string | null {
  const compact = text.trim().replace(groupSeparators, "");
  if (/^-?\d+([.,]\d+)?$/.test(compact)) return compact.replace(",", ".");
  // "1,234.5" (English) or "1.234,5" (French/German) with grouping.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) return compact.replace(/,/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) return compact.replace(/\./g, "").replace(",", ".");
  return null;
}

/** A decimal number, with "," or "." as the decimal mark and an optional trailing "%"; null otherwise. */
export function parseDecimal(text: string): number | null {
  const decimal = normaliseDecimal(text.trim().replace(/%$/, ""));
  return decimal === null ? null : Number(decimal);
}
