import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import {
  ContentDraftForm,
  ContentVersionList,
  ContentStatusBadge,
  ContentVersionSchema,
  PublishedPostSchema,
  contentTargetValue,
  reportedMetrics,
} from "~/features/portal";
import { CheckboxField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { acceptFor, uploadPurposes } from "~/shared/uploads";
import { draftFormContext, portalSubmission, reportPublished, resubmitContent, requirePortalVisitor } from "~/features/portal/index.server";
import { handleForm, refuseForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";
import { readPortalForm } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = recordIdParam(params.submissionId);
  const submission = await portalSubmission(visitor.partnerId, id);
  if (!submission) notFound();
  const form = submission.status === "changes_requested" ? await draftFormContext(visitor.partnerId) : null;
  return json({ submission, form });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = recordIdParam(params.submissionId);
  const step = new URL(request.url).searchParams.get("step");
  if (step === "published") {
    const read = await readPortalForm(request, { evidence: "metrics_evidence" });
    if (!read.ok) return refuseForm(read.formData, PublishedPostSchema, read.message, read.status);
    return handleForm(read.formData, PublishedPostSchema, async (value) => {
      await reportPublished(visitor, id, value, read.files.evidence);
      return redirectWithToast(`/portal/content/${id}`, { kind: "success", message: "portal.content.publishedSaved" });
    });
  }
  if (step !== "version") notFound();
  const read = await readPortalForm(request, { media: "draft_media" });
  if (!read.ok) return refuseForm(read.formData, ContentVersionSchema, read.message, read.status);
  return handleForm(read.formData, ContentVersionSchema, async (value) => {
    await resubmitContent(visitor, id, value, read.files.media);
    return redirectWithToast(`/portal/content/${id}`, { kind: "success", message: "portal.content.submitted" });
  });
}

type Submission = ReturnType<typeof useLoaderData<typeof loader>>["submission"];

const acceptEvidence = acceptFor("metrics_evidence");

/** The live post, its text as published, and the statistics the partner can report, with a screenshot as evidence. */
function PublishedForm({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const formId = "published-post";
  const approved = submission.versions.find((version) => version.number === submission.approvedVersion);
  const [form, fields] = useServerForm("publishedPost", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: { text: approved?.text ?? "" },
  });
  return (
    <ConformForm form={form} action="?step=published" encType="multipart/form-data">
      <input type="hidden" name="formId" value={formId} />
      <div className="form-grid">
        <TextField field={fields.url} label={t("portal.content.liveUrl")} type="url" />
        <TextField field={fields.publishedOn} label={t("coverage.publishedOn")} type="date" />
      </div>
      <TextAreaField field={fields.text} label={t("portal.content.publishedText")} hint={t("portal.content.publishedTextHint")} rows={6} />
      <CheckboxField field={fields.platformLabel} label={t("portal.content.platformLabel")} />
      <fieldset className="fieldset">
        <legend>{t("portal.content.metrics")}</legend>
        <div className="form-grid">
          {reportedMetrics.map((name) => (
            <TextField key={name} field={fields[name]} label={t(`metrics.${name}`)} inputMode="numeric" />
          ))}
        </div>
        <div className="field">
          <label htmlFor="evidence">{t("portal.content.evidence")}</label>
          <input id="evidence" name="evidence" type="file" accept={acceptEvidence} aria-describedby="evidence-hint" />
          <p id="evidence-hint" className="hint">
            {t("portal.content.evidenceHint", { size: String(uploadPurposes.metrics_evidence.maxBytes / 1024 / 1024) })}
          </p>
        </div>
      </fieldset>
      <SubmitButton busy={navigation.state === "submitting"}>{t("portal.content.reportPublished")}</SubmitButton>
    </ConformForm>
  );
}

export default function PortalSubmission() {
  const { t } = useTranslation();
  const { submission, form } = useLoaderData<typeof loader>();
  const latest = submission.versions[0];
  const forWhat = submission.placement?.title ?? submission.gift?.itemName ?? "";
  return (
    <>
      <p>
        <Link to="/portal">{t("portal.back")}</Link>
      </p>
      <div className="portal-item-head">
        <h1>{t("portal.content.title", { what: forWhat })}</h1>
        <ContentStatusBadge status={submission.status} />
      </div>
      <p role="status" className="notice">
        {t(`portal.content.statusHelp.${submission.status}`)}
      </p>
      {submission.status === "changes_requested" && form ? (
        <section className="card" aria-labelledby="new-version">
          <h2 id="new-version">{t("portal.content.newVersion")}</h2>
          <ContentDraftForm
            targets={form.targets}
            ruleSets={form.ruleSets}
            fixedTarget={
              submission.placementId
                ? contentTargetValue("placement", submission.placementId)
                : contentTargetValue("gift", submission.giftId ?? "")
            }
            defaultValue={{ platform: submission.platform, text: latest.text, plannedOn: latest.plannedOn.slice(0, 10) }}
            action="?step=version"
          />
        </section>
      ) : null}
      {submission.status === "approved" ? (
        <section className="card" aria-labelledby="published">
          <h2 id="published">{t("portal.content.publishedTitle")}</h2>
          <p className="hint">{t("portal.content.publishedIntro")}</p>
          <PublishedForm submission={submission} />
        </section>
      ) : null}
      <ContentVersionList versions={submission.versions} audience="partner" title={t("portal.content.versions")} />
    </>
  );
}
