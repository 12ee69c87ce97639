/**
 * Order CSVs: Shopify's order export, WooCommerce's order export, or a generic file, planned into
 * orders with their line numbers and the rejected lines (each error naming its line and column).
 * Pure: the model writes them through the same path as the webhook.
 */
import { parseCsvDate, type CsvTable } from "~/shared/csv";
import { isCurrency, toMinorUnits } from "~/shared/money";
import { normaliseCode, type IncomingOrder } from "./orders";
import type { ImportError } from "~/features/partners";

export const genericOrderColumns = [
  "order_id",
  "date",
  "currency",
  "total",
  "discount_codes",
  "landing_url",
  "status",
  "refunded",
] as const;
type Field = "orderId" | "date" | "currency" | "total" | "codes" | "landing" | "status" | "refunded" | "cancelledAt";

/** Each format's column for each field, first match wins (headers are lower-cased by parseCsv). */
const formats: Record<"shopify" | "woocommerce" | "generic", Partial<Record<Field, string[]>>> = {
  shopify: {
    orderId: ["id", "name"],
    date: ["created at"],
    currency: ["currency"],
    total: ["total"],
    codes: ["discount code"],
    status: ["financial status"],
    refunded: ["refunded amount"],
    cancelledAt: ["cancelled at"],
  },
  woocommerce: {
    orderId: ["order id", "order_id", "order number"],
    date: ["order date", "date"],
    currency: ["order currency", "currency"],
    total: ["order total", "order total amount", "total"],
    codes: ["coupon code", "coupons", "coupon_items", "coupon items"],
    landing: ["landing page", "_landing_page"],
    status: ["order status", "status"],
    refunded: ["order refund amount", "refund amount"],
  },
  generic: {
    orderId: ["order_id"],
    date: ["date"],
    currency: ["currency"],
    total: ["total"],
    codes: ["discount_codes"],
    landing: ["landing_url", "utm", "landing"],
    status: ["status"],
    refunded: ["refunded"],
  },
};

export type OrderFileFormat = keyof typeof formats;

/** Which export a header is: Shopify's has "financial status", WooCommerce's an "order …" column. */
export function detectOrderFormat(header: string[]): OrderFileFormat {
  if (header.includes("financial status") && header.includes("name")) return "shopify";
  if (header.some((name) => name === "order id" || name === "order date" || name === "order total" || name === "order number"))
    return "woocommerce";
  return "generic";
}

/** A file's order: what every door hands over, with its line and the refund the file states (undated). */
export interface PlannedOrder extends Omit<IncomingOrder, "refunds"> {
  line: number;
  refundedMinor: number;
}

export interface OrderImportPlan {
  format: OrderFileFormat;
  orders: PlannedOrder[];
  errors: ImportError[];
  rowCount: number;
  currencies: string[];
}

/** "2026-03-05 14:02:11 +0100", ISO, or a calendar day: a moment, or null. */
function parseMoment(text: string): Date | null {
  const day = parseCsvDate(text);
  if (day) return new Date(`${day}T12:00:00Z`);
  const shopify = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?) ?([+-]\d{2}):?(\d{2})$/.exec(text.trim());
  const value = shopify ? `${shopify[1]}T${shopify[2]}${shopify[3]}:${shopify[4]}` : text.trim();
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return null;
  const moment = new Date(value.replace(" ", "T"));
  return Number.isNaN(moment.getTime()) ? null : moment;
}

export function planOrderImport(table: CsvTable): OrderImportPlan {
  const format = detectOrderFormat(table.header);
  const columns = formats[format];
  const column = (field: Field) => columns[field]?.find((name) => table.header.includes(name)) ?? null;
  const errors: ImportError[] = [];
  const required: Field[] = ["orderId", "date", "currency", "total"];
  const missing = required.filter((field) => !column(field));
  if (missing.length)
    return {
      format,
      orders: [],
      rowCount: table.rows.length,
      currencies: [],
      errors: missing.map((field) => ({ line: 1, column: (columns[field] ?? [field])[0], messageKey: "orderImport.missingColumn" })),
    };
  const seen = new Set<string>();
  const orders: PlannedOrder[] = [];
  for (const row of table.rows) {
    const cell = (field: Field) => {
      const name = column(field);
      return name ? (row.values[name] ?? "").trim() : "";
    };
    const externalId = cell("orderId").replace(/^#/, "");
    // Shopify writes one row per line item; the order's own fields are on its first row only.
    if (!externalId || seen.has(externalId)) continue;
    const rowErrors: ImportError[] = [];
    const fail = (field: Field, messageKey: string, value: string) =>
      rowErrors.push({ line: row.line, column: column(field), messageKey, value });
    const orderedAt = parseMoment(cell("date"));
    if (!orderedAt) fail("date", "errors.invalidDate", cell("date"));
    const currency = cell("currency").toUpperCase();
    if (!isCurrency(currency)) fail("currency", "errors.unknownCurrency", cell("currency"));
    const totalMinor = isCurrency(currency) ? toMinorUnits(cell("total"), currency) : null;
    if (isCurrency(currency) && (totalMinor === null || totalMinor < 0)) fail("total", "errors.invalidAmount", cell("total"));
    const refundedText = cell("refunded");
    const refundedMinor = refundedText && isCurrency(currency) ? toMinorUnits(refundedText, currency) : 0;
    if (refundedMinor === null || refundedMinor < 0) fail("refunded", "errors.invalidAmount", refundedText);
    const cancelledText = cell("cancelledAt");
    const cancelledAt = cancelledText ? parseMoment(cancelledText) : null;
    if (cancelledText && !cancelledAt) fail("cancelledAt", "errors.invalidDate", cancelledText);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    seen.add(externalId);
    orders.push({
      line: row.line,
      externalId,
      orderedAt: orderedAt!,
      currency,
      totalMinor: totalMinor!,
      discountCodes: cell("codes")
        .split(/[,;|]/)
        .map((code) => normaliseCode(code))
        .filter(Boolean),
      landingUrl: cell("landing") || null,
      status: cell("status") || "imported",
      refundedMinor: refundedMinor ?? 0,
      cancelledAt,
    });
  }
  return { format, orders, errors, rowCount: table.rows.length, currencies: [...new Set(orders.map((order) => order.currency))].sort() };
}
