import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { FormDisclosure } from "~/components/form-disclosure";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { ConfirmSubmitButton, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { EmptyState } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import {
  TemplateIntentSchema,
  TemplateSchema,
  renderTemplate,
  templateLanguages,
  templateVariableNames,
  useMailPageStrings,
} from "~/features/mail";
import { RecordIdSchema } from "~/shared/rules";
import { archiveTemplate, createTemplate, listTemplates, sampleValues, updateTemplate } from "~/features/outreach/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outreach:write");
  const templates = await listTemplates();
  // The example each template gives, filled with sample values in its own language.
  return json({
    templates: templates.map((template) => {
      const values = sampleValues(template.language);
      return { ...template, preview: { subject: renderTemplate(template.subject, values), body: renderTemplate(template.body, values) } };
    }),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outreach:write");
  const formData = await request.formData();
  const intent = TemplateIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw json({ message: "errors.invalidChoice" }, { status: 400 });
  const back = "/settings/templates";
  if (intent.data === "create")
    return handleForm(formData, TemplateSchema, async (value) => {
      await createTemplate(user.id, value);
      return redirectWithToast(back, { kind: "success", message: "pageToasts.templateCreated" });
    });
  const id = RecordIdSchema.safeParse(formData.get("templateId"));
  if (!id.success) throw json({ message: "errors.notFound" }, { status: 404 });
  if (intent.data === "archive")
    return answerRuleViolation(async () => {
      await archiveTemplate(user.id, id.data);
      return redirectWithToast(back, { kind: "success", message: "pageToasts.templateArchived" });
    });
  const version = Number(formData.get("version"));
  return handleForm(formData, TemplateSchema, async (value) => {
    await updateTemplate(user.id, id.data, Number.isSafeInteger(version) ? version : -1, value);
    return redirectWithToast(back, { kind: "success", message: "common.saved" });
  });
}

type TemplateRow = ReturnType<typeof useLoaderData<typeof loader>>["templates"][number];

function TemplateForm({ template }: { template?: TemplateRow }) {
  const { t } = useTranslation();
  const formId = template ? `template-${template.id}` : "template-new";
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("template", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: template
      ? { name: template.name, language: template.language as "en", subject: template.subject, body: template.body }
      : { language: "en" },
  });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={template ? "update" : "create"} />
      <input type="hidden" name="formId" value={formId} />
      {template ? (
        <>
          <input type="hidden" name="templateId" value={template.id} />
          <input type="hidden" name="version" value={template.version} />
        </>
      ) : null}
      <div className="form-grid">
        <TextField field={fields.name} label={t("templates.name")} autoComplete="off" />
        <SelectField
          field={fields.language}
          label={t("templates.language")}
          options={templateLanguages.map((language) => ({ value: language, label: t(`templates.languages.${language}`) }))}
        />
        <TextField field={fields.subject} label={t("outreach.subject")} autoComplete="off" />
        <TextAreaField field={fields.body} label={t("outreach.body")} rows={8} hint={<VariablesHint />} />
      </div>
      <SubmitButton busy={busy}>{template ? t("common.save") : t("templates.create")}</SubmitButton>
    </ConformForm>
  );
}

function VariablesHint() {
  const { t } = useTranslation();
  return (
    <>
      {t("templates.variablesHint")}{" "}
      {templateVariableNames.map((name, index) => (
        <span key={name}>
          {index ? ", " : ""}
          <code>{`{{${name}}}`}</code>
        </span>
      ))}
    </>
  );
}

export default function TemplatesPage() {
  useMailPageStrings();
  const { t } = useTranslation();
  const { templates } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <section className="card" aria-labelledby="templates-title">
        <h2 id="templates-title">{t("templates.title")}</h2>
        <p className="hint">{t("templates.intro")}</p>
        {templates.length === 0 ? <EmptyState>{t("templates.none")}</EmptyState> : null}
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id} className="template-item">
              <h3>
                {template.name} <span className="badge">{t(`templates.languages.${template.language as "en"}`)}</span>
              </h3>
              <p className="muted">{t("templates.preview")}</p>
              <div className="mail-preview">
                <p>
                  <strong>{template.preview.subject}</strong>
                </p>
                <p className="prewrap">{template.preview.body}</p>
              </div>
              <FormDisclosure formId={`template-${template.id}`} summary={t("common.edit")}>
                <TemplateForm template={template} />
              </FormDisclosure>
              <Form method="post">
                <input type="hidden" name="intent" value="archive" />
                <input type="hidden" name="templateId" value={template.id} />
                <ConfirmSubmitButton
                  className="button button-quiet"
                  confirmMessage={t("templates.confirmArchive", { name: template.name })}
                >
                  {t("templates.archive")}
                </ConfirmSubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="new-template-title">
        <h2 id="new-template-title">{t("templates.new")}</h2>
        <TemplateForm />
      </section>
    </div>
  );
}
