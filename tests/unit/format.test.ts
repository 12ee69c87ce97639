import { describe, expect, it } from "vitest";
import { formatCompactMoney, formatDate, formatDay, formatMoney, formatNumber, formatPercent } from "~/shared/format";

// Intl uses narrow/no-break spaces as group separators; normalise them for readable expectations.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("Intl formatting", () => {
  it("formats money from minor units with the currency's own exponent", () => {
    expect(plain(formatMoney("fr", 123456, "EUR"))).toBe("1 234,56 €");
    expect(formatMoney("en", 123456, "EUR")).toBe("€1,234.56");
    expect(formatMoney("en", 1500, "JPY")).toBe("¥1,500");
    expect(formatMoney("en", -250, "USD")).toBe("-$2.50");
  });

  it("formats numbers and dates per locale", () => {
    expect(plain(formatNumber("fr", 1234567.5))).toBe("1 234 567,5");
    expect(formatNumber("en", 1234567.5)).toBe("1,234,567.5");
    const date = new Date("2026-03-05T12:00:00Z");
    expect(formatDate("en", date, { dateStyle: "long", timeZone: "UTC" })).toBe("March 5, 2026");
    expect(formatDate("fr", date, { dateStyle: "long", timeZone: "UTC" })).toBe("5 mars 2026");
  });

  it("formats stored days without shifting them, and percent values", () => {
    expect(formatDay("en", "2026-03-05T00:00:00.000Z")).toBe("Mar 5, 2026");
    expect(formatDay("fr", new Date("2026-03-05T00:00:00Z"))).toBe("5 mars 2026");
    expect(formatPercent("en", 3.2)).toBe("3.2%");
    expect(plain(formatPercent("fr", 61.54, 2))).toBe("61,54 %");
  });

  it("writes chart axes' whole thousands without a decimal, as Chromium does, so the page hydrates", () => {
    // Node 20 alone wrote "1,0 k €" when only the maximum was given; the browser wrote "1 k €".
    expect(plain(formatCompactMoney("fr", 100000, "EUR"))).toBe("1 k €");
    expect(plain(formatCompactMoney("fr", 150000, "EUR"))).toBe("1,5 k €");
    expect(formatCompactMoney("en", 1200000, "EUR")).toBe("€12K");
    expect(formatCompactMoney("en", 0, "EUR")).toBe("€0");
  });
});
