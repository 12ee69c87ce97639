import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { CoverageFields, MetricFields, CoverageFormSchema } from "~/features/compliance";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { PartnerSearch, StageBadge } from "~/features/partners";
import { useServerForm } from "~/components/use-server-form";
import { isoDay } from "~/shared/days";
import { IdFilterSchema } from "~/shared/rules";
import { campaignChoices } from "~/features/spend/index.server";
import { coverageChoices, createCoverage } from "~/features/compliance/index.server";
import { partnersByIds, searchPartnerChoices } from "~/features/partners/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:write");
  const params = new URL(request.url).searchParams;
  const partnerId = IdFilterSchema.parse(params.get("partnerId") ?? undefined);
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const [[partner], found, campaigns, settings] = await Promise.all([
    partnersByIds(partnerId ? [partnerId] : []),
    partnerId ? Promise.resolve([]) : searchPartnerChoices(q),
    campaignChoices(),
    getSettings(),
  ]);
  const choices = partner ? await coverageChoices(partner.id) : { channels: [], gifts: [], placements: [] };
  return json({
    partner: partner ?? null,
    found,
    q,
    choices: { ...choices, campaigns },
    defaultJurisdiction: settings.defaultJurisdiction,
    defaults: { campaignId: params.get("campaignId") ?? "", giftIds: params.getAll("giftId"), placementIds: params.getAll("placementId") },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coverage:write");
  return handleForm(await request.formData(), CoverageFormSchema, async (input) => {
    const { item, checks } = await createCoverage(user.id, input);
    const failing = checks.some((c) => c.result.verdict === "missing" || c.result.verdict === "insufficient");
    return redirectWithToast(
      `/coverage/${item.id}`,
      failing ? { kind: "info", message: "coverage.createdNeedsReview" } : { kind: "success", message: "coverage.created" },
    );
  });
}

export default function NewCoverage() {
  const { t } = useTranslation();
  const { partner, found, q, choices, defaultJurisdiction, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("coverage", {
    lastResult: actionData?.result,
    defaultValue: {
      partnerId: partner?.id,
      publishedOn: isoDay(new Date()),
      platform: choices.channels[0]?.platform ?? "instagram",
      campaignId: defaults.campaignId,
      paidOverride: "auto",
      giftedOverride: "auto",
      affiliateOverride: "auto",
    },
  });
  return (
    <>
      <PageHeader title={t("coverage.new")} />
      {partner ? (
        <section className="card">
          <p>
            {t("common.partner")}: <Link to={`/partners/${partner.id}`}>{partner.name}</Link> <StageBadge stage={partner.stage} />{" "}
            <Link to="/coverage/new">{t("coverage.otherPartner")}</Link>
          </p>
          <ConformForm form={form}>
            <input type="hidden" name="partnerId" value={partner.id} />
            <CoverageFields fields={fields} choices={choices} linked={defaults} defaultJurisdiction={defaultJurisdiction} />
            <MetricFields fields={fields} />
            <div className="form-actions">
              <SubmitButton busy={navigation.state !== "idle"}>{t("coverage.save")}</SubmitButton>
              <Link to="/coverage" className="button button-quiet">
                {t("common.cancel")}
              </Link>
            </div>
          </ConformForm>
        </section>
      ) : (
        <section className="card" aria-labelledby="partner-title">
          <h2 id="partner-title">{t("coverage.whichPartner")}</h2>
          <PartnerSearch
            q={q}
            found={found}
            keep={defaults.campaignId ? [["campaignId", defaults.campaignId]] : []}
            pickLabel={(name) => t("coverage.pickPartner", { name })}
          />
        </section>
      )}
    </>
  );
}
