import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDay } from "~/shared/format";

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

interface SubmissionRowView {
  id: string;
  status: string;
  platform: string;
  updatedAt: string;
  gift: { itemName: string } | null;
  placement: { title: string } | null;
}

/** A submission in a list: what it is about, where, when, and its status. */
export function SubmissionRow({ submission, href, label }: { submission: SubmissionRowView; href: string; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <Link to={href}>{label}</Link>
      <span className="flex gap-2 items-center">
        <span className="muted text-sm">
          {t(`platforms.${submission.platform as "blog"}`)} · {formatDay(i18n.language, submission.updatedAt)}
        </span>
        <ContentStatusBadge status={submission.status} />
      </span>
    </li>
  );
}
