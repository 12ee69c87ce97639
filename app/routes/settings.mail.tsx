import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, ConfirmSubmitButton, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { MailIdentitySchema, MailSettingsIntentSchema, MailSettingsSchema, smtpSecurities, useMailPageStrings } from "~/features/mail";
import { mailIdentity, mailSettingsView, renewInboundSecret, updateMailIdentity, updateMailSettings } from "~/features/mail/index.server";
import { requireCan, requireUser } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";
import { scheduleAtHour } from "~/utils/job-queue.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireCan(await requireUser(request), "outreach:write");
  const [settings, identity] = await Promise.all([mailSettingsView(), mailIdentity(user.id)]);
  const canManage = can(user.role, "settings:manage");
  return json({
    identity,
    canManage,
    logAddress: settings.logAddress,
    workspaceFrom: settings.mailFromAddress,
    // Only admins see the server's settings; nobody sees the password.
    settings: canManage ? settings : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const signedIn = await requireUser(request);
  const formData = await request.formData();
  const intent = MailSettingsIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw json({ message: "errors.invalidChoice" }, { status: 400 });
  if (intent.data === "identity") {
    const user = requireCan(signedIn, "outreach:write");
    return handleForm(formData, MailIdentitySchema, async (value) => {
      await updateMailIdentity(user.id, value);
      return redirectWithToast("/settings/mail", { kind: "success", message: "common.saved" });
    });
  }
  const admin = requireCan(signedIn, "settings:manage");
  if (intent.data === "renewAddress") {
    await renewInboundSecret(admin.id);
    return redirectWithToast("/settings/mail", { kind: "success", message: "pageToasts.mailAddressRenewed" });
  }
  return handleForm(formData, MailSettingsSchema, async (value) => {
    await updateMailSettings(admin.id, value);
    await scheduleAtHour("monthlyReport", value.monthlyReportHourUtc ?? null);
    await scheduleAtHour("dailyDigest", value.digestHourUtc ?? null);
    return redirectWithToast("/settings/mail", { kind: "success", message: "common.saved" });
  });
}

function WorkspaceMailForm() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const busy = useNavigation().formData?.get("formId") === "mail-settings";
  const [form, fields] = useServerForm("mailSettings", {
    id: "mail-settings",
    lastResult: useFormResult("mail-settings"),
    defaultValue: settings
      ? {
          smtpHost: settings.smtpHost ?? "",
          smtpPort: String(settings.smtpPort),
          smtpSecurity: settings.smtpSecurity,
          smtpUser: settings.smtpUser ?? "",
          mailFromName: settings.mailFromName ?? "",
          mailFromAddress: settings.mailFromAddress ?? "",
          mailReplyTo: settings.mailReplyTo ?? "",
          dailySendCap: String(settings.dailySendCap),
          inboundDomain: settings.inboundDomain ?? "",
          teamDomains: settings.teamDomains.join(", "),
          attachmentLimitMb: String(Math.round(settings.attachmentLimitBytes / 1024 / 1024)),
          monthlyReportHourUtc: settings.monthlyReportHourUtc === null ? "" : String(settings.monthlyReportHourUtc),
          monthlyReportRecipients: settings.monthlyReportRecipients.join(", "),
          digestHourUtc: settings.digestHourUtc === null ? "" : String(settings.digestHourUtc),
        }
      : {},
  });
  if (!settings) return null;
  return (
    <section className="card" aria-labelledby="mail-server-title">
      <h2 id="mail-server-title">{t("mailSettings.serverTitle")}</h2>
      <ConformForm form={form}>
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="formId" value="mail-settings" />
        <fieldset>
          <legend>{t("mailSettings.outgoing")}</legend>
          <div className="form-grid">
            <TextField
              field={fields.smtpHost}
              label={t("mailSettings.smtpHost")}
              hint={t("mailSettings.smtpHostHint")}
              autoComplete="off"
            />
            <TextField field={fields.smtpPort} label={t("mailSettings.smtpPort")} inputMode="numeric" />
            <SelectField
              field={fields.smtpSecurity}
              label={t("mailSettings.smtpSecurity")}
              options={smtpSecurities.map((value) => ({ value, label: t(`mailSettings.security.${value}`) }))}
            />
            <TextField field={fields.smtpUser} label={t("mailSettings.smtpUser")} autoComplete="off" />
            <TextField
              field={fields.smtpPassword}
              type="password"
              label={t("mailSettings.smtpPassword")}
              hint={settings.hasSmtpPassword ? t("mailSettings.passwordKept") : t("mailSettings.passwordNone")}
              autoComplete="new-password"
            />
            {settings.hasSmtpPassword ? <CheckboxField field={fields.clearSmtpPassword} label={t("mailSettings.clearPassword")} /> : null}
            <TextField field={fields.mailFromName} label={t("mailSettings.fromName")} autoComplete="off" />
            <TextField
              field={fields.mailFromAddress}
              type="email"
              label={t("mailSettings.fromAddress")}
              hint={t("mailSettings.fromAddressHint")}
            />
            <TextField field={fields.mailReplyTo} type="email" label={t("mailSettings.replyTo")} />
            <TextField
              field={fields.dailySendCap}
              label={t("mailSettings.dailySendCap")}
              hint={t("mailSettings.dailySendCapHint")}
              inputMode="numeric"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("mailSettings.incoming")}</legend>
          <div className="form-grid">
            <TextField
              field={fields.inboundDomain}
              label={t("mailSettings.inboundDomain")}
              hint={t("mailSettings.inboundDomainHint")}
              autoComplete="off"
            />
            <TextField
              field={fields.teamDomains}
              label={t("mailSettings.teamDomains")}
              hint={t("mailSettings.teamDomainsHint")}
              autoComplete="off"
            />
            <TextField field={fields.attachmentLimitMb} label={t("mailSettings.attachmentLimit")} inputMode="numeric" />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("mailSettings.schedules")}</legend>
          <div className="form-grid">
            <TextField
              field={fields.monthlyReportHourUtc}
              label={t("mailSettings.monthlyReportHour")}
              hint={t("mailSettings.monthlyReportHourHint")}
              inputMode="numeric"
            />
            <TextAreaField field={fields.monthlyReportRecipients} label={t("mailSettings.monthlyReportRecipients")} rows={2} />
            <TextField
              field={fields.digestHourUtc}
              label={t("mailSettings.digestHour")}
              hint={t("mailSettings.digestHourHint")}
              inputMode="numeric"
            />
          </div>
        </fieldset>
        <SubmitButton busy={busy}>{t("common.save")}</SubmitButton>
      </ConformForm>
    </section>
  );
}

