import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { ContentVersionList, TextDiff, ContentStatusBadge, ContentReviewSchema } from "~/features/portal";
import { TextAreaField } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { textDiff } from "~/shared/text-diff";
import { contentSubmissionForStaff, reviewContent } from "~/features/portal/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { can, reviewSideFor } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Content review" }];

function submissionId(params: { submissionId?: string }) {
  return recordIdParam(params.submissionId);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "coverage:read");
  const submission = await contentSubmissionForStaff(submissionId(params));
  if (!submission) notFound();
  const latest = submission.versions[0];
  const taken = latest.reviews.map((review) => review.side);
  const side = can(user.role, "content:review") && submission.status === "in_review" ? reviewSideFor(user.role, taken) : null;
  const alreadyReviewed = latest.reviews.some((review) => review.reviewer.id === user.id);
  const approved = submission.versions.find((version) => version.number === submission.approvedVersion);
  const diff = approved && submission.coverageItem ? textDiff(approved.text, submission.coverageItem.text) : null;
  return json({ submission, side: side && !taken.includes(side) && !alreadyReviewed ? side : null, alreadyReviewed, diff });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content:review");
  const id = submissionId(params);
  return handleForm(await request.formData(), ContentReviewSchema, async (value) => {
    const { status } = await reviewContent(user, id, value);
    return redirectWithToast(`/content/${id}`, { kind: "success", message: `content.decided.${status}` });
  });
}

function ContentReviewForm({ version, side }: { version: number; side: "community" | "compliance" }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useServerForm("contentReview", { id: "content-review", lastResult: useFormResult("content-review") });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="formId" value="content-review" />
      <input type="hidden" name="version" value={version} />
      <p className="hint">{t(`content.reviewAs.${side}`)}</p>
      <TextAreaField field={fields.comment} label={t("content.comment")} hint={t("content.commentHint")} rows={3} />
      <div className="form-actions">
        <button type="submit" name={fields.decision.name} value="approved" className="button" disabled={busy}>
          {t("content.approve")}
        </button>
        <button type="submit" name={fields.decision.name} value="changes_requested" className="button button-quiet" disabled={busy}>
          {t("content.requestChanges")}
        </button>
      </div>
    </ConformForm>
  );
}

export default function ContentSubmissionPage() {
  const { t } = useTranslation();
  const { submission, side, alreadyReviewed, diff } = useLoaderData<typeof loader>();
  const latest = submission.versions[0];
  return (
    <>
      <PageHeader title={t("content.pageTitle", { partner: submission.partner.name })}>
        <ContentStatusBadge status={submission.status} />
      </PageHeader>
      <p>
        <Link to={`/partners/${submission.partner.id}`}>{submission.partner.name}</Link>
        {" · "}
        {submission.placement ? (
          <Link to={`/placements/${submission.placement.id}`}>{submission.placement.title}</Link>
        ) : submission.gift ? (
          <Link to={`/gifts/${submission.gift.id}`}>{submission.gift.itemName}</Link>
        ) : null}
        {" · "}
        {t(`platforms.${submission.platform}`)}
      </p>
      {submission.coverageItem ? (
        <section className="card" aria-labelledby="live-post">
          <h2 id="live-post">{t("content.livePost")}</h2>
          {submission.weakenedAfterApproval ? (
            <p className="form-errors" role="alert">
              {t("content.weakenedExplained")}
            </p>
          ) : null}
          <p>
            <Link to={`/coverage/${submission.coverageItem.id}`}>{submission.coverageItem.url}</Link>
          </p>
          {diff ? (
            <>
              <h3>{t("content.diffTitle", { number: String(submission.approvedVersion) })}</h3>
              <TextDiff parts={diff} />
            </>
          ) : null}
        </section>
      ) : null}
      {side ? (
        <section className="card" aria-labelledby="decide">
          <h2 id="decide">{t("content.decideTitle", { number: String(latest.number) })}</h2>
          <ContentReviewForm version={latest.number} side={side} />
        </section>
      ) : submission.status === "in_review" && alreadyReviewed ? (
        <p className="notice">{t("content.waitingForOther")}</p>
      ) : null}
      <ContentVersionList versions={submission.versions} audience="staff" title={t("content.versions")} />
    </>
  );
}
