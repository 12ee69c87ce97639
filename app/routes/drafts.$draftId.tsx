import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { FormDisclosure } from "~/components/form-disclosure";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMailPageStrings } from "~/features/mail";
import { ConformForm } from "~/components/conform-form";
import { ConfirmSubmitButton, SubmitButton, TextAreaField } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { StageBadge } from "~/features/partners";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { DraftFields, DraftIntentSchema, DraftSchema, ReviewSchema } from "~/features/outreach";
import { editDraft, getDraft, markDraftSent, reviewDraft, submitDraft } from "~/features/outreach/index.server";
import { getJob } from "~/utils/jobs.server";
import { requestSend, smtpConfigured } from "~/features/mail/index.server";
import { getSettings, requireCan, requirePermission, requireUser } from "~/features/accounts/index.server";
import { FormMessage } from "~/components/form-message";
import { usePollWhile } from "~/components/use-poll-while";
import { formatDateTime } from "~/shared/format";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const draft = await getDraft(params.draftId ?? "");
  if (!draft) notFound();
  const [sending, settings] = await Promise.all([draft.sendJobId ? getJob(draft.sendJobId) : null, getSettings()]);
  return json({
    draft,
    sending: sending && { status: sending.status, error: sending.error, attempts: sending.attempts, jobId: sending.id },
    smtpReady: smtpConfigured(settings),
    canEdit: can(user.role, "outreach:write") && draft.authorId === user.id,
    canReview: can(user.role, "outreach:review") && draft.authorId !== user.id,
    canSend: can(user.role, "outreach:write"),
  });
}

const permissionFor = {
  edit: "outreach:write",
  submit: "outreach:write",
  review: "outreach:review",
  send: "outreach:write",
  email: "outreach:write",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  // Signed in before the body is read; the role for the posted intent is checked after.
  const signedIn = await requireUser(request);
  const formData = await request.formData();
  const parsedIntent = DraftIntentSchema.safeParse(formData.get("intent"));
  if (!parsedIntent.success) throw json({ message: "errors.invalidChoice" }, { status: 400 });
  const intent = parsedIntent.data;
  const user = requireCan(signedIn, permissionFor[intent]);
  const draftId = params.draftId ?? "";
  const here = `/drafts/${draftId}`;

  if (intent === "edit") {
    return handleForm(formData, DraftSchema, async (value) => {
      await editDraft(user.id, draftId, value);
      return redirectWithToast(here, { kind: "success", message: "outreach.saved" });
    });
  }
  if (intent === "review") {
    return handleForm(formData, ReviewSchema, async (value) => {
      await reviewDraft(user.id, draftId, value.decision, value.comment);
      return redirectWithToast(here, {
        kind: "success",
        message: value.decision === "approve" ? "outreach.approved" : "outreach.changesRequested",
      });
    });
  }
  if (intent === "email")
    return answerRuleViolation(async () => {
      await requestSend(user.id, draftId);
      return redirectWithToast(here, { kind: "success", message: "pageToasts.mailQueued" });
    });
  return answerRuleViolation(async () => {
    if (intent === "submit") await submitDraft(user.id, draftId);
    else await markDraftSent(user.id, draftId);
    return redirectWithToast(here, { kind: "success", message: intent === "submit" ? "outreach.submitted" : "outreach.sent" });
  });
}

function EditDraftForm() {
  const { t } = useTranslation();
  const { draft } = useLoaderData<typeof loader>();
  const busy = useNavigation().formData?.get("formId") === "edit-draft";
  const [form, fields] = useServerForm("draft", {
    id: "edit-draft",
    lastResult: useFormResult("edit-draft"),
    defaultValue: { kind: draft.kind, channel: draft.channel as "email", subject: draft.subject ?? "", body: draft.body },
  });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="formId" value="edit-draft" />
      <DraftFields fields={fields} bodyRows={8} />
      <SubmitButton busy={busy}>{t("outreach.edit")}</SubmitButton>
    </ConformForm>
  );
}

