/**
 * Coverage CSVs (issue columns) turned into plans. Each row is read into the coverage form's
 * fields and validated by the same schema as the form, so the import and the form accept exactly
 * the same things; a schema error becomes an error on the CSV column it came from.
 */
import { CoverageFormSchema, type CoverageInput } from "./coverage";
import { parseCsvDate, type CsvTable } from "~/shared/csv";
import type { ImportError } from "~/features/partners";
import { checkColumns, NO, YES, type SpendImportPlan } from "~/features/spend";

export const coverageCsvColumns = [
  "partner",
  "campaign",
  "url",
  "platform",
  "published_on",
  "text",
  "impressions",
  "reach",
  "views",
  "likes",
  "comments",
  "shares",
  "saves",
  "clicks",
  "conversions",
  "revenue",
  "revenue_currency",
  "jurisdiction",
  "paid",
  "gifted",
  "affiliate",
  "platform_label",
] as const;

export interface PlannedCoverage {
  line: number;
  partner: string;
  campaign?: string;
  /** Validated form input; its partnerId and campaignId are filled in once the keys are resolved. */
  input: CoverageInput;
}

/** The form field a CSV column feeds, where the names differ. */
const columnOfField: Record<string, string> = {
  publishedOn: "published_on",
  revenueCurrency: "revenue_currency",
  paidOverride: "paid",
  giftedOverride: "gifted",
  affiliateOverride: "affiliate",
  overrideReason: "paid",
  platformLabel: "platform_label",
};

/** The people who write these files say GB as often as UK. */
const jurisdictionAliases: Record<string, string> = { GB: "UK" };

export const IMPORT_OVERRIDE_REASON = "CSV import";

export function planCoverageImport(table: CsvTable): SpendImportPlan<PlannedCoverage> {
  const missing = checkColumns(table, ["partner", "url", "platform", "published_on", "text"]);
  if (missing.length) return { rows: [], errors: missing, rowCount: table.rows.length };
  const rows: PlannedCoverage[] = [];
  const errors: ImportError[] = [];
  for (const { line, values } of table.rows) {
    const rowErrors: ImportError[] = [];
    const cell = (column: string) => values[column]?.trim() ?? "";
    const flag = (column: string): "auto" | "yes" | "no" | undefined => {
      const value = cell(column).toLowerCase();
      if (!value) return "auto";
      if (YES.has(value)) return "yes";
      if (NO.has(value)) return "no";
      rowErrors.push({ line, column, messageKey: "import.notYesNo", value: cell(column) });
      return undefined;
    };
    const partner = cell("partner");
    if (!partner) rowErrors.push({ line, column: "partner", messageKey: "errors.required" });
    const publishedOn = cell("published_on") ? (parseCsvDate(cell("published_on")) ?? cell("published_on")) : "";
    const connection = { paidOverride: flag("paid"), giftedOverride: flag("gifted"), affiliateOverride: flag("affiliate") };
    const platformLabel = flag("platform_label");
    const jurisdiction = cell("jurisdiction").toUpperCase();
    const overridden = Object.values(connection).some((value) => value === "yes" || value === "no");
    const fields: Record<string, string> = {
      partnerId: "pending",
      url: cell("url"),
      platform: cell("platform").toLowerCase(),
      publishedOn,
      // Quoted text keeps its line breaks; only the ends are trimmed, as in the form.
      text: values.text ?? "",
      jurisdiction: jurisdictionAliases[jurisdiction] ?? jurisdiction,
      ...Object.fromEntries(
        ["impressions", "reach", "views", "likes", "comments", "shares", "saves", "clicks", "conversions", "revenue"].map((name) => [
          name,
          cell(name),
        ]),
      ),
      revenueCurrency: cell("revenue_currency").toUpperCase(),
      paidOverride: connection.paidOverride ?? "auto",
      giftedOverride: connection.giftedOverride ?? "auto",
      affiliateOverride: connection.affiliateOverride ?? "auto",
      overrideReason: overridden ? IMPORT_OVERRIDE_REASON : "",
      platformLabel: platformLabel === "yes" ? "on" : "",
    };
    const parsed = CoverageFormSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const column = columnOfField[field] ?? field;
        if (!rowErrors.some((e) => e.column === column)) rowErrors.push({ line, column, messageKey: issue.message, value: values[column] });
      }
    }
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ line, partner, campaign: cell("campaign") || undefined, input: parsed.data });
  }
  return { rows, errors, rowCount: table.rows.length };
}
