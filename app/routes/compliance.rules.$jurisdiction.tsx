import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { ActionError } from "~/components/form-message";
import { PageHeader } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { DisclosureJurisdictionSchema, RuleSetFormSchema } from "~/features/compliance";
import { disclosurePlatforms } from "~/shared/disclosure-terms";
import { startRecheck, ruleSetForEditing, ruleSetHistory, ruleSetsInForce, saveRuleSet } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { formatDateTime } from "~/shared/format";
import { notFound } from "~/utils/http.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const jurisdiction = DisclosureJurisdictionSchema.safeParse(params.jurisdiction);
  if (!jurisdiction.success) notFound();
  const [sets, history] = await Promise.all([ruleSetsInForce(), ruleSetHistory(jurisdiction.data)]);
  return json({ rules: ruleSetForEditing(sets, jurisdiction.data), history, canEdit: can(user.role, "compliance:rules") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "compliance:rules");
  const jurisdiction = DisclosureJurisdictionSchema.safeParse(params.jurisdiction);
  if (!jurisdiction.success) notFound();
  const formData = await request.formData();
  if (formData.get("intent") === "recheck") {
    return answerRuleViolation(async () => {
      // It runs on the job queue; its page shows the progress and then the result.
      const job = await startRecheck(user.id, jurisdiction.data);
      return redirect(`/jobs/${job.id}`);
    });
  }
  formData.set("jurisdiction", jurisdiction.data);
  return handleForm(formData, RuleSetFormSchema, async (input) => {
    const created = await saveRuleSet(user.id, input);
    if (!created) return redirectWithToast(`/compliance/rules/${jurisdiction.data}`, { kind: "info", message: "compliance.noChange" });
    return redirectWithToast(`/compliance/rules/${jurisdiction.data}`, {
      kind: "success",
      message: "compliance.versionSaved",
      values: { version: created.version },
    });
  });
}

const lines = (markers: string[]) => markers.join("\n");

export default function EditRuleSet() {
  const { t, i18n } = useTranslation();
  const { rules, history, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("ruleSet", {
    id: "rules",
    lastResult: useFormResult("rules"),
    defaultValue: {
      jurisdiction: rules.jurisdiction,
      baseVersion: String(rules.version),
      accepted: lines(rules.accepted),
      weak: lines(rules.weak),
      acceptedWhenOnlyGifted: lines(rules.acceptedWhenOnlyGifted),
      platformLabelAlone: rules.platformLabelAlone ? "on" : "",
      retouched: lines(rules.imageMentions.retouched),
      virtual: lines(rules.imageMentions.virtual),
      ...Object.fromEntries(disclosurePlatforms.map((p) => [`fold_${p}`, String(rules.folds[p])])),
    },
  });
  const rechecking = navigation.formData?.get("intent") === "recheck";
  return (
    <>
      <PageHeader
        title={t("compliance.rulesFor", { jurisdiction: t(`jurisdictions.${rules.jurisdiction}`), version: String(rules.version) })}
      >
        <Link to="/compliance/rules" className="button button-quiet">
          {t("compliance.rulesTitle")}
        </Link>
      </PageHeader>
      <ActionError error={actionData?.error} />
      {canEdit ? (
        <section className="card" aria-labelledby="recheck-title">
          <h2 id="recheck-title">{t("compliance.recheckTitle")}</h2>
          <p className="hint">
            {t("compliance.recheckIntro", {
              id: t("compliance.ruleSetName", { jurisdiction: rules.jurisdiction, version: String(rules.version) }),
            })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="recheck" />
            <button type="submit" className="button" disabled={rechecking} aria-busy={rechecking}>
              {rechecking ? t("compliance.rechecking") : t("compliance.recheck")}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="edit-title">
        <h2 id="edit-title">{canEdit ? t("compliance.newVersion") : t("compliance.currentRules")}</h2>
        {canEdit ? <p className="hint">{t("compliance.newVersionIntro")}</p> : null}
        <ConformForm form={form}>
          <input type="hidden" name="formId" value="rules" />
          <input type="hidden" name="baseVersion" value={rules.version} />
          <input type="hidden" name="jurisdiction" value={rules.jurisdiction} />
          <fieldset disabled={!canEdit}>
            <div className="form-grid">
              <TextAreaField field={fields.accepted} label={t("compliance.accepted")} hint={t("compliance.onePerLine")} rows={6} />
              <TextAreaField field={fields.weak} label={t("compliance.weak")} hint={t("compliance.onePerLine")} rows={6} />
              <TextAreaField
                field={fields.acceptedWhenOnlyGifted}
                label={t("compliance.giftOnly")}
                hint={t("compliance.giftOnlyHint")}
                rows={3}
              />
            </div>
            <CheckboxField field={fields.platformLabelAlone} label={t("compliance.platformLabelAlone")} />
            <div className="form-grid">
              <TextAreaField
                field={fields.retouched}
                label={t("compliance.retouchedMentions")}
                hint={t("compliance.imageMentionsHint")}
                rows={2}
              />
              <TextAreaField
                field={fields.virtual}
                label={t("compliance.virtualMentions")}
                hint={t("compliance.imageMentionsHint")}
                rows={2}
              />
            </div>
            <fieldset>
              <legend>{t("compliance.folds")}</legend>
              <p className="hint">{t("compliance.foldsHint")}</p>
              <div className="form-grid">
                {disclosurePlatforms.map((platform) => (
                  <TextField key={platform} field={fields[`fold_${platform}`]} label={t(`platforms.${platform}`)} inputMode="numeric" />
                ))}
              </div>
            </fieldset>
            <TextField field={fields.note} label={t("compliance.versionNote")} />
            {canEdit ? (
              <SubmitButton busy={navigation.formData?.get("formId") === "rules"}>{t("compliance.saveVersion")}</SubmitButton>
            ) : null}
          </fieldset>
        </ConformForm>
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("compliance.versions")}</h2>
        <ul className="plain-list">
          {history.map((v) => (
            <li key={v.version}>
              <span>
                <strong>{t("compliance.ruleSetName", { jurisdiction: rules.jurisdiction, version: String(v.version) })}</strong>{" "}
                {v.note ? `· ${v.note}` : v.version === 1 ? `· ${t("compliance.specVersion")}` : ""}
              </span>
              <span className="muted">{v.createdAt ? `${v.createdBy ?? "—"} · ${formatDateTime(i18n.language, v.createdAt)}` : ""}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
