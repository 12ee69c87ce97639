import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { CoverageFields, EditCoverageSchema, overrideChoice } from "~/features/compliance";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { useServerForm } from "~/components/use-server-form";
import { isoDay } from "~/shared/days";
import { campaignChoices } from "~/features/spend/index.server";
import { coverageChoices, getCoverage, updateCoverage } from "~/features/compliance/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:write");
  const item = await getCoverage(params.coverageId!);
  if (!item) notFound();
  const [choices, campaigns, settings] = await Promise.all([coverageChoices(item.partnerId), campaignChoices(), getSettings()]);
  return json({
    item: {
      id: item.id,
      partner: item.partner,
      url: item.url,
      platform: item.platform,
      publishedOn: isoDay(item.publishedOn),
      title: item.title ?? "",
      text: item.text,
      channelId: item.channelId ?? "",
      campaignId: item.campaignId ?? "",
      jurisdiction: item.jurisdiction ?? "",
      paidOverride: overrideChoice(item.paidOverride),
      giftedOverride: overrideChoice(item.giftedOverride),
      affiliateOverride: overrideChoice(item.affiliateOverride),
      overrideReason: item.overrideReason ?? "",
      platformLabel: item.platformLabel ? "on" : "",
      imagesRetouched: item.imagesRetouched ? "on" : "",
      imagesVirtual: item.imagesVirtual ? "on" : "",
    },
    linked: { giftIds: item.gifts.map((g) => g.gift.id), placementIds: item.placements.map((p) => p.placement.id) },
    choices: { ...choices, campaigns },
    defaultJurisdiction: settings.defaultJurisdiction,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coverage:write");
  const id = params.coverageId!;
  return handleForm(await request.formData(), EditCoverageSchema, async (input) => {
    const { checks } = await updateCoverage(user.id, id, input);
    const changed = checks.some((c) => c.changed);
    return redirectWithToast(`/coverage/${id}`, { kind: "success", message: changed ? "coverage.savedRechecked" : "common.saved" });
  });
}

export default function EditCoverage() {
  const { t } = useTranslation();
  const { item, linked, choices, defaultJurisdiction } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { id: _id, partner, ...defaultValue } = item;
  const [form, fields] = useServerForm("editCoverage", { lastResult: actionData?.result, defaultValue });
  return (
    <>
      <PageHeader title={t("coverage.edit")} />
      <section className="card">
        <p>
          {t("common.partner")}: <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
        </p>
        <ConformForm form={form}>
          <CoverageFields fields={fields} choices={choices} linked={linked} defaultJurisdiction={defaultJurisdiction} />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
            <Link to={`/coverage/${item.id}`} className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
