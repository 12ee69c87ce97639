import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton, TextField } from "~/components/form-fields";
import { IntentButtonForm } from "~/components/intent-button-form";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { TriageAttachSchema, TriageIntentSchema, useMailPageStrings } from "~/features/mail";
import { PageParamSchema, RecordIdSchema } from "~/shared/rules";
import { attachToPartner, discardMessage, TRIAGE_PAGE_SIZE, triageInbox, inboundAddress } from "~/features/mail/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDateTime } from "~/shared/format";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outreach:write");
  const page = PageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const [inbox, logAddress] = await Promise.all([triageInbox(page), inboundAddress()]);
  return json({ ...inbox, page, pageSize: TRIAGE_PAGE_SIZE, logAddress });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outreach:write");
  const formData = await request.formData();
  const intent = TriageIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw json({ message: "errors.invalidChoice" }, { status: 400 });
  if (intent.data === "discard") {
    const id = RecordIdSchema.safeParse(formData.get("messageId"));
    if (!id.success) throw json({ message: "errors.notFound" }, { status: 404 });
    return answerRuleViolation(async () => {
      await discardMessage(user.id, id.data);
      return redirectWithToast("/mail", { kind: "success", message: "pageToasts.mailDiscarded" });
    });
  }
  return handleForm(formData, TriageAttachSchema, async (value) => {
    await attachToPartner(user.id, value.messageId, value.partner);
    return redirectWithToast("/mail", { kind: "success", message: "pageToasts.mailAttached" });
  });
}

type TriageRow = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

function AttachForm({ message }: { message: TriageRow }) {
  const { t } = useTranslation();
  const formId = `attach-${message.id}`;
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("triage", { id: formId, lastResult: useFormResult(formId) });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value="attach" />
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name={fields.messageId.name} value={message.id} />
      <div className="inline-form">
        <TextField
          field={fields.partner}
          label={t("mail.attachTo")}
          hint={t("mail.attachToHint")}
          autoComplete="off"
          list={`${formId}-suggestions`}
        />
        <datalist id={`${formId}-suggestions`}>
          {message.suggestions.map((partner) => (
            <option key={partner.id} value={partner.email ?? partner.name}>
              {partner.name}
            </option>
          ))}
        </datalist>
        <SubmitButton busy={busy}>{t("mail.attach")}</SubmitButton>
      </div>
    </ConformForm>
  );
}

/** One click for each partner the message may be from, and a new partner from the sender. */
function SenderSuggestions({ message }: { message: TriageRow }) {
  const { t } = useTranslation();
  const newPartner = new URLSearchParams({ email: message.fromAddress, ...(message.fromName ? { name: message.fromName } : {}) });
  return (
    <div className="triage-suggestions">
      {message.suggestions.length ? <span className="hint">{t("mail.suggested")}</span> : null}
      {message.suggestions.map((partner) => (
        <IntentButtonForm
          key={partner.id}
          intent="attach"
          fields={{ messageId: message.id, partner: partner.email ?? partner.name, formId: `attach-${message.id}` }}
          className="button button-quiet button-small"
        >
          {t("mail.attachToPartner", { name: partner.name })}
        </IntentButtonForm>
      ))}
      <Link to={`/partners/new?${newPartner}`} className="button button-quiet button-small">
        {t("mail.newPartnerFromSender")}
      </Link>
    </div>
  );
}

export default function MailInbox() {
  useMailPageStrings();
  const { t, i18n } = useTranslation();
  const { messages, total, page, pageSize, logAddress } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("mail.inboxTitle")}>
        <Link to="/mail/import" className="button button-quiet">
          {t("mail.importLink")}
        </Link>
      </PageHeader>
      <p className="hint">
        {t("mail.inboxIntro")} <code className="log-address">{logAddress}</code>
      </p>
      {messages.length === 0 ? (
        <EmptyState title={t("mail.inboxEmptyTitle")}>{t("mail.inboxEmpty")}</EmptyState>
      ) : (
        <ul className="stack" aria-label={t("mail.inboxTitle")}>
          {messages.map((message) => (
            <li key={message.id} className="card mail-card">
              <h2>
                <Link to={`/mail/${message.id}`}>{message.subject ?? t("outreach.noSubject")}</Link>
              </h2>
              <p className="muted">
                {t("mail.fromLine", { from: message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress })} ·{" "}
                {formatDateTime(i18n.language, message.sentAt)}
                {message._count.attachments ? ` · ${t("mail.attachmentCount", { count: message._count.attachments })}` : ""}
              </p>
              <p className="muted">{t("mail.toLine", { to: [...message.toAddresses, ...message.ccAddresses].join(", ") || "—" })}</p>
              <p className="mail-excerpt">{message.bodyText}</p>
              <SenderSuggestions message={message} />
              <div className="triage-actions">
                <AttachForm message={message} />
                <IntentButtonForm
                  intent="discard"
                  fields={{ messageId: message.id }}
                  className="button button-quiet"
                  confirmMessage={t("mail.confirmDiscard")}
                >
                  {t("mail.discard")}
                </IntentButtonForm>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
