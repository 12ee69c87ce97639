import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CampaignFormFieldset, CampaignFormSchema } from "~/features/spend";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { useServerForm } from "~/components/use-server-form";
import { saveCampaign, productChoices } from "~/features/spend/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "campaigns:write");
  const [products, settings] = await Promise.all([productChoices(), getSettings()]);
  return json({ products, currency: settings.reportingCurrency });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "campaigns:write");
  return handleForm(await request.formData(), CampaignFormSchema, async (input) => {
    const campaign = await saveCampaign(user.id, null, input);
    return redirectWithToast(`/campaigns/${campaign.id}`, {
      kind: "success",
      message: "campaigns.created",
      values: { name: campaign.name },
    });
  });
}

export default function NewCampaign() {
  const { t } = useTranslation();
  const { products, currency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("campaign", { lastResult: actionData?.result, defaultValue: { currency } });
  return (
    <>
      <PageHeader title={t("campaigns.new")} />
      <section className="card">
        <ConformForm form={form}>
          <CampaignFormFieldset fields={fields} products={products} />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.create")}</SubmitButton>
            <Link to="/campaigns" className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
