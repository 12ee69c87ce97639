import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** `?month=YYYY-MM` as a small GET form (monthly report, compliance summary). */
export function MonthPicker({ id, month }: { id: string; month: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters card" aria-label={t("common.filters")}>
      <div className="field">
        <label htmlFor={id}>{t("summary.month")}</label>
        <input id={id} name="month" type="month" defaultValue={month} required />
      </div>
      <button type="submit" className="button button-quiet">
        {t("common.apply")}
      </button>
    </Form>
  );
}
