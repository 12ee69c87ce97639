import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { campaignOptions } from "~/components/filter-select";
import { CheckboxField, SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { EmptyState, PageHeader } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { DraftFromTemplateSchema, useMailPageStrings } from "~/features/mail";
import { campaignChoices, partnerGifts } from "~/features/spend/index.server";
import { partnerHeading } from "~/features/partners/index.server";
import { createDraftFromTemplate, listTemplates } from "~/features/outreach/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { absoluteUrl } from "~/utils/cross-site.server";
import { parseEnv } from "~/utils/env.server";
import { handleForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "outreach:write");
  const partnerId = recordIdParam(params.partnerId);
  const partner = await partnerHeading(partnerId);
  if (!partner) notFound();
  const [templates, campaigns, gifts] = await Promise.all([listTemplates(), campaignChoices(), partnerGifts(partnerId)]);
  return json({
    partner,
    templates: templates.map(({ id, name, language }) => ({ id, name, language })),
    campaigns,
    gifts: gifts.map((gift) => ({ id: gift.id, label: gift.campaign ? `${gift.itemName} · ${gift.campaign.name}` : gift.itemName })),
    mayLink: can(user.role, "portal:manage"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outreach:write");
  const partnerId = recordIdParam(params.partnerId);
  return handleForm(await request.formData(), DraftFromTemplateSchema, async (value) => {
    if (value.withPortalLink && !can(user.role, "portal:manage")) throw json({ message: "errors.forbidden" }, { status: 403 });
    const draft = await createDraftFromTemplate(user.id, partnerId, value, (token) =>
      absoluteUrl(`/p/${token}`, parseEnv().APP_URL, request.url),
    );
    return redirectWithToast(`/drafts/${draft.id}`, { kind: "success", message: "pageToasts.draftWritten" });
  });
}

export default function DraftFromTemplatePage() {
  useMailPageStrings();
  const { t, i18n } = useTranslation();
  const { partner, templates, campaigns, gifts, mayLink } = useLoaderData<typeof loader>();
  const formId = "draft-from-template";
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("draftFromTemplate", { id: formId, lastResult: useFormResult(formId) });
  const none = { value: "", label: t("templates.noneChosen") };
  return (
    <>
      <PageHeader title={t("templates.writeTitle", { partner: partner.name })} />
      <p>
        <Link to={`/partners/${partner.id}/outreach`}>{partner.name}</Link>
      </p>
      <section className="card" aria-labelledby="template-draft-title">
        <h2 id="template-draft-title">{t("templates.writeFromTemplate")}</h2>
        {templates.length === 0 ? (
          <EmptyState>
            {t("templates.noneYet")} <Link to="/settings/templates">{t("templates.manage")}</Link>
          </EmptyState>
        ) : (
          <ConformForm form={form}>
            <input type="hidden" name="formId" value={formId} />
            <p className="hint">{t("templates.writeHint")}</p>
            <div className="form-grid">
              <SelectField
                field={fields.templateId}
                label={t("templates.template")}
                options={templates.map((template) => ({
                  value: template.id,
                  label: `${template.name} (${t(`templates.languages.${template.language as "en"}`)})`,
                }))}
              />
              <SelectField
                field={fields.campaignId}
                label={t("templates.variables.campaign")}
                options={[none, ...campaignOptions(campaigns, t, i18n.language)]}
              />
              <SelectField
                field={fields.giftId}
                label={t("templates.variables.gift")}
                options={[none, ...gifts.map((gift) => ({ value: gift.id, label: gift.label }))]}
              />
              <TextField field={fields.dueOn} type="date" label={t("templates.variables.dueDate")} />
              {mayLink ? <CheckboxField field={fields.withPortalLink} label={t("templates.withPortalLink")} /> : null}
            </div>
            <SubmitButton busy={busy}>{t("templates.writeDraft")}</SubmitButton>
          </ConformForm>
        )}
      </section>
    </>
  );
}
