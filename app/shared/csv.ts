/** CSV as people really export it: UTF-8 with or without BOM, or Windows-1252; "," or ";". */
import Papa from "papaparse";

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's default on French Windows). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export interface CsvTable {
  /** Normalised header names: trimmed, lower-cased. */
  header: string[];
  /** Each row with its line number in the file (1 = header), blank lines dropped. */
  rows: { line: number; values: Record<string, string> }[];
}

/** Cells that a spreadsheet would run as a formula: toCsv prefixes them with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Apostrophes, then a formula start: what toCsv guards, so that the import can undo it exactly. */
const GUARDED = /^'+[=+\-@\t\r]/;

/** Undoes toCsv's guard: an apostrophe before `= + - @`, tab or CR is the guard, not data. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/**
 * A formula-like cell (a plain negative number is not one), or a cell that already looks
 * guarded: guarding that one too lets the import give it back unchanged.
 */
function needsGuard(text: string): boolean {
  return (FORMULA_START.test(text) && !/^-\d+(\.\d+)?$/.test(text)) || GUARDED.test(text);
}

export function parseCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [",", ";", "\t"], skipEmptyLines: false });
  const [headerRow = [], ...records] = parsed.data;
  const header = headerRow.map((name) =>
    name
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const rows: CsvTable["rows"] = [];
  // Papa gives records, not lines; quoted fields may span lines, so count newlines as we go.
  let line = 1 + (headerRow.join("").match(/\n/g)?.length ?? 0);
  for (const record of records) {
    line += 1;
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      if (name) values[name] = unguardCell(record[index] ?? "").trim();
    });
    const blank = record.every((cell) => cell.trim() === "");
    if (!blank) rows.push({ line, values });
    line += record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return { header, rows };
}

/**
 * RFC 4180 output; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula
 * (a plain negative number such as "-0.2500" is not a formula and is left as it is).
 */
export function toCsv(header: string[], rows: CsvRow[]): string {
  return [header, ...rows].map(csvLine).join("");
}

export type CsvRow = (string | number | null | undefined)[];

/** One record with its line break, for exports written a batch at a time. */
export function csvLine(row: CsvRow): string {
  const cell = (value: string | number | null | undefined) => {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value === "string" && needsGuard(text)) text = `'${text}`;
    return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return row.map(cell).join(",") + "\r\n";
}

/** "2026-03-05" or "05/03/2026" → "2026-03-05"; null when not a real date. */
export function parseCsvDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : french
      ? [french[3], french[2].padStart(2, "0"), french[1].padStart(2, "0")]
      : [];
  if (!year) return null;
  const value = `${year}-${month}-${day}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}
