import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/redirect";

describe("safeRedirect", () => {
  it.each([
    ["/partners?stage=active", "/partners?stage=active"],
    ["/settings/users", "/settings/users"],
    ["/partners?q=L%C3%A9a", "/partners?q=L%C3%A9a"],
    ["/", "/"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "//evil.test",
    "https://evil.test/",
    "/\\evil.test",
    "javascript:alert(1)",
    "evil",
    "",
    "/\t/evil.test",
    "/\n/evil.test",
    "/partners\x7f",
    "/partners?q=Léa",
    "/\u2028",
    "/a b",
  ])("refuses %j", (input) => {
    expect(safeRedirect(input, "/home")).toBe("/home");
  });

  it("falls back when nothing is given", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });
});
