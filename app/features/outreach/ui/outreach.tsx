import { Form, Link, useNavigation } from "@remix-run/react";
import { FormDisclosure } from "~/components/form-disclosure";
import { useTranslation } from "react-i18next";
import { partnerIntentAction } from "~/features/partners";
import { directions, draftChannels, draftKinds, interactionTypes } from "../outreach-terms";
import { formatDate, formatDateTime, formatDay } from "~/shared/format";
import { ConformForm } from "~/components/conform-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";

interface TimelineEntry {
  id: string;
  type: string;
  direction: string | null;
  subject: string | null;
  body: string;
  occurredAt: string;
  correctsId: string | null;
  draftId: string | null;
  /** The email it is, when it was sent or received by mail. */
  mailMessageId?: string | null;
  /** The earlier entry this message answers. */
  inReplyToId?: string | null;
  /** The partner's answer to an offer, when they gave it in the portal. */
  offerAnswer?: "accepted" | "declined" | "countered" | null;
  /** Null when the partner wrote it themselves, in the portal. */
  author: { name: string } | null;
}

interface StageChange {
  id: string;
  createdAt: string;
  from: string | null;
  to: string;
  actor: string | null;
}

function useBusy(formId: string) {
  return useNavigation().formData?.get("formId") === formId;
}

export function LogInteractionForm({ correctsId, formId = "log-interaction" }: { correctsId?: string; formId?: string }) {
  const { t } = useTranslation();
  const [form, fields] = useServerForm("logInteraction", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: { type: "email", direction: "outbound" },
  });
  return (
    <ConformForm form={form} action={partnerIntentAction("log")}>
      <input type="hidden" name="formId" value={formId} />
      {correctsId ? <input type="hidden" name="correctsId" value={correctsId} /> : null}
      <div className="form-grid">
        <SelectField
          field={fields.type}
          label={t("outreach.type")}
          options={interactionTypes.map((type) => ({ value: type, label: t(`interactionTypes.${type}`) }))}
        />
        <SelectField
          field={fields.direction}
          label={t("outreach.direction")}
          options={[
            { value: "", label: "—" },
            ...directions.map((direction) => ({ value: direction, label: t(`directions.${direction}`) })),
          ]}
        />
        <TextField field={fields.occurredAt} label={t("outreach.occurredAt")} type="datetime-local" hint={t("outreach.occurredAtHint")} />
        <TextField field={fields.subject} label={t("outreach.subject")} autoComplete="off" />
        <TextAreaField field={fields.body} label={t("outreach.body")} rows={4} />
      </div>
      <SubmitButton busy={useBusy(formId)}>{t("outreach.add")}</SubmitButton>
    </ConformForm>
  );
}

