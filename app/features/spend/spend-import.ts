/**
 * Gift and placement CSVs (issue columns) turned into plans: typed rows with their line numbers,
 * and the rejected rows, each error naming its line and column. Pure: the model resolves the
 * partner, campaign and product keys against the database.
 */
import { acceptsPayments, overpays } from "./payments";
import { parseCsvDate, type CsvTable } from "~/shared/csv";
import { isCurrency, toMinorUnits } from "~/shared/money";
import type { ImportError } from "~/features/partners";
import { giftDateProblems, giftStatuses, placementStatuses, type GiftStatus, type PlacementStatus } from "./spend-terms";

export const giftCsvColumns = [
  "partner",
  "campaign",
  "product",
  "sku",
  "quantity",
  "unit_value",
  "currency",
  "shipping_cost",
  "status",
  "carrier",
  "tracking_number",
  "shipped_on",
  "delivered_on",
  "requested",
] as const;
export const placementCsvColumns = [
  "partner",
  "campaign",
  "title",
  "fee",
  "currency",
  "status",
  "agreed_on",
  "due_on",
  "paid_amount",
  "paid_on",
  "invoice_ref",
] as const;

export interface PlannedGift {
  line: number;
  partner: string;
  campaign?: string;
  product?: string;
  sku?: string;
  quantity: number;
  unitValueMinor?: number;
  currency: string;
  shippingMinor: number;
  status: GiftStatus;
  carrier?: string;
  trackingNumber?: string;
  shippedOn?: string;
  deliveredOn?: string;
  requested: boolean;
}

export interface PlannedPlacement {
  line: number;
  partner: string;
  campaign?: string;
  title: string;
  feeMinor: number;
  currency: string;
  status: PlacementStatus;
  agreedOn: string;
  dueOn?: string;
  payment?: { amountMinor: number; paidOn: string; invoiceRef?: string };
}

export interface SpendImportPlan<Row> {
  rows: Row[];
  errors: ImportError[];
  rowCount: number;
}

export const YES = new Set(["yes", "y", "true", "1", "oui", "o", "x"]);
export const NO = new Set(["", "no", "n", "false", "0", "non"]);

/** Reads one row's cells with the checks every spend CSV shares; `fail` records an error on a column. */
function rowReader(line: number, values: Record<string, string>, errors: ImportError[]) {
  const fail = (column: string, messageKey: string) => errors.push({ line, column, messageKey, value: values[column] });
  const text = (column: string) => values[column]?.trim() || undefined;
  const currency = (text("currency") ?? "").toUpperCase();
  if (!currency) fail("currency", "errors.required");
  else if (!isCurrency(currency)) fail("currency", "errors.unknownCurrency");
  const money = (column: string, { required = false, positive = false } = {}) => {
    const raw = text(column);
    if (!raw) {
      if (required) fail(column, "errors.required");
      return undefined;
    }
    if (!isCurrency(currency)) return undefined;
    const minor = toMinorUnits(raw, currency);
    if (minor === null) fail(column, "errors.invalidAmount");
    else if (minor < 0) fail(column, "errors.negativeAmount");
    else if (positive && minor === 0) fail(column, "errors.amountAboveZero");
    else return minor;
    return undefined;
  };
  const date = (column: string, required = false) => {
    const raw = text(column);
    if (!raw) {
      if (required) fail(column, "errors.required");
      return undefined;
    }
    const parsed = parseCsvDate(raw);
    if (parsed === null) fail(column, "errors.invalidDate");
    return parsed ?? undefined;
  };
  const choice = <T extends string>(column: string, options: readonly T[], fallback: T, messageKey: string) => {
    const raw = (text(column) ?? fallback).toLowerCase().replace(/[\s-]+/g, "_");
    if (!(options as readonly string[]).includes(raw)) fail(column, messageKey);
    return raw as T;
  };
  const partner = text("partner");
  if (!partner) fail("partner", "errors.required");
  return { fail, text, currency, money, date, choice, partner: partner ?? "" };
}

export function checkColumns(table: CsvTable, required: string[]): ImportError[] {
  return required
    .filter((column) => !table.header.includes(column))
    .map((column) => ({ line: 1, column, messageKey: "import.missingRequiredColumn" }));
}

