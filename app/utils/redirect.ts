/** Only same-site paths: "/partners?x=1" is kept, "//evil.test", "https://…" and "/\\evil" are not. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  // Control characters (tabs, newlines) can make browsers read "/\t/evil" as "//evil".
  if ([...to].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  return to;
}
