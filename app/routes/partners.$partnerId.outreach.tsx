import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { FormDisclosure } from "~/components/form-disclosure";
import { Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDoNotContact, partnerTabPath, type PartnerIntentOf } from "~/features/partners";
import { ActionError } from "~/components/form-message";
import {
  DraftList,
  DraftSchema,
  FollowUps,
  LogInteractionForm,
  LogInteractionSchema,
  NewDraftForm,
  OutreachTimeline,
  TaskSchema,
} from "~/features/outreach";
import { createDraft, createTask, logInteraction, partnerTimeline, setTaskDone } from "~/features/outreach/index.server";
import { listOwners } from "~/features/partners/index.server";
import { requirePermission, runIntent, type IntentTable } from "~/features/accounts/index.server";
import { RuleViolation } from "~/shared/violations";
import { can } from "~/shared/permissions";
import { handleForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";
import type { loader as partnerLoader } from "./partners.$partnerId";

/** The outreach tab: follow-ups (read by the page's header already), drafts and the log. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  const [timeline, users] = await Promise.all([partnerTimeline(partnerId), listOwners()]);
  return json({ timeline, users, me: user.id, canOutreach: can(user.role, "outreach:write") });
}

type PartnerRef = { partnerId: string };
const toOutreach = (partnerId: string) => partnerTabPath(partnerId, "outreach");

async function logToOutreach(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, LogInteractionSchema, async (value) => {
    await logInteraction(userId, partnerId, value);
    return redirectWithToast(toOutreach(partnerId), { kind: "success", message: "outreach.logged" });
  });
}

async function writeDraft(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, DraftSchema, async (value) => {
    const draft = await createDraft(userId, partnerId, value);
    return redirectWithToast(`/drafts/${draft.id}`, { kind: "success", message: "outreach.saved" });
  });
}

async function addFollowUp(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, TaskSchema, async (value) => {
    await createTask(userId, partnerId, value);
    return redirectWithToast(toOutreach(partnerId), { kind: "success", message: "tasks.added" });
  });
}

async function markFollowUp(userId: string, partnerId: string, formData: FormData, done: boolean) {
  try {
    await setTaskDone(userId, partnerId, recordIdParam(formData.get("taskId")), done);
  } catch (error) {
    if (error instanceof RuleViolation) notFound();
    throw error;
  }
  return redirectWithToast(toOutreach(partnerId), { kind: "success", message: done ? "tasks.completed" : "tasks.reopened" });
}

/** What the outreach tab's forms do. No calls in here: the browser build drops this table with the action only if it has none. */
const intents: IntentTable<PartnerIntentOf<"outreach">, PartnerRef> = {
  log: { permission: "outreach:write", handle: (user, { partnerId }, formData) => logToOutreach(user.id, partnerId, formData) },
  createDraft: { permission: "outreach:write", handle: (user, { partnerId }, formData) => writeDraft(user.id, partnerId, formData) },
  addTask: { permission: "outreach:write", handle: (user, { partnerId }, formData) => addFollowUp(user.id, partnerId, formData) },
  taskDone: { permission: "outreach:write", handle: (user, { partnerId }, formData) => markFollowUp(user.id, partnerId, formData, true) },
  taskReopen: {
    permission: "outreach:write",
    handle: (user, { partnerId }, formData) => markFollowUp(user.id, partnerId, formData, false),
  },
};

/** The intent is in the URL (`?intent=…`), so the user and their role are checked before the body is read. */
export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(request, intents, "outreach:write", { partnerId: params.partnerId ?? "" });
}

export default function PartnerOutreach() {
  const { t } = useTranslation();
  const { partner, tasks } = useRouteLoaderData<typeof partnerLoader>("routes/partners.$partnerId")!;
  const { canOutreach, timeline, users, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  return (
    <>
      <ActionError error={actionData?.error} />
      <div className="partner-layout">
        <section className="card" aria-labelledby="tasks-title">
          <h2 id="tasks-title">{t("tasks.title")}</h2>
          <FollowUps tasks={tasks} users={users} me={me} canWrite={canOutreach} />
          <h2 id="drafts-title" className="mt-6">
            {t("outreach.drafts")}
          </h2>
          <DraftList drafts={timeline.drafts} />
          {canOutreach && !isDoNotContact(partner.stage) ? (
            <>
              <p>
                <Link to={`/partners/${partner.id}/template-draft`} className="button button-quiet">
                  {t("outreach.writeFromTemplate")}
                </Link>
              </p>
              <FormDisclosure formId="new-draft" summary={t("outreach.newDraft")}>
                <NewDraftForm />
              </FormDisclosure>
            </>
          ) : null}
        </section>
        <section className="card" aria-labelledby="log-title">
          <h2 id="log-title">{t("outreach.log")}</h2>
          {canOutreach ? (
            <FormDisclosure formId="log-interaction" summary={t("outreach.logTitle")}>
              <LogInteractionForm />
            </FormDisclosure>
          ) : null}
          <OutreachTimeline entries={timeline.interactions} stageChanges={timeline.stageChanges} canWrite={canOutreach} />
        </section>
      </div>
    </>
  );
}
