import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { reviewDecisions } from "../coverage-terms";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextAreaField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";

/** A compliance decision on one check; "fixed by partner" takes the corrected text, which must pass. */
export function ReviewForm({ checkId, jurisdiction, currentText }: { checkId: string; jurisdiction: string; currentText: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const formId = `review-${checkId}`;
  const [form, fields] = useServerForm("disclosureReview", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: { checkId, decision: "confirmed_issue", newText: currentText },
  });
  return (
    <ConformForm form={form}>
      <h4>{t("compliance.reviewFor", { jurisdiction })}</h4>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="checkId" value={checkId} />
      <SelectField
        field={fields.decision}
        label={t("compliance.decision")}
        options={reviewDecisions.map((d) => ({ value: d, label: t(`decisions.${d}`) }))}
      />
      <TextAreaField field={fields.note} label={t("compliance.note")} hint={t("compliance.noteHint")} rows={2} />
      <TextAreaField field={fields.newText} label={t("compliance.newText")} hint={t("compliance.newTextHint")} rows={4} />
      <SubmitButton busy={navigation.formData?.get("formId") === formId}>{t("compliance.record")}</SubmitButton>
    </ConformForm>
  );
}
