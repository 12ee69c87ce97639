import { json, type ActionFunctionArgs } from "@remix-run/node";
import { shopifySignatureValid, ShopifyOrderSchema, ShopifyRefundSchema, shopifyTopics, type ShopifyTopic } from "~/features/attribution";
import { isRuleViolation } from "~/shared/violations";
import { recordShopifyOrder, recordShopifyRefund, shopByDomain } from "~/features/attribution/index.server";
import { openSecret } from "~/utils/secret-box.server";

/** Nothing to read here: only the shop posts. */
export function loader() {
  return json({ error: "webhooks.postOnly" }, { status: 405, headers: { Allow: "POST" } });
}

/**
 * Shopify's orders/create, orders/updated and refunds/create. The shop is known by its domain and
 * its secret; a request without a valid HMAC-SHA256 of its raw body gets a 401 and writes nothing.
 * A replay of the same order or refund changes nothing (ADR 0015).
 */
export async function action({ request }: ActionFunctionArgs) {
  const shop = await shopByDomain(request.headers.get("x-shopify-shop-domain") ?? "");
  if (!shop?.webhookSecretSealed || shop.platform !== "shopify") return json({ error: "webhooks.unknownShop" }, { status: 401 });
  // The signature covers the raw bytes: they are read once, checked, and only then parsed.
  const raw = new Uint8Array(await request.arrayBuffer());
  if (!shopifySignatureValid(raw, request.headers.get("x-shopify-hmac-sha256"), openSecret(shop.webhookSecretSealed)))
    return json({ error: "webhooks.badSignature" }, { status: 401 });
  const topic = request.headers.get("x-shopify-topic") ?? "";
  if (!(shopifyTopics as readonly string[]).includes(topic)) return json({ ignored: topic.slice(0, 60) }, { status: 202 });
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw).toString("utf8"));
  } catch {
    return json({ error: "webhooks.notJson" }, { status: 400 });
  }
  try {
    if ((topic as ShopifyTopic) === "refunds/create") {
      const refund = ShopifyRefundSchema.safeParse(body);
      if (!refund.success) return json({ error: "webhooks.badPayload", issues: refund.error.issues.slice(0, 5) }, { status: 422 });
      return json(await recordShopifyRefund(shop.id, refund.data));
    }
    const order = ShopifyOrderSchema.safeParse(body);
    if (!order.success) return json({ error: "webhooks.badPayload", issues: order.error.issues.slice(0, 5) }, { status: 422 });
    return json(await recordShopifyOrder(shop.id, order.data));
  } catch (error) {
    if (isRuleViolation(error)) return json({ error: error.formMessage() }, { status: error.status });
    throw error;
  }
}
