/** Exchange rates from CSV: base_currency, quote_currency, rate, valid_on. Every bad line is named. */
import { parseCsvDate, type CsvTable } from "~/shared/csv";
import type { ImportError } from "~/features/partners";
import { ExchangeRateFormSchema, type ExchangeRateInput } from "./spend";

export const rateCsvColumns = ["base_currency", "quote_currency", "rate", "valid_on"] as const;

export function planRateImport(table: CsvTable): { rates: ExchangeRateInput[]; errors: ImportError[] } {
  const missing = rateCsvColumns.filter((column) => !table.header.includes(column));
  if (missing.length)
    return { rates: [], errors: missing.map((column) => ({ line: 1, column, messageKey: "import.missingRequiredColumn" })) };
  const rates: ExchangeRateInput[] = [];
  const errors: ImportError[] = [];
  const columnOf: Record<string, string> = {
    baseCurrency: "base_currency",
    quoteCurrency: "quote_currency",
    rate: "rate",
    validOn: "valid_on",
  };
  for (const { line, values } of table.rows) {
    const validOn = values.valid_on ? (parseCsvDate(values.valid_on) ?? values.valid_on) : "";
    const parsed = ExchangeRateFormSchema.safeParse({
      baseCurrency: values.base_currency ?? "",
      quoteCurrency: values.quote_currency ?? "",
      rate: values.rate ?? "",
      validOn,
    });
    if (parsed.success) rates.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({
          line,
          column: columnOf[String(issue.path[0])] ?? null,
          messageKey: issue.message,
          value: values[columnOf[String(issue.path[0])]],
        });
  }
  return { rates, errors };
}