function ReviewForm() {
  const { t } = useTranslation();
  const busy = useNavigation().formData?.get("formId") === "review";
  const [form, fields] = useServerForm("draftReview", { id: "review", lastResult: useFormResult("review") });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="formId" value="review" />
      <TextAreaField field={fields.comment} label={t("outreach.comment")} rows={3} />
      {/* The button pressed is the decision. */}
      <div className="form-actions">
        <button type="submit" name={fields.decision.name} value="approve" className="button" disabled={busy}>
          {t("outreach.approve")}
        </button>
        <button type="submit" name={fields.decision.name} value="request_changes" className="button button-quiet" disabled={busy}>
          {t("outreach.requestChanges")}
        </button>
      </div>
    </ConformForm>
  );
}

/** Where sending by email stands: on its way, being retried (and why), or failed with the server's words. */
function SendingStatus({ sending }: { sending: { status: string; error: string | null; attempts: number; jobId: string } }) {
  const { t } = useTranslation();
  if (sending.status === "failed")
    return (
      <div className="form-errors" role="alert" data-testid="send-status">
        {t("mail.sendFailed")} <FormMessage message={sending.error ?? "jobs.failedUnexpectedly"} />
      </div>
    );
  if (sending.status === "succeeded") return null;
  return (
    <p role="status" className="notice" data-testid="send-status">
      {t("mail.sending")}
      {sending.error ? (
        <>
          {" "}
          {t("mail.retrying", { attempts: String(sending.attempts) })} <FormMessage message={sending.error} />
        </>
      ) : null}
    </p>
  );
}

export default function DraftPage() {
  useMailPageStrings();
  const { t, i18n } = useTranslation();
  const { draft, canEdit, canReview, canSend, sending, smtpReady } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  const onItsWay = sending?.status === "queued" || sending?.status === "running";
  usePollWhile(onItsWay && draft.status !== "sent", 1500);
  const editable = draft.status === "draft" || draft.status === "changes_requested";
  return (
    <>
      <PageHeader title={t("outreach.draftTitle", { kind: t(`draftKinds.${draft.kind}`), partner: draft.partner.name })}>
        <span className="badge badge-stage">{t(`draftStatuses.${draft.status}`)}</span>
      </PageHeader>
      <p>
        <Link to={`/partners/${draft.partner.id}/outreach`}>{draft.partner.name}</Link> <StageBadge stage={draft.partner.stage} />
      </p>
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <FormMessage message={actionData.error} />
        </div>
      ) : null}
      <div className="partner-layout">
        <section className="card" aria-labelledby="draft-body">
          <h2 id="draft-body">{draft.subject ?? t("outreach.noSubject")}</h2>
          <p className="muted">
            {t(`interactionTypes.${draft.channel}`)} ·{" "}
            {t("outreach.by", { name: draft.author.name, date: formatDateTime(i18n.language, draft.createdAt) })}
          </p>
          <p className="prewrap">{draft.body}</p>
          {canEdit && editable ? (
            <>
              <Form method="post" className="form-actions">
                <input type="hidden" name="formId" value="submit" />
                <button type="submit" name="intent" value="submit" className="button">
                  {t("outreach.submit")}
                </button>
              </Form>
              <FormDisclosure formId="edit-draft" summary={t("outreach.edit")}>
                <EditDraftForm />
              </FormDisclosure>
            </>
          ) : null}
          {canReview && draft.status === "in_review" ? <ReviewForm /> : null}
          {sending && draft.status !== "sent" ? <SendingStatus sending={sending} /> : null}
          {canSend && draft.status === "approved" && !onItsWay ? (
            <div className="form-actions">
              {draft.channel === "email" && smtpReady ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="email" />
                  <ConfirmSubmitButton confirmMessage={t("mail.confirmSend")}>
                    {sending?.status === "failed" ? t("mail.sendAgain") : t("mail.send")}
                  </ConfirmSubmitButton>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="send" />
                <ConfirmSubmitButton
                  className={draft.channel === "email" && smtpReady ? "button button-quiet" : "button"}
                  confirmMessage={t("outreach.confirmSent")}
                >
                  {t("outreach.markSent")}
                </ConfirmSubmitButton>
              </Form>
            </div>
          ) : null}
        </section>
        <section className="card" aria-labelledby="draft-history">
          <h2 id="draft-history">{t("outreach.history")}</h2>
          <ol className="timeline">
            {draft.events.map((event) => (
              <li key={event.id} className="timeline-item">
                <p className="timeline-meta">
                  <strong>{event.actor.name}</strong> {t(`draftActions.${event.action}`)} — {formatDateTime(i18n.language, event.createdAt)}
                </p>
                {event.comment ? <p className="prewrap">{event.comment}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
