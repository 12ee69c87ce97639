import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { usePollWhile } from "~/components/use-poll-while";
import { type MailFilingSummary, MailFilingResult, useMailPageStrings } from "~/features/mail";
import { useTranslation } from "react-i18next";
import { useOutsidePageStrings } from "~/features/attribution";
import { FormMessage } from "~/components/form-message";
import { PageHeader } from "~/components/page";
import { jobKindNames, jobReadPermission, jobResultHref, type JobKindName } from "~/shared/job-terms";
import { getJob } from "~/utils/jobs.server";
import { requireCan, requireUser } from "~/features/accounts/index.server";
import { formatDateTime, formatNumber, formatPercent } from "~/shared/format";
import { notFound, recordIdParam } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Job" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const job = await getJob(recordIdParam(params.jobId));
  if (!job || !(jobKindNames as readonly string[]).includes(job.kind)) notFound();
  requireCan(user, jobReadPermission[job.kind as JobKindName]);
  return json(
    {
      job: {
        id: job.id,
        kind: job.kind as JobKindName,
        status: job.status,
        done: job.done,
        total: job.total,
        error: job.error,
        attempts: job.attempts,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt,
        createdBy: job.createdBy?.name ?? null,
        resultHref: job.status === "succeeded" ? jobResultHref(job.kind, job.result) : null,
        importSummary:
          job.status === "succeeded" && job.kind === "partners.import"
            ? (job.result as unknown as Record<"new" | "updated" | "unchanged" | "duplicate" | "rejected", number>)
            : null,
        mailSummary:
          job.status === "succeeded" && job.kind.startsWith("mail.") && job.kind !== "mail.send"
            ? (job.result as unknown as MailFilingSummary)
            : null,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const POLL_MS = 1000;

/** A long job's progress: done of total, kept on the server, so a reload finds it where it is. */
export default function JobPage() {
  useMailPageStrings();
  // A feed's or a snapshot's failure names the fetcher's reason.
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { job } = useLoaderData<typeof loader>();
  const running = job.status === "queued" || job.status === "running";
  usePollWhile(running, POLL_MS);
  const progressText = t("jobs.progressText", {
    done: formatNumber(i18n.language, job.done),
    total: job.total === null ? "?" : formatNumber(i18n.language, job.total),
  });
  const percent = job.total ? Math.min(100, (job.done / job.total) * 100) : job.status === "succeeded" ? 100 : 0;
  return (
    <>
      {/* Without JavaScript the page reloads itself while the job runs. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <PageHeader title={t(`jobs.kinds.${job.kind.replace(".", "_") as "disclosure_recheck"}`)} />
      <section className="card" aria-labelledby="job-status">
        <h2 id="job-status">{t(`jobs.status.${job.status}`)}</h2>
        <progress className="job-progress" max={100} value={percent} aria-label={t("jobs.progress")} aria-valuetext={progressText} />
        <p role="status" aria-live="polite">
          {progressText}
          {" · "}
          {formatPercent(i18n.language, percent)}
        </p>
        <p className="hint">
          {t("jobs.startedBy", { name: job.createdBy ?? "—", date: formatDateTime(i18n.language, job.createdAt) })}
          {job.attempts > 1 ? ` · ${t("jobs.attempts", { count: job.attempts })}` : ""}
        </p>
        {job.status === "failed" ? (
          <p className="form-errors" role="alert">
            <FormMessage message={job.error ?? "jobs.failedUnexpectedly"} />
          </p>
        ) : job.status === "queued" && job.error ? (
          <p className="notice">
            {t("jobs.retrying")} <FormMessage message={job.error} />
          </p>
        ) : null}
        {job.mailSummary ? <MailFilingResult summary={job.mailSummary} /> : null}
        {job.importSummary ? (
          <p data-testid="import-result">
            {t("jobs.importResult", {
              new: formatNumber(i18n.language, job.importSummary.new),
              updated: formatNumber(i18n.language, job.importSummary.updated),
              unchanged: formatNumber(i18n.language, job.importSummary.unchanged),
              duplicate: formatNumber(i18n.language, job.importSummary.duplicate),
              rejected: formatNumber(i18n.language, job.importSummary.rejected),
            })}
          </p>
        ) : null}
        {job.resultHref ? (
          <Link to={job.resultHref} className="button">
            {t("jobs.seeResult")}
          </Link>
        ) : null}
      </section>
    </>
  );
}
