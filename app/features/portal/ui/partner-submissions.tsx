import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/page";
import { SubmissionRow } from "./content-status";

interface PartnerSubmission {
  id: string;
  status: string;
  platform: string;
  updatedAt: string;
  gift: { itemName: string } | null;
  placement: { title: string } | null;
}

/** What the partner sent from the portal, linking to the review page. */
export function PartnerSubmissions({ submissions }: { submissions: PartnerSubmission[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="submissions-title">
      <h2 id="submissions-title">{t("content.partnerSectionTitle")}</h2>
      {submissions.length === 0 ? (
        <EmptyState>{t("content.partnerNone")}</EmptyState>
      ) : (
        <ul className="plain-list">
          {submissions.map((submission) => (
            <SubmissionRow
              key={submission.id}
              submission={submission}
              href={`/content/${submission.id}`}
              label={submission.placement?.title ?? submission.gift?.itemName ?? ""}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
