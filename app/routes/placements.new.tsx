import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { OverBudgetNotice } from "~/components/money";
import { campaignOptions } from "~/components/filter-select";
import { PageHeader } from "~/components/page";
import { PartnerSearch, StageBadge } from "~/features/partners";
import { useServerForm } from "~/components/use-server-form";
import { PlacementFormSchema } from "~/features/spend";
import { campaignChoices, proposePlacement } from "~/features/spend/index.server";
import { partnersByIds, searchPartnerChoices } from "~/features/partners/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "placements:write");
  const params = new URL(request.url).searchParams;
  const partnerId = params.get("partnerId") ?? "";
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const [[partner], found, campaigns, settings] = await Promise.all([
    partnersByIds(partnerId ? [partnerId] : []),
    searchPartnerChoices(q),
    campaignChoices(),
    getSettings(),
  ]);
  return json({
    partner: partner ?? null,
    found,
    q,
    campaigns,
    currency: settings.reportingCurrency,
    campaignId: params.get("campaignId") ?? "",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placements:write");
  return handleForm(await request.formData(), PlacementFormSchema, async (input) => {
    const placement = await proposePlacement(user.id, input);
    return redirectWithToast(`/placements/${placement.id}`, { kind: "success", message: "placements.proposed" });
  });
}

export default function NewPlacement() {
  const { t, i18n } = useTranslation();
  const { partner, found, q, campaigns, currency, campaignId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("placement", {
    lastResult: actionData?.result,
    defaultValue: { partnerId: partner?.id ?? "", currency, campaignId, agreedOn: new Date().toISOString().slice(0, 10) },
  });
  return (
    <>
      <PageHeader title={t("placements.new")} />
      {!partner ? (
        <section className="card" aria-labelledby="choose-partner">
          <h2 id="choose-partner">{t("placements.choosePartner")}</h2>
          <PartnerSearch
            q={q}
            found={found}
            keep={campaignId ? [["campaignId", campaignId]] : []}
            pickLabel={(name) => t("placements.choose", { name })}
          />
        </section>
      ) : (
        <section className="card">
          <ConformForm form={form}>
            {actionData?.overBudget ? <OverBudgetNotice check={actionData.overBudget} /> : null}
            <p>
              {t("common.partner")}: <strong>{partner.name}</strong> <StageBadge stage={partner.stage} />{" "}
              <Link to={campaignId ? `/placements/new?campaignId=${campaignId}` : "/placements/new"}>{t("placements.changePartner")}</Link>
            </p>
            <input type="hidden" name="partnerId" value={partner.id} />
            <div className="form-grid">
              <TextField field={fields.title} label={t("placements.placementTitle")} />
              <SelectField
                field={fields.campaignId}
                label={t("campaigns.campaign")}
                options={[{ value: "", label: t("campaigns.none") }, ...campaignOptions(campaigns, t, i18n.language)]}
              />
              <TextField field={fields.fee} label={t("placements.fee")} inputMode="decimal" />
              <TextField field={fields.currency} label={t("money.currency")} hint={t("money.currencyHint")} />
              <TextField field={fields.agreedOn} label={t("placements.agreedOn")} type="date" />
              <TextField field={fields.contractRef} label={t("placements.contractRef")} />
              <TextField field={fields.deliverable} label={t("placements.firstDeliverable")} />
              <TextField field={fields.deliverableDueOn} label={t("placements.dueOn")} type="date" />
            </div>
            <TextAreaField field={fields.usageRights} label={t("placements.usageRights")} rows={2} />
            <div className="form-actions">
              <SubmitButton busy={navigation.state !== "idle"}>{t("placements.propose")}</SubmitButton>
              <Link to="/placements" className="button button-quiet">
                {t("common.cancel")}
              </Link>
            </div>
          </ConformForm>
        </section>
      )}
    </>
  );
}
