import { useTranslation } from "react-i18next";
import type { DraftCheck } from "~/features/compliance";
import { formatDateTime, formatDay, formatNumber } from "~/shared/format";
import { DraftCheckPanel } from "./content-draft";
import { TextDiff } from "~/components/text-diff";

export { TextDiff };

interface VersionView {
  id: string;
  number: number;
  text: string;
  plannedOn: string;
  createdAt: string;
  checks: unknown;
  files: { id: string; fileName: string; byteSize: number }[];
  reviews: {
    side: "community" | "compliance";
    decision: "approved" | "changes_requested";
    comment: string | null;
    createdAt: string;
    reviewer?: { name: string };
  }[];
}

/**
 * One version of a submission, as the team or the partner sees it: the text, what the checker
 * said, its files and the decisions on it (the partner is not told who decided).
 */
export function ContentVersionItem({ version, audience }: { version: VersionView; audience: "staff" | "partner" }) {
  const { t, i18n } = useTranslation();
  const filesAt = audience === "staff" ? "/files" : "/portal/files";
  return (
    <li className="portal-item">
      <h3>
        {t("content.versionTitle", { number: String(version.number) })}{" "}
        <span className="muted text-sm">
          {t("portal.content.plannedFor", { date: formatDay(i18n.language, version.plannedOn) })}
          {audience === "staff" ? ` · ${t("content.submittedAt", { date: formatDateTime(i18n.language, version.createdAt) })}` : ""}
        </span>
      </h3>
      <p className="prewrap">{version.text}</p>
      <DraftCheckPanel checks={(version.checks as { results: DraftCheck[] }).results} />
      {version.files.length ? (
        <ul className="hint">
          {version.files.map((file) => (
            <li key={file.id}>
              <a href={`${filesAt}/${file.id}`}>{file.fileName}</a> ({formatNumber(i18n.language, Math.ceil(file.byteSize / 1024))} KB)
            </li>
          ))}
        </ul>
      ) : null}
      {version.reviews.map((review, index) => (
        <div key={index} className={review.decision === "approved" ? "notice notice-success" : "notice notice-warning"}>
          <p className="m-0">
            <strong>
              {audience === "staff"
                ? `${t(`content.side.${review.side}`)}: ${t(`content.decisions.${review.decision}`)}`
                : t(`portal.content.decision.${review.side}.${review.decision}`)}
            </strong>{" "}
            <span className="text-sm">
              {review.reviewer ? `${review.reviewer.name} · ` : ""}
              {formatDay(i18n.language, review.createdAt)}
            </span>
          </p>
          {review.comment ? <p className="prewrap m-0">{review.comment}</p> : null}
        </div>
      ))}
    </li>
  );
}

/** A submission's versions, newest first, numbered as sent. */
export function ContentVersionList({
  versions,
  audience,
  title,
}: {
  versions: VersionView[];
  audience: "staff" | "partner";
  title: string;
}) {
  return (
    <section className="card" aria-labelledby="versions">
      <h2 id="versions">{title}</h2>
      <ol className="plain-list portal-list" reversed>
        {versions.map((version) => (
          <ContentVersionItem key={version.id} version={version} audience={audience} />
        ))}
      </ol>
    </section>
  );
}
