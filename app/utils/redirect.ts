/**
 * Only same-site paths made of characters a Location header can carry: "/partners?x=1" is kept,
 * "//evil.test", "https://…", "/\\evil", control characters, DEL and anything outside printable
 * ASCII are not (a header with them fails after the change was saved). Percent-encoded text is fine.
 */
const SAFE_PATH = /^\/(?![/\\])[\x21-\x7e]*$/;

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2000 || !SAFE_PATH.test(to)) return fallback;
  return to;
}
