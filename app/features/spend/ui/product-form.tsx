import { useTranslation } from "react-i18next";
import { type FieldRef, TextField } from "~/components/form-fields";

export function ProductFormFieldset({
  fields,
}: {
  fields: { name: FieldRef; sku: FieldRef; unitCost: FieldRef; retailPrice: FieldRef; currency: FieldRef };
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <TextField field={fields.name} label={t("products.name")} />
      <TextField field={fields.sku} label={t("products.sku")} />
      <TextField field={fields.unitCost} label={t("products.unitCost")} inputMode="decimal" />
      <TextField field={fields.retailPrice} label={t("products.retailPrice")} inputMode="decimal" />
      <TextField field={fields.currency} label={t("money.currency")} hint={t("money.currencyHint")} />
    </div>
  );
}
