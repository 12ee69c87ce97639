import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { useServerForm } from "~/components/use-server-form";
import { useOutsidePageStrings } from "~/features/attribution";
import { fromMinorUnits } from "~/shared/money";
import { WorkspaceSettingsSchema, feedPollChoices, jurisdictions } from "~/features/spend";
import { getSettings, updateSettings, requirePermission } from "~/features/accounts/index.server";
import { everyMinutes, scheduleAtHour, scheduleWork } from "~/utils/job-queue.server";
import { handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:manage");
  return json({ settings: await getSettings() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "settings:manage");
  return handleForm(await request.formData(), WorkspaceSettingsSchema, async (input) => {
    await updateSettings(user.id, input);
    await scheduleAtHour("dailyPurge", input.purgeHourUtc ?? null);
    await scheduleWork("feedReads", everyMinutes(input.feedPollMinutes ?? null));
    await scheduleAtHour("coverageSnapshots", input.snapshotHourUtc ?? null);
    return redirectWithToast("/settings/workspace", { kind: "success", message: "common.saved" });
  });
}

export default function WorkspaceSettings() {
  useOutsidePageStrings();
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const currency = settings.reportingCurrency;
  const [form, fields] = useServerForm("workspaceSettings", {
    lastResult: actionData?.result,
    defaultValue: {
      reportingCurrency: currency,
      giftValuationBasis: settings.giftValuationBasis,
      writtenAgreement: fromMinorUnits(settings.writtenAgreementMinor, currency),
      singleApprovalLimit: settings.singleApprovalLimitMinor === null ? "" : fromMinorUnits(settings.singleApprovalLimitMinor, currency),
      defaultJurisdiction: settings.defaultJurisdiction,
      emvPerMille: fromMinorUnits(settings.emvPerMilleMinor, currency),
      emvPerEngagement: fromMinorUnits(settings.emvPerEngagementMinor, currency),
      emvPerClick: fromMinorUnits(settings.emvPerClickMinor, currency),
      prospectRetentionMonths: String(settings.prospectRetentionMonths),
      brandName: settings.brandName ?? "",
      addressRetentionDays: String(settings.addressRetentionDays),
      purgeHourUtc: settings.purgeHourUtc === null ? "" : String(settings.purgeHourUtc),
      utmSource: settings.utmSource,
      utmMedium: settings.utmMedium,
      utmCampaign: settings.utmCampaign ?? "",
      captureKeywords: settings.captureKeywords.join("\n"),
      feedPollMinutes: settings.feedPollMinutes === null ? "" : String(settings.feedPollMinutes),
      snapshotHourUtc: settings.snapshotHourUtc === null ? "" : String(settings.snapshotHourUtc),
    },
  });
  return (
    <section className="card" aria-labelledby="workspace-title">
      <h2 id="workspace-title">{t("settings.workspace")}</h2>
      <ConformForm form={form}>
        <TextField field={fields.brandName} label={t("portal.brandName")} hint={t("portal.brandNameHint")} autoComplete="organization" />
        <TextField field={fields.reportingCurrency} label={t("workspace.reportingCurrency")} hint={t("workspace.reportingCurrencyHint")} />
        <SelectField
          field={fields.giftValuationBasis}
          label={t("workspace.giftValuationBasis")}
          options={(["cost", "retail"] as const).map((basis) => ({ value: basis, label: t(`money.basis.${basis}`) }))}
        />
        <TextField
          field={fields.writtenAgreement}
          label={t("workspace.writtenAgreement", { currency })}
          hint={t("workspace.writtenAgreementHint")}
          inputMode="decimal"
        />
        <TextField
          field={fields.singleApprovalLimit}
          label={t("workspace.singleApprovalLimit", { currency })}
          hint={t("workspace.singleApprovalLimitHint")}
          inputMode="decimal"
        />
        <SelectField
          field={fields.defaultJurisdiction}
          label={t("workspace.defaultJurisdiction")}
          hint={t("workspace.defaultJurisdictionHint")}
          options={jurisdictions.map((code) => ({ value: code, label: t(`jurisdictions.${code}`) }))}
        />
        <fieldset>
          <legend>{t("costBenefit.emvRates")}</legend>
          <p className="hint">{settings.emvRatesSetAt ? t("costBenefit.emvRatesHint") : t("costBenefit.emvPlaceholderHint")}</p>
          <TextField field={fields.emvPerMille} label={t("costBenefit.emvPerMille", { currency })} inputMode="decimal" />
          <TextField field={fields.emvPerEngagement} label={t("costBenefit.emvPerEngagement", { currency })} inputMode="decimal" />
          <TextField field={fields.emvPerClick} label={t("costBenefit.emvPerClick", { currency })} inputMode="decimal" />
        </fieldset>
        <TextField
          field={fields.addressRetentionDays}
          label={t("privacy.addressRetentionDays")}
          hint={t("privacy.addressRetentionDaysHint")}
          inputMode="numeric"
        />
        <TextField field={fields.purgeHourUtc} label={t("workspace.purgeHour")} hint={t("workspace.purgeHourHint")} inputMode="numeric" />
        <TextField
          field={fields.prospectRetentionMonths}
          label={t("privacy.retentionMonths")}
          hint={t("privacy.retentionMonthsHint")}
          inputMode="numeric"
        />
        <fieldset>
          <legend>{t("workspace.utmDefaults")}</legend>
          <p className="hint">{t("workspace.utmDefaultsHint")}</p>
          <TextField field={fields.utmSource} label="utm_source" autoComplete="off" />
          <TextField field={fields.utmMedium} label="utm_medium" autoComplete="off" />
          <TextField field={fields.utmCampaign} label="utm_campaign" hint={t("workspace.utmCampaignHint")} autoComplete="off" />
        </fieldset>
        <fieldset>
          <legend>{t("captureSettings.legend")}</legend>
          <TextAreaField
            field={fields.captureKeywords}
            label={t("captureSettings.keywords")}
            hint={t("captureSettings.keywordsHint")}
            rows={3}
          />
          <SelectField
            field={fields.feedPollMinutes}
            label={t("captureSettings.feedPoll")}
            options={[
              { value: "", label: t("captureSettings.feedPollOff") },
              ...feedPollChoices.map((minutes) => ({
                value: String(minutes),
                label:
                  minutes < 60
                    ? t("captureSettings.everyMinutes", { count: minutes })
                    : t("captureSettings.everyHours", { count: minutes / 60 }),
              })),
            ]}
          />
          <TextField
            field={fields.snapshotHourUtc}
            label={t("captureSettings.snapshotHour")}
            hint={t("captureSettings.snapshotHourHint")}
            inputMode="numeric"
          />
        </fieldset>
        <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
      </ConformForm>
    </section>
  );
}
