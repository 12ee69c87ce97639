/** Reading a list's columns as people see them, for the sorting tests. */
import { expect, type Locator, type Page } from "@playwright/test";

/** A header's own words: textContent, not innerText (headers are capitals by CSS), without sort arrows or the hidden formula. */
const headerWords = (text: string | null) => (text ?? "").replace(/[▲▼↕]/g, "").split(/[,:]/)[0].trim();

/** The text of one column's cells, row by row, found by its header. */
export async function columnValues(root: Page | Locator, header: string) {
  const headers = await root.locator("thead th").evaluateAll((cells) => cells.map((cell) => cell.textContent));
  const index = headers.map(headerWords).findIndex((text) => text.toLowerCase() === header.toLowerCase());
  expect(index, `column ${header} in ${headers.map(headerWords).join(" | ")}`).toBeGreaterThanOrEqual(0);
  return root.locator(`tbody tr > :nth-child(${index + 1})`).evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ""));
}

/** The sortable headers' own words. */
export async function sortableHeaders(root: Page | Locator) {
  return (await root.locator("thead th[aria-sort] a").evaluateAll((links) => links.map((link) => link.textContent))).map(headerWords);
}

/** A cell's figure, or null for unknown ("—"). */
export const figure = (text: string) => (text.trim().startsWith("—") ? null : Number(text.replace(/[^\d.-]/g, "")));
