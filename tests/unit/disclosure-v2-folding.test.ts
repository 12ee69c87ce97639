/** Spec v2 §5 (../shared/docs/disclosure-rules-v2.md): the folding examples, written from the spec by hand. */
import { describe, expect, it } from "vitest";
import { foldText, originalSpan } from "~/features/compliance/disclosure/text";

const folded = (text: string) => foldText(text, "v2").folded;

describe("v2 text folding", () => {
  it("reads full-width, mathematical and invisible-spliced labels as the plain ones", () => {
    expect(folded("\uFF03ad")).toBe("#ad"); // ＃ad
    expect(folded("\u{1D400}\u{1D403}")).toBe("ad"); // 𝐀𝐃
    expect(folded("\uFF37\uFF25\uFF32\uFF22\uFF35\uFF2E\uFF27")).toBe("werbung"); // ＷＥＲＢＵＮＧ
    expect(folded("#a\u200Bd")).toBe("#ad"); // zero-width space inside
    expect(folded("Publicite\u0301")).toBe("publicite"); // a combining acute after the e
    expect(folded("W\u00ADerbung")).toBe("werbung"); // soft hyphen
    expect(folded("Pub\u2060licité\uFEFF")).toBe("publicite"); // word joiner, BOM
  });

  it("does not map letters of another script that merely look Latin", () => {
    expect(folded("#\u0430d")).toBe("#\u0430d"); // Cyrillic а
  });

  it("reports positions in the original's code points, invisible characters inside included", () => {
    const spliced = foldText("x #a\u200Bd", "v2");
    const start = spliced.folded.indexOf("#ad");
    // "#a(ZWSP)d" starts at code point 2 and has 4 code points, the zero-width space among them.
    expect(originalSpan(spliced, start, start + 3)).toEqual({ index: 2, length: 4 });
    // A combining mark after the last letter is not part of the marker: "Publicite◌́" has length 9.
    const accented = foldText("Publicite\u0301", "v2");
    expect(originalSpan(accented, 0, "publicite".length)).toEqual({ index: 0, length: 9 });
    // 𝐀𝐃 is two code points (four UTF-16 units) and folds to two letters.
    const bold = foldText("\u{1D400}\u{1D403}", "v2");
    expect(originalSpan(bold, 0, 2)).toEqual({ index: 0, length: 2 });
  });

  it("leaves v1's folding as it was", () => {
    expect(foldText("\uFF03ad").folded).toBe("\uFF03ad");
    expect(foldText("#a\u200Bd").folded).toBe("#a\u200Bd");
  });
});
