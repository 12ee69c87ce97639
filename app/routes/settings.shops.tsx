import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { EmptyState } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { ShopSchema, useOutsidePageStrings } from "~/features/attribution";
import { createShop, listShops } from "~/features/attribution/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { absoluteUrl } from "~/utils/cross-site.server";
import { parseEnv } from "~/utils/env.server";
import { formatNumber } from "~/shared/format";
import { handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:manage");
  const shops = await listShops();
  return json({
    // Whether a secret is set, never the secret.
    shops: shops.map(({ webhookSecretSealed, _count, ...shop }) => ({
      ...shop,
      hasSecret: webhookSecretSealed !== null,
      orders: _count.orders,
    })),
    webhookUrl: absoluteUrl("/webhooks/shopify", parseEnv().APP_URL, request.url) ?? "/webhooks/shopify",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "settings:manage");
  return handleForm(await request.formData(), ShopSchema, async (value) => {
    await createShop(user.id, value);
    return redirectWithToast("/settings/shops", { kind: "success", message: "pageToasts.shopCreated" });
  });
}

export default function ShopsPage() {
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { shops, webhookUrl } = useLoaderData<typeof loader>();
  const formId = "new-shop";
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("shop", { id: formId, lastResult: useFormResult(formId), defaultValue: { platform: "shopify" } });
  return (
    <div className="stack">
      <section className="card" aria-labelledby="shops-title">
        <h2 id="shops-title">{t("shops.title")}</h2>
        <p>{t("shops.intro")}</p>
        <p>
          {t("shops.webhookUrl")} <code className="log-address">{webhookUrl}</code>
        </p>
        <p className="hint">{t("shops.webhookHint")}</p>
        {shops.length === 0 ? (
          <EmptyState>{t("shops.none")}</EmptyState>
        ) : (
          <ul className="plain-list">
            {shops.map((shop) => (
              <li key={shop.id}>
                <span>
                  <strong>{shop.name}</strong> · {shop.domain} · {t(`shops.platforms.${shop.platform}`)}
                  {shop.hasSecret ? "" : ` · ${t("shops.noSecret")}`}
                </span>
                <span className="hint">{t("shops.orderCount", { count: shop.orders, n: formatNumber(i18n.language, shop.orders) })}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/orders">{t("orders.title")}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="new-shop-title">
        <h2 id="new-shop-title">{t("shops.new")}</h2>
        <ConformForm form={form}>
          <input type="hidden" name="formId" value={formId} />
          <div className="form-grid">
            <SelectField
              field={fields.platform}
              label={t("shops.platform")}
              options={(["shopify", "woocommerce", "other"] as const).map((value) => ({ value, label: t(`shops.platforms.${value}`) }))}
            />
            <TextField field={fields.name} label={t("shops.name")} autoComplete="off" />
            <TextField field={fields.domain} label={t("shops.domain")} hint={t("shops.domainHint")} autoComplete="off" />
            <TextField
              field={fields.webhookSecret}
              type="password"
              label={t("shops.secret")}
              hint={t("shops.secretHint")}
              autoComplete="new-password"
            />
          </div>
          <SubmitButton busy={busy}>{t("shops.create")}</SubmitButton>
        </ConformForm>
      </section>
    </div>
  );
}
