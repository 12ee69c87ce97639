import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { partnerIntentAction, platforms } from "../partner-terms";
import { type ChannelInput } from "../partners";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";

type ChannelDefaults = Partial<Record<keyof ChannelInput, string>>;

/** Adds a channel, or records new numbers for one (history is kept either way). */
export function ChannelForm({
  formId,
  intent,
  channelId,
  defaults,
  submitLabel,
}: {
  formId: string;
  intent: "addChannel" | "measure";
  channelId?: string;
  defaults?: ChannelDefaults;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("channel", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: { platform: "instagram", ...defaults } as never,
  });
  return (
    <ConformForm form={form} action={partnerIntentAction(intent)}>
      <input type="hidden" name="formId" value={formId} />
      {channelId ? <input type="hidden" name="channelId" value={channelId} /> : null}
      <div className="form-grid">
        <SelectField
          field={fields.platform}
          label={t("channels.platform")}
          options={platforms.map((p) => ({ value: p, label: t(`platforms.${p}`) }))}
        />
        <TextField field={fields.handle} label={t("channels.handle")} autoComplete="off" />
        <TextField field={fields.url} label={t("channels.url")} type="url" autoComplete="off" />
        <TextField field={fields.followers} label={t("channels.followers")} inputMode="numeric" autoComplete="off" />
        <TextField field={fields.engagementRate} label={t("channels.engagementRate")} inputMode="decimal" autoComplete="off" />
        <TextField field={fields.measuredOn} label={t("channels.measuredOn")} type="date" hint={t("channels.measuredOnHint")} />
        <TextField field={fields.countries} label={t("channels.countries")} hint={t("channels.countriesHint")} autoComplete="off" />
        <TextField field={fields.ages} label={t("channels.ages")} hint={t("channels.agesHint")} autoComplete="off" />
        <TextField field={fields.genders} label={t("channels.genders")} hint={t("channels.gendersHint")} autoComplete="off" />
      </div>
      <SubmitButton busy={navigation.formData?.get("formId") === formId}>{submitLabel}</SubmitButton>
    </ConformForm>
  );
}
