import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { ProductFormFieldset, ProductFormSchema } from "~/features/spend";
import { useServerForm } from "~/components/use-server-form";
import { fromMinorUnits } from "~/shared/money";
import { getProduct, saveProduct, setProductArchived } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "campaigns:write");
  const product = await getProduct(params.productId!);
  if (!product) notFound();
  return json({ product });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "campaigns:write");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "archive" || intent === "restore") {
    return answerRuleViolation(async () => {
      await setProductArchived(user.id, params.productId!, intent === "archive");
      return redirectWithToast("/products", { kind: "success", message: intent === "archive" ? "products.archived" : "products.restored" });
    });
  }
  return handleForm(formData, ProductFormSchema, async (input) => {
    await saveProduct(user.id, params.productId!, input);
    return redirectWithToast("/products", { kind: "success", message: "common.saved" });
  });
}

export default function EditProduct() {
  const { t } = useTranslation();
  const { product } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("product", {
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: {
      name: product.name,
      sku: product.sku ?? "",
      unitCost: fromMinorUnits(product.unitCostMinor, product.currency),
      retailPrice: product.retailMinor === null ? "" : fromMinorUnits(product.retailMinor, product.currency),
      currency: product.currency,
    },
  });
  return (
    <>
      <PageHeader title={product.name} />
      <section className="card">
        <ConformForm form={form}>
          <ProductFormFieldset fields={fields} />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
            <Link to="/products" className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
        <Form method="post">
          <button type="submit" name="intent" value={product.archivedAt ? "restore" : "archive"} className="button button-quiet">
            {product.archivedAt ? t("common.restore") : t("common.archive")}
          </button>
        </Form>
      </section>
    </>
  );
}
