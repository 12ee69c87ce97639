import { useField } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { jurisdictions } from "../spend-terms";
import { FieldErrors, type FieldRef, TextAreaField, TextField } from "~/components/form-fields";

interface CampaignFields {
  name: FieldRef;
  brief: FieldRef;
  startsOn: FieldRef;
  endsOn: FieldRef;
  budget: FieldRef;
  currency: FieldRef;
  jurisdictions: FieldRef;
  keywords: FieldRef;
  productIds: FieldRef;
}

/** A group of checkboxes for a list field (jurisdictions, products). */
function CheckboxGroup({
  field: fieldRef,
  legend,
  options,
}: {
  field: FieldRef;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const [field] = useField<string[]>(fieldRef.name, { formId: fieldRef.formId });
  const chosen = new Set([field.initialValue ?? []].flat().filter((v): v is string => typeof v === "string"));
  return (
    <fieldset className="field" key={field.key}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="field-checkbox">
          <input
            type="checkbox"
            id={`${field.id}-${option.value}`}
            name={field.name}
            value={option.value}
            defaultChecked={chosen.has(option.value)}
          />
          <label htmlFor={`${field.id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function CampaignFormFieldset({
  fields,
  products,
}: {
  fields: CampaignFields;
  products: { id: string; name: string; sku: string | null }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <TextField field={fields.name} label={t("campaigns.name")} />
        <TextField field={fields.startsOn} label={t("campaigns.startsOn")} type="date" />
        <TextField field={fields.endsOn} label={t("campaigns.endsOn")} type="date" />
        <TextField field={fields.budget} label={t("campaigns.budget")} inputMode="decimal" />
        <TextField field={fields.currency} label={t("money.currency")} hint={t("money.currencyHint")} />
      </div>
      <TextAreaField field={fields.brief} label={t("campaigns.brief")} rows={5} />
      <TextAreaField field={fields.keywords} label={t("campaigns.keywords")} hint={t("campaigns.keywordsHint")} rows={2} />
      <CheckboxGroup
        field={fields.jurisdictions}
        legend={t("campaigns.jurisdictions")}
        options={jurisdictions.map((j) => ({ value: j, label: t(`jurisdictions.${j}`) }))}
      />
      {products.length ? (
        <CheckboxGroup
          field={fields.productIds}
          legend={t("campaigns.products")}
          options={products.map((p) => ({ value: p.id, label: p.sku ? `${p.name} (${p.sku})` : p.name }))}
        />
      ) : null}
    </>
  );
}
