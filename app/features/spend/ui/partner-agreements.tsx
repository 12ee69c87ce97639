import { useNavigation } from "@remix-run/react";
import { FormDisclosure } from "~/components/form-disclosure";
import { useTranslation } from "react-i18next";
import { agreementLanguages } from "../agreement-terms";
import { partnerIntentAction } from "~/features/partners";
import { formatDay } from "~/shared/format";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { EmptyState } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";

interface AgreementRow {
  id: string;
  year: number;
  language: string;
  campaignId: string | null;
  createdAt: string;
  signedAt: string | null;
  signerName: string | null;
  withdrawnAt: string | null;
}

export function agreementState(agreement: Pick<AgreementRow, "signedAt" | "withdrawnAt">): "signed" | "withdrawn" | "draft" {
  return agreement.withdrawnAt ? "withdrawn" : agreement.signedAt ? "signed" : "draft";
}

/** The partner's written agreements (made from a template, signed in the portal), and making a new one. */
export function PartnerAgreements({ agreements, campaigns }: { agreements: AgreementRow[]; campaigns: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().formData?.get("formId") === "agreement";
  const [form, fields] = useServerForm("agreementCreate", {
    id: "agreement",
    lastResult: useFormResult("agreement"),
    defaultValue: { year: String(new Date().getUTCFullYear()), language: i18n.language === "fr" ? "fr" : "en" },
  });
  const campaignName = (id: string | null) => campaigns.find((c) => c.id === id)?.name ?? t("agreements.noCampaign");
  return (
    <section className="card" aria-labelledby="agreements-title">
      <h2 id="agreements-title">{t("agreements.listTitle")}</h2>
      {agreements.length === 0 ? (
        <EmptyState>{t("agreements.none")}</EmptyState>
      ) : (
        <ul className="plain-list">
          {agreements.map((agreement) => {
            const state = agreementState(agreement);
            return (
              <li key={agreement.id}>
                <span className="min-w-0">
                  <strong>{agreement.year}</strong> · {campaignName(agreement.campaignId)} ·{" "}
                  {t(`agreements.languages.${agreement.language as "fr"}`)}
                  <span className="hint block">
                    {agreement.signedAt
                      ? t("agreements.signedBy", { name: agreement.signerName ?? "", date: formatDay(i18n.language, agreement.signedAt) })
                      : t("agreements.madeOn", { date: formatDay(i18n.language, agreement.createdAt) })}
                  </span>
                </span>
                <span className="flex gap-2 items-center">
                  <span className={`badge ${state === "signed" ? "badge-ok" : "badge-muted"}`}>{t(`agreements.status.${state}`)}</span>
                  <a href={`/agreements/${agreement.id}/pdf`} className="button button-quiet button-small" download>
                    {t("agreements.download")}
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <FormDisclosure formId="agreement" summary={t("agreements.create")}>
        <p className="hint">{t("agreements.createIntro")}</p>
        <ConformForm form={form} action={partnerIntentAction("createAgreement")}>
          <input type="hidden" name="formId" value="agreement" />
          <div className="form-grid">
            <TextField field={fields.year} label={t("agreements.year")} inputMode="numeric" />
            <SelectField
              field={fields.campaignId}
              label={t("agreements.campaign")}
              options={[{ value: "", label: t("agreements.noCampaign") }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
            />
            <SelectField
              field={fields.language}
              label={t("agreements.language")}
              options={agreementLanguages.map((language) => ({ value: language, label: t(`agreements.languages.${language}`) }))}
            />
          </div>
          <TextAreaField field={fields.usageRights} label={t("agreements.usageRights")} hint={t("agreements.usageRightsHint")} rows={2} />
          <SubmitButton busy={busy}>{t("agreements.create")}</SubmitButton>
        </ConformForm>
      </FormDisclosure>
    </section>
  );
}
