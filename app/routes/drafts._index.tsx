import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, PageHeader } from "~/components/page";
import { draftsInReview } from "~/features/outreach/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDate } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outreach:review");
  return json({ drafts: await draftsInReview() });
}

export default function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const { drafts } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("outreach.reviewQueue")} />
      {drafts.length === 0 ? (
        <EmptyState>{t("outreach.reviewEmpty")}</EmptyState>
      ) : (
        <ul className="plain-list card">
          {drafts.map((draft) => (
            <li key={draft.id}>
              <span>
                <Link to={`/drafts/${draft.id}`}>
                  {t(`draftKinds.${draft.kind}`)} · {draft.partner.name}: {draft.subject ?? t("outreach.noSubject")}
                </Link>
                <br />
                <span className="muted">
                  {draft.author.name} · {t("outreach.waitingSince", { date: formatDate(i18n.language, draft.updatedAt) })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