export function OutreachTimeline({
  entries,
  stageChanges,
  canWrite,
}: {
  entries: TimelineEntry[];
  stageChanges: StageChange[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const correctedIds = new Set(entries.map((entry) => entry.correctsId).filter(Boolean));
  const subjects = new Map(entries.map((entry) => [entry.id, entry.subject ?? t("outreach.noSubject")]));
  const items = [
    ...entries.map((entry) => ({ at: entry.occurredAt, key: `i-${entry.id}`, entry })),
    ...stageChanges.map((change) => ({ at: change.createdAt, key: `s-${change.id}`, change })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (items.length === 0) return <p className="muted">{t("outreach.empty")}</p>;
  return (
    <ol className="timeline">
      {items.map((item) =>
        "entry" in item && item.entry ? (
          <li
            key={item.key}
            id={`entry-${item.entry.id}`}
            className={[
              "timeline-item",
              correctedIds.has(item.entry.id) ? "is-corrected" : "",
              item.entry.inReplyToId ? "timeline-reply" : "",
            ].join(" ")}
          >
            {item.entry.inReplyToId ? (
              <p className="timeline-thread">
                <a href={`#entry-${item.entry.inReplyToId}`}>
                  {t("outreach.mailInReplyTo", { subject: subjects.get(item.entry.inReplyToId) ?? t("outreach.mailEarlierMessage") })}
                </a>
              </p>
            ) : null}
            <p className="timeline-meta">
              <strong>
                {t(`interactionTypes.${item.entry.type as "email"}`)}
                {item.entry.direction ? ` · ${t(`directions.${item.entry.direction as "inbound"}`)}` : ""}
              </strong>{" "}
              —{" "}
              {t("outreach.by", {
                name: item.entry.author?.name ?? (item.entry.mailMessageId ? t("outreach.mailThePartnerByMail") : t("portal.thePartner")),
                date: formatDateTime(i18n.language, item.entry.occurredAt),
              })}
              {item.entry.draftId ? (
                <>
                  {" "}
                  · <span className="badge badge-ok">{t("outreach.fromDraft")}</span>
                </>
              ) : null}
              {item.entry.correctsId ? (
                <>
                  {" "}
                  · <span className="badge badge-stage">{t("outreach.corrects")}</span>
                </>
              ) : null}
              {correctedIds.has(item.entry.id) ? (
                <>
                  {" "}
                  · <span className="badge badge-muted">{t("outreach.corrected")}</span>
                </>
              ) : null}
            </p>
            {item.entry.offerAnswer ? <p className="timeline-subject">{t(`portal.answers.${item.entry.offerAnswer}`)}</p> : null}
            {item.entry.subject ? <p className="timeline-subject">{item.entry.subject}</p> : null}
            <p className="prewrap">{item.entry.body}</p>
            {item.entry.mailMessageId ? (
              <p className="hint">
                <Link to={`/mail/${item.entry.mailMessageId}`}>{t("outreach.mailViewOriginal")}</Link>
              </p>
            ) : null}
            {canWrite ? (
              <FormDisclosure formId={`correct-${item.entry.id}`} summary={t("outreach.correct")}>
                <p className="hint">{t("outreach.correctionHint")}</p>
                <LogInteractionForm correctsId={item.entry.id} formId={`correct-${item.entry.id}`} />
              </FormDisclosure>
            ) : null}
          </li>
        ) : "change" in item && item.change ? (
          <li key={item.key} className="timeline-item timeline-stage">
            <p className="timeline-meta">
              {item.change.from
                ? t("outreach.stageChange", {
                    from: t(`stages.${item.change.from as "prospect"}`),
                    to: t(`stages.${item.change.to as "prospect"}`),
                  })
                : t("outreach.stageSet", { to: t(`stages.${item.change.to as "prospect"}`) })}{" "}
              —{" "}
              {t("outreach.by", {
                name: item.change.actor ?? t("audit.system"),
                date: formatDateTime(i18n.language, item.change.createdAt),
              })}
            </p>
          </li>
        ) : null,
      )}
    </ol>
  );
}

interface DraftRow {
  id: string;
  kind: string;
  subject: string | null;
  status: string;
  updatedAt: string;
  author: { name: string };
}

export function DraftList({ drafts }: { drafts: DraftRow[] }) {
  const { t, i18n } = useTranslation();
  if (drafts.length === 0) return null;
  return (
    <ul className="plain-list">
      {drafts.map((draft) => (
        <li key={draft.id}>
          <span>
            <Link to={`/drafts/${draft.id}`}>
              {t(`draftKinds.${draft.kind as "message"}`)}: {draft.subject ?? t("outreach.noSubject")}
            </Link>{" "}
            <span className="muted">
              — {t("outreach.by", { name: draft.author.name, date: formatDate(i18n.language, draft.updatedAt) })}
            </span>
          </span>
          <span className="badge badge-stage">{t(`draftStatuses.${draft.status as "draft"}`)}</span>
        </li>
      ))}
    </ul>
  );
}

type DraftFormFields = ReturnType<typeof useServerForm<"draft">>[1];

/** The fields of a draft, the same when it is written and when it is edited. */
export function DraftFields({ fields, bodyRows }: { fields: DraftFormFields; bodyRows: number }) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <SelectField
        field={fields.kind}
        label={t("outreach.kind")}
        options={draftKinds.map((kind) => ({ value: kind, label: t(`draftKinds.${kind}`) }))}
      />
      <SelectField
        field={fields.channel}
        label={t("outreach.channel")}
        options={draftChannels.map((channel) => ({ value: channel, label: t(`interactionTypes.${channel}`) }))}
      />
      <TextField field={fields.subject} label={t("outreach.subject")} autoComplete="off" />
      <TextAreaField field={fields.body} label={t("outreach.body")} rows={bodyRows} />
    </div>
  );
}

export function NewDraftForm() {
  const { t } = useTranslation();
  const formId = "new-draft";
  const [form, fields] = useServerForm("draft", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: { kind: "message", channel: "email" },
  });
  return (
    <ConformForm form={form} action={partnerIntentAction("createDraft")}>
      <input type="hidden" name="formId" value={formId} />
      <DraftFields fields={fields} bodyRows={6} />
      <SubmitButton busy={useBusy(formId)}>{t("outreach.createDraft")}</SubmitButton>
    </ConformForm>
  );
}

interface TaskRow {
  id: string;
  title: string;
  dueOn: string;
  completedAt: string | null;
  repliedAt?: string | null;
  assignee: { id: string; name: string };
}

export function FollowUps({
  tasks,
  users,
  me,
  canWrite,
}: {
  tasks: TaskRow[];
  users: { id: string; name: string }[];
  me: string;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const formId = "new-task";
  const [form, fields] = useServerForm("task", { id: formId, lastResult: useFormResult(formId), defaultValue: { assigneeId: me } });
  const busy = useBusy(formId);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      {tasks.length === 0 ? <p className="muted">{t("tasks.none")}</p> : null}
      <ul className="plain-list">
        {tasks.map((task) => {
          const overdue = !task.completedAt && !task.repliedAt && task.dueOn.slice(0, 10) < today;
          return (
            <li key={task.id} className={task.completedAt ? "is-done" : undefined}>
              <span>
                {task.title} — {formatDay(i18n.language, task.dueOn)} · {task.assignee.name}
                {task.repliedAt && !task.completedAt ? (
                  <>
                    {" "}
                    <span className="badge badge-ok">{t("tasks.replied")}</span>
                  </>
                ) : overdue ? (
                  <>
                    {" "}
                    <span className="badge badge-danger">{t("tasks.overdue")}</span>
                  </>
                ) : null}
              </span>
              {canWrite ? (
                <Form method="post" action={partnerIntentAction(task.completedAt ? "taskReopen" : "taskDone")}>
                  <input type="hidden" name="taskId" value={task.id} />
                  <button type="submit" className="button button-quiet button-small">
                    {task.completedAt ? t("tasks.reopen") : t("tasks.done")}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canWrite ? (
        <FormDisclosure formId={formId} summary={t("tasks.add")}>
          <ConformForm form={form} action={partnerIntentAction("addTask")}>
            <input type="hidden" name="formId" value={formId} />
            <div className="form-grid">
              <TextField field={fields.title} label={t("tasks.what")} autoComplete="off" />
              <TextField field={fields.dueOn} label={t("tasks.dueOn")} type="date" />
              <SelectField
                field={fields.assigneeId}
                label={t("tasks.assignee")}
                options={users.map((user) => ({ value: user.id, label: user.name }))}
              />
            </div>
            <SubmitButton busy={busy}>{t("tasks.add")}</SubmitButton>
          </ConformForm>
        </FormDisclosure>
      ) : null}
    </>
  );
}
