import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportErrors, UploadState } from "~/components/import-file";
import { EmptyState, PageHeader } from "~/components/page";
import { parseCsv } from "~/shared/csv";
import { genericOrderColumns, planOrderImport, useOutsidePageStrings } from "~/features/attribution";
import { RecordIdSchema } from "~/shared/rules";
import { importOrders, listShops } from "~/features/attribution/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { ConfirmImportSchema, isUpload, readCsvUploadWithFields } from "~/utils/upload.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "campaigns:write");
  return json({ shops: (await listShops()).map((shop) => ({ id: shop.id, name: shop.name })) });
}

/** Upload → preview (nothing written) → confirm (the same text, each order through the webhook's path). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "campaigns:write");
  if (isUpload(request)) {
    const { text, fields } = await readCsvUploadWithFields(request);
    if (typeof text !== "string") return json({ error: text.error, preview: null, csv: null, shopId: null }, { status: text.status });
    const shopId = RecordIdSchema.safeParse(fields?.get("shopId"));
    const shops = await listShops();
    if (!shopId.success || !shops.some((shop) => shop.id === shopId.data))
      return json({ error: "orderImport.chooseShop", preview: null, csv: null, shopId: null }, { status: 400 });
    const plan = planOrderImport(parseCsv(text));
    const summary = await importOrders(user.id, shopId.data, plan, true);
    return json({
      error: null,
      csv: text,
      shopId: shopId.data,
      preview: { ...summary, format: plan.format, errors: plan.errors.slice(0, 500) },
    });
  }
  const formData = await request.formData();
  const confirmed = ConfirmImportSchema.safeParse({ csv: formData.get("csv") });
  const shopId = RecordIdSchema.safeParse(formData.get("shopId"));
  if (!confirmed.success || !shopId.success)
    return json({ error: "import.missingFile", preview: null, csv: null, shopId: null }, { status: 400 });
  if (!(await listShops()).some((shop) => shop.id === shopId.data))
    return json({ error: "orderImport.chooseShop", preview: null, csv: null, shopId: null }, { status: 400 });
  const summary = await importOrders(user.id, shopId.data, planOrderImport(parseCsv(confirmed.data.csv)), false);
  return redirectWithToast("/orders", {
    kind: "success",
    message: "pageToasts.ordersImported",
    values: { orders: String(summary.orders), attributed: String(summary.attributed) },
  });
}

export default function ImportOrdersPage() {
  useOutsidePageStrings();
  const { t } = useTranslation();
  const { shops } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const preview = data?.preview;
  return (
    <>
      <PageHeader title={t("orderImport.title")}>
        <Link to="/orders" className="button button-quiet">
          {t("common.cancel")}
        </Link>
      </PageHeader>
      <section className="card" aria-labelledby="order-import-intro">
        <h2 id="order-import-intro">{t("orderImport.heading")}</h2>
        <p>{t("orderImport.intro")}</p>
        <p className="hint">
          {t("orderImport.generic")} <code>{genericOrderColumns.join(", ")}</code>
        </p>
        {shops.length === 0 ? (
          <EmptyState>
            {t("orderImport.noShop")} <Link to="/settings/shops">{t("shops.title")}</Link>
          </EmptyState>
        ) : (
          <Form method="post" encType="multipart/form-data" className="form-actions">
            <div className="field">
              <label htmlFor="order-shop">{t("orderImport.shop")}</label>
              <select id="order-shop" name="shopId" required defaultValue={data?.shopId ?? shops[0].id}>
                {shops.map((shop) => (
                  <option key={shop.id} value={shop.id}>
                    {shop.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="order-file">{t("import.file")}</label>
              <input id="order-file" name="file" type="file" accept=".csv,text/csv" required />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("import.preview")}
            </button>
          </Form>
        )}
        <UploadState error={data?.error ?? null} busy={busy} />
      </section>
      {preview && data?.csv ? (
        <section className="card" aria-labelledby="order-preview-title">
          <h2 id="order-preview-title">{t("import.preview")}</h2>
          <p role="status" data-testid="order-preview">
            {t("orderImport.summary", {
              format: t(`orderImport.formats.${preview.format}`),
              rows: String(preview.rowCount),
              orders: String(preview.orders),
              already: String(preview.alreadyThere),
              rejected: String(preview.rejected),
            })}
          </p>
          {preview.currenciesWithoutRate.length ? (
            <p className="notice">{t("orderImport.noRate", { currencies: preview.currenciesWithoutRate.join(", ") })}</p>
          ) : null}
          <ImportErrors errors={preview.errors} />
          <Form method="post">
            <input type="hidden" name="csv" value={data.csv} />
            <input type="hidden" name="shopId" value={data.shopId ?? ""} />
            <button type="submit" className="button" disabled={busy || preview.orders === 0}>
              {t("orderImport.confirm", { count: preview.orders })}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
