import { useTranslation } from "react-i18next";
import { lawfulBases, partnerKinds, partnerStages } from "../partner-terms";
import { SelectField, TextAreaField, TextField, type FieldRef } from "~/components/form-fields";

export interface PartnerFormFields {
  name: FieldRef;
  kind: FieldRef;
  email: FieldRef;
  website: FieldRef;
  country: FieldRef;
  language: FieldRef;
  stage: FieldRef;
  ownerId: FieldRef;
  tags: FieldRef;
  notes: FieldRef;
  riskNotes: FieldRef;
  lawfulBasis: FieldRef;
  dataSource: FieldRef;
}

/** The fields of a partner, shared by the create and edit pages. */
export function PartnerFormFieldset({ fields, owners }: { fields: PartnerFormFields; owners: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <TextField field={fields.name} label={t("columns.name")} autoComplete="off" />
      <SelectField
        field={fields.kind}
        label={t("partners.kind")}
        options={partnerKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <SelectField
        field={fields.stage}
        label={t("partners.stage")}
        options={partnerStages.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
      />
      <SelectField
        field={fields.ownerId}
        label={t("partners.owner")}
        options={[{ value: "", label: t("partners.noOwner") }, ...owners.map((owner) => ({ value: owner.id, label: owner.name }))]}
      />
      <TextField field={fields.email} label={t("columns.email")} type="email" autoComplete="off" />
      <TextField field={fields.website} label={t("partners.website")} type="url" autoComplete="off" />
      <TextField field={fields.country} label={t("partners.country")} hint={t("partners.countryHint")} autoComplete="off" />
      <TextField field={fields.language} label={t("partners.language")} hint={t("partners.languageHint")} autoComplete="off" />
      <TextField field={fields.tags} label={t("partners.tags")} hint={t("partners.tagsHint")} autoComplete="off" />
      <TextAreaField field={fields.notes} label={t("partners.notes")} />
      <TextAreaField field={fields.riskNotes} label={t("partners.riskNotes")} hint={t("partners.riskNotesHint")} />
      <SelectField
        field={fields.lawfulBasis}
        label={t("privacy.lawfulBasis")}
        hint={t("privacy.lawfulBasisHint")}
        options={lawfulBases.map((basis) => ({ value: basis, label: t(`privacy.bases.${basis}`) }))}
      />
      <TextField field={fields.dataSource} label={t("privacy.dataSource")} hint={t("privacy.dataSourceHint")} autoComplete="off" />
    </div>
  );
}
