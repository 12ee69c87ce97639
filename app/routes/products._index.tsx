import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArchivableListQuerySchema } from "~/shared/rules";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { Money } from "~/components/money";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { ProductFormFieldset, ProductFormSchema } from "~/features/spend";
import { useServerForm } from "~/components/use-server-form";
import { listProducts, saveProduct } from "~/features/spend/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "gifts:read");
  const query = ArchivableListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, settings] = await Promise.all([listProducts(query), getSettings()]);
  return json({ ...list, archived: query.archived, currency: settings.reportingCurrency, canWrite: can(user.role, "campaigns:write") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "campaigns:write");
  return handleForm(await request.formData(), ProductFormSchema, async (input) => {
    const product = await saveProduct(user.id, null, input);
    return redirectWithToast("/products", { kind: "success", message: "products.created", values: { name: product.name } });
  });
}

export default function Products() {
  const { t } = useTranslation();
  const { rows, total, page, pageSize, archived, currency, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("product", { lastResult: actionData?.result, defaultValue: { currency } });
  return (
    <>
      <PageHeader title={t("products.title")}>
        <Link to={archived ? "/products" : "/products?archived=1"} className="button button-quiet">
          {archived ? t("products.showCurrent") : t("products.showArchived")}
        </Link>
      </PageHeader>
      {rows.length ? (
        <section className="card">
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("products.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("products.name")}</th>
                  <th scope="col">{t("products.sku")}</th>
                  <th scope="col" className="numeric">
                    {t("products.unitCost")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("products.retailPrice")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>{canWrite ? <Link to={`/products/${p.id}`}>{p.name}</Link> : p.name}</td>
                    <td>{p.sku ?? "—"}</td>
                    <td className="numeric">
                      <Money minor={p.unitCostMinor} currency={p.currency} />
                    </td>
                    <td className="numeric">{p.retailMinor !== null ? <Money minor={p.retailMinor} currency={p.currency} /> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("products.emptyTitle")}>{t("products.empty")}</EmptyState>
      )}
      {canWrite && !archived ? (
        <section className="card" aria-labelledby="new-product">
          <h2 id="new-product">{t("products.new")}</h2>
          <ConformForm form={form}>
            <ProductFormFieldset fields={fields} />
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.create")}</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </>
  );
}