function IdentityForm() {
  const { t } = useTranslation();
  const { identity, workspaceFrom } = useLoaderData<typeof loader>();
  const busy = useNavigation().formData?.get("formId") === "mail-identity";
  const [form, fields] = useServerForm("mailIdentity", {
    id: "mail-identity",
    lastResult: useFormResult("mail-identity"),
    defaultValue: {
      mailFromName: identity.mailFromName ?? "",
      mailFromAddress: identity.mailFromAddress ?? "",
      mailReplyTo: identity.mailReplyTo ?? "",
    },
  });
  return (
    <section className="card" aria-labelledby="identity-title">
      <h2 id="identity-title">{t("mailSettings.identityTitle")}</h2>
      <p className="hint">
        {workspaceFrom ? t("mailSettings.identityIntro", { address: workspaceFrom }) : t("mailSettings.identityIntroNone")}
      </p>
      <ConformForm form={form}>
        <input type="hidden" name="intent" value="identity" />
        <input type="hidden" name="formId" value="mail-identity" />
        <div className="form-grid">
          <TextField field={fields.mailFromName} label={t("mailSettings.fromName")} autoComplete="name" />
          <TextField field={fields.mailFromAddress} type="email" label={t("mailSettings.fromAddress")} autoComplete="email" />
          <TextField field={fields.mailReplyTo} type="email" label={t("mailSettings.replyTo")} />
        </div>
        <SubmitButton busy={busy}>{t("common.save")}</SubmitButton>
      </ConformForm>
    </section>
  );
}

export default function MailSettingsPage() {
  useMailPageStrings();
  const { t } = useTranslation();
  const { logAddress, canManage } = useLoaderData<typeof loader>();
  useActionData<typeof action>();
  return (
    <div className="stack">
      <section className="card" aria-labelledby="log-address-title">
        <h2 id="log-address-title">{t("mailSettings.logAddressTitle")}</h2>
        <p>{t("mailSettings.logAddressIntro")}</p>
        <p>
          <code className="log-address" data-testid="log-address">
            {logAddress}
          </code>
        </p>
        {canManage ? (
          <Form method="post">
            <input type="hidden" name="intent" value="renewAddress" />
            <ConfirmSubmitButton confirmMessage={t("mailSettings.confirmRenew")} className="button button-quiet">
              {t("mailSettings.renewAddress")}
            </ConfirmSubmitButton>
          </Form>
        ) : null}
      </section>
      <IdentityForm />
      <WorkspaceMailForm />
    </div>
  );
}