export function planGiftImport(table: CsvTable): SpendImportPlan<PlannedGift> {
  const missing = checkColumns(table, ["partner", "currency"]);
  if (missing.length) return { rows: [], errors: missing, rowCount: table.rows.length };
  const rows: PlannedGift[] = [];
  const errors: ImportError[] = [];
  for (const { line, values } of table.rows) {
    const rowErrors: ImportError[] = [];
    const r = rowReader(line, values, rowErrors);
    const quantityText = r.text("quantity") ?? "1";
    const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : NaN;
    if (!Number.isSafeInteger(quantity)) r.fail("quantity", "errors.invalidNumber");
    else if (quantity < 1) r.fail("quantity", "errors.quantityAtLeastOne");
    const unitValueMinor = r.money("unit_value");
    if (unitValueMinor === undefined && !r.text("sku") && !r.text("unit_value")) r.fail("unit_value", "errors.required");
    if (!r.text("product") && !r.text("sku")) r.fail("product", "errors.productOrItem");
    const shippingMinor = r.money("shipping_cost") ?? 0;
    const status = r.choice("status", giftStatuses, "planned", "import.unknownGiftStatus");
    const deliveredOn = r.date("delivered_on");
    // A file that only knows the delivery day: the gift was shipped by then at the latest.
    const shippedOn = r.date("shipped_on") ?? (status !== "planned" && status !== "cancelled" ? deliveredOn : undefined);
    // The form's own date rules; a date that could not be read is already reported on its column.
    for (const problem of giftDateProblems({ status, shippedOn, deliveredOn })) {
      const column = problem.field === "shippedOn" ? "shipped_on" : "delivered_on";
      if (!rowErrors.some((e) => e.column === column)) r.fail(column, problem.message);
    }
    const requestedText = (r.text("requested") ?? "").toLowerCase();
    if (!YES.has(requestedText) && !NO.has(requestedText)) r.fail("requested", "import.notYesNo");
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line,
      partner: r.partner,
      campaign: r.text("campaign"),
      product: r.text("product"),
      sku: r.text("sku"),
      quantity,
      unitValueMinor,
      currency: r.currency,
      shippingMinor,
      status,
      carrier: r.text("carrier"),
      trackingNumber: r.text("tracking_number"),
      shippedOn,
      deliveredOn,
      requested: YES.has(requestedText),
    });
  }
  return { rows, errors, rowCount: table.rows.length };
}

export function planPlacementImport(table: CsvTable): SpendImportPlan<PlannedPlacement> {
  const missing = checkColumns(table, ["partner", "title", "fee", "currency", "agreed_on"]);
  if (missing.length) return { rows: [], errors: missing, rowCount: table.rows.length };
  const rows: PlannedPlacement[] = [];
  const errors: ImportError[] = [];
  for (const { line, values } of table.rows) {
    const rowErrors: ImportError[] = [];
    const r = rowReader(line, values, rowErrors);
    const title = r.text("title");
    if (!title) r.fail("title", "errors.required");
    else if (title.length > 200) r.fail("title", "errors.tooLong");
    const feeMinor = r.money("fee", { required: true });
    const status = r.choice("status", placementStatuses, "proposed", "import.unknownPlacementStatus");
    const agreedOn = r.date("agreed_on", true);
    const dueOn = r.date("due_on");
    const amountMinor = r.money("paid_amount", { positive: true });
    const paidOn = r.date("paid_on", amountMinor !== undefined);
    if (amountMinor !== undefined && !acceptsPayments(status, { newPlacement: true })) r.fail("paid_amount", "placements.notPayable");
    if (amountMinor !== undefined && feeMinor !== undefined && overpays(feeMinor, [], [amountMinor]))
      r.fail("paid_amount", "placements.overpayment");
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line,
      partner: r.partner,
      campaign: r.text("campaign"),
      title: title!,
      feeMinor: feeMinor!,
      currency: r.currency,
      status,
      agreedOn: agreedOn!,
      dueOn,
      payment: amountMinor !== undefined ? { amountMinor, paidOn: paidOn!, invoiceRef: r.text("invoice_ref") } : undefined,
    });
  }
  return { rows, errors, rowCount: table.rows.length };
}
