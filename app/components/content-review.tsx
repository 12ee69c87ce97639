import { useTranslation } from "react-i18next";
import type { DiffPart } from "~/domain/text-diff";

const statusTone: Record<string, string> = {
  in_review: "badge-stage",
  changes_requested: "badge-warning",
  approved: "badge-ok",
  published: "badge-muted",
};

export function ContentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${statusTone[status] ?? "badge-muted"}`}>{t(`contentStatuses.${status as "in_review"}`)}</span>;
}

/** What changed between the approved draft and the live post: removed words struck, added words marked. */
export function TextDiff({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <p className="prewrap text-diff" data-testid="text-diff">
      {parts.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={index} title={t("content.removedAfterApproval")}>
            {part.text}
          </del>
        ) : (
          <ins key={index} title={t("content.addedAfterApproval")}>
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}
