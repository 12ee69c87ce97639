import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditChanges } from "~/components/audit-changes";
import { Pagination } from "~/components/pagination";
import { requirePermission } from "~/features/accounts/index.server";
import { PageParamSchema } from "~/shared/rules";
import { formatDateTime } from "~/shared/format";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "~/utils/audit.server";

/** The history tab: every change to the partner, newest first, for those who may read the audit trail. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const page = PageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const found = await listAuditEvents({ entityType: "Partner", entityId: params.partnerId ?? "", page });
  return json({ history: { ...found, page, pageSize: AUDIT_PAGE_SIZE } });
}

export default function PartnerHistory() {
  const { t, i18n } = useTranslation();
  const { history } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t("partners.tabs.history")}</h2>
      {history.events.length === 0 ? (
        <p className="muted">{t("audit.empty")}</p>
      ) : (
        <ol className="timeline">
          {history.events.map((event) => (
            <li key={event.id} className="timeline-item">
              <p className="timeline-meta">
                <strong>{t(`audit.actions.${event.action}` as "audit.actions.partner.update", { defaultValue: event.action })}</strong> ·{" "}
                {event.actor?.name ?? t("audit.system")} · {formatDateTime(i18n.language, event.createdAt)}
              </p>
              <AuditChanges before={event.before} after={event.after} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={history.page} pageSize={history.pageSize} total={history.total} />
    </section>
  );
}
