/** Shop orders and promo codes: payloads, signatures, codes and attribution rules. */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { toMinorUnits } from "~/shared/money";
import { RuleViolation } from "~/shared/violations";
import { checkboxField, DaySchema, optionalField, optionalText, requiredText } from "~/shared/rules";
import { LINK_CODE_PATTERN } from "./tracked-links";

/** Shops compare discount codes without regard to case. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

export const PromoCodeSchema = z
  .object({
    code: requiredText(64)
      .transform(normaliseCode)
      .refine((value) => /^[A-Z0-9][A-Z0-9_-]{2,63}$/.test(value), "promoCodes.format"),
    campaignId: optionalText(64),
    validFrom: optionalField(DaySchema),
    validTo: optionalField(DaySchema),
    /** Said on purpose: this code is also another partner's. */
    shared: checkboxField,
  })
  .refine((value) => !value.validFrom || !value.validTo || value.validFrom <= value.validTo, {
    path: ["validTo"],
    message: "errors.endBeforeStart",
  });
export type PromoCodeInput = z.output<typeof PromoCodeSchema>;

export const ShopSchema = z.object({
  platform: z.enum(["shopify", "woocommerce", "other"], { error: "errors.invalidChoice" }),
  name: requiredText(120),
  domain: requiredText(253)
    .transform((value) =>
      value
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/\/.*$/, ""),
    )
    .refine((value) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(value), "shops.domainFormat"),
  webhookSecret: optionalText(200),
});
export type ShopInput = z.output<typeof ShopSchema>;

/**
 * Shopify signs a webhook with HMAC-SHA256 of the raw body under the app's secret, base64 in
 * X-Shopify-Hmac-Sha256. Compared in constant time; a missing or malformed header fails.
 */
export function shopifySignatureValid(rawBody: Uint8Array, header: string | null, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  let given: Buffer;
  try {
    given = Buffer.from(header, "base64");
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const money = z.union([z.string(), z.number()]).transform((value) => String(value));
const id = z.union([z.string().min(1).max(64), z.number().int()]).transform((value) => String(value));

const RefundSchema = z.object({
  id,
  created_at: z.string(),
  transactions: z.array(z.object({ amount: money, kind: z.string().optional(), status: z.string().optional() })).default([]),
});

/** The fields of Shopify's order payload (orders/create, orders/updated) that attribution needs. */
export const ShopifyOrderSchema = z.object({
  id,
  created_at: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  total_price: money,
  discount_codes: z.array(z.object({ code: z.string().max(100) })).default([]),
  landing_site: z.string().max(4000).nullish(),
  financial_status: z.string().max(40).nullish(),
  cancelled_at: z.string().nullish(),
  refunds: z.array(RefundSchema).default([]),
});
export type ShopifyOrder = z.output<typeof ShopifyOrderSchema>;

/** refunds/create: the refund with its order. */
export const ShopifyRefundSchema = RefundSchema.extend({ order_id: id });
export type ShopifyRefund = z.output<typeof ShopifyRefundSchema>;

/** A refund's amount in minor units: its successful refund transactions added up. */
export function refundMinor(refund: z.output<typeof RefundSchema>, currency: string): number | null {
  let total = 0;
  for (const transaction of refund.transactions) {
    if (transaction.kind && transaction.kind !== "refund") continue;
    if (transaction.status && transaction.status !== "success") continue;
    const minor = toMinorUnits(transaction.amount, currency);
    if (minor === null) return null;
    total += minor;
  }
  return total;
}

/** The tracked link an order's landing address came through: its utm_content, when it is a link code. */
export function linkCodeOfLanding(landing: string | null | undefined): string | null {
  if (!landing) return null;
  try {
    const code = new URL(landing, "https://shop.invalid").searchParams.get("utm_content");
    return code && LINK_CODE_PATTERN.test(code) ? code : null;
  } catch {
    return null;
  }
}

export const shopifyTopics = ["orders/create", "orders/updated", "refunds/create"] as const;
export type ShopifyTopic = (typeof shopifyTopics)[number];

/** An order as every door hands it to the model: the webhook's payload or a file's row. */
export interface IncomingOrder {
  externalId: string;
  orderedAt: Date;
  currency: string;
  totalMinor: number;
  discountCodes: string[];
  landingUrl: string | null;
  status: string;
  refunds: { id: string; day: Date; amountMinor: number }[];
  cancelledAt: Date | null;
}

/** Shopify's payload as an incoming order; a total or date that cannot be read is refused. */
export function fromShopifyOrder(payload: ShopifyOrder): IncomingOrder {
  const totalMinor = toMinorUnits(payload.total_price, payload.currency);
  if (totalMinor === null || totalMinor < 0) throw new RuleViolation("orders.badTotal", 422, undefined, { total: payload.total_price });
  const orderedAt = new Date(payload.created_at);
  if (Number.isNaN(orderedAt.getTime()))
    throw new RuleViolation("orders.badDate", 422, undefined, { date: payload.created_at.slice(0, 40) });
  const refunds = payload.refunds.flatMap((refund) => {
    const amountMinor = refundMinor(refund, payload.currency);
    const day = new Date(refund.created_at);
    return amountMinor && amountMinor > 0 && !Number.isNaN(day.getTime()) ? [{ id: refund.id, day, amountMinor }] : [];
  });
  const cancelledAt = payload.cancelled_at ? new Date(payload.cancelled_at) : null;
  return {
    externalId: payload.id,
    orderedAt,
    currency: payload.currency,
    totalMinor,
    discountCodes: payload.discount_codes.map((d) => normaliseCode(d.code)).filter(Boolean),
    landingUrl: payload.landing_site ?? null,
    status: payload.financial_status ?? "pending",
    refunds,
    cancelledAt: cancelledAt && !Number.isNaN(cancelledAt.getTime()) ? cancelledAt : null,
  };
}
