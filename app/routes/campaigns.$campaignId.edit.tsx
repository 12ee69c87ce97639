import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CampaignFormFieldset, CampaignFormSchema } from "~/features/spend";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { useServerForm } from "~/components/use-server-form";
import { fromMinorUnits } from "~/shared/money";
import { getCampaign, saveCampaign, productChoices } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "campaigns:write");
  const [campaign, products] = await Promise.all([getCampaign(params.campaignId!), productChoices()]);
  if (!campaign) notFound();
  return json({ campaign, products });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "campaigns:write");
  return handleForm(await request.formData(), CampaignFormSchema, async (input) => {
    const campaign = await saveCampaign(user.id, params.campaignId!, input);
    return redirectWithToast(`/campaigns/${campaign.id}`, { kind: "success", message: "common.saved" });
  });
}

export default function EditCampaign() {
  const { t } = useTranslation();
  const { campaign, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("campaign", {
    lastResult: actionData?.result,
    defaultValue: {
      name: campaign.name,
      brief: campaign.brief ?? "",
      startsOn: campaign.startsOn?.slice(0, 10) ?? "",
      endsOn: campaign.endsOn?.slice(0, 10) ?? "",
      budget: campaign.budgetMinor === null ? "" : fromMinorUnits(campaign.budgetMinor, campaign.currency),
      currency: campaign.currency,
      // Conform takes list defaults as arrays; the schema's preprocess hides that from the input type.
      jurisdictions: campaign.jurisdictions as never,
      keywords: campaign.keywords.join("\n") as never,
      productIds: campaign.products.map((p) => p.id) as never,
    },
  });
  return (
    <>
      <PageHeader title={t("campaigns.edit", { name: campaign.name })} />
      <section className="card">
        <ConformForm form={form}>
          <CampaignFormFieldset fields={fields} products={products} />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
            <Link to={`/campaigns/${campaign.id}`} className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
