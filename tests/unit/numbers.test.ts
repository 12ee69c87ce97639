import { describe, expect, it } from "vitest";
import { parseDecimal, parseInteger } from "~/shared/numbers";

describe("numbers as people write them", () => {
  it.each([
    ["12500", 12500],
    ["12 500", 12500],
    ["12\u202f500", 12500],
    ["12,500", 12500],
    ["12.500", 12500],
    ["1,234,567", 1234567],
    ["-5", -5],
  ])("integer %j → %d", (text, expected) => {
    expect(parseInteger(text)).toBe(expected);
  });

  it.each(["12.5", "12,50", "1,2,3", "abc", "", "12,500.5"])("integer %j → null", (text) => {
    expect(parseInteger(text)).toBeNull();
  });

  it.each([
    ["3,2", 3.2],
    ["3.2", 3.2],
    ["3,2 %", 3.2],
    ["3.2%", 3.2],
    ["1,234.5", 1234.5],
    ["1.234,5", 1234.5],
    ["12 500,75", 12500.75],
    ["7", 7],
  ])("decimal %j → %d", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(["3,2,1", "three", "", "3.2.1%"])("decimal %j → null", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});
