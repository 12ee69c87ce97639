import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { AuditFilterSchema } from "~/features/accounts";
import { AUDIT_PAGE_SIZE, auditFilterOptions, listAuditEvents } from "~/utils/audit.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDateTime } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const parsed = AuditFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw json({ message: "errors.invalidDate" }, { status: 400 });
  const filters = parsed.data;
  const toDay = (value?: string) => (value ? new Date(`${value}T00:00:00Z`) : undefined);
  const [{ events, total }, options] = await Promise.all([
    listAuditEvents({ ...filters, from: toDay(filters.from), to: toDay(filters.to) }),
    auditFilterOptions(),
  ]);
  return json({ events, total, filters, options, pageSize: AUDIT_PAGE_SIZE });
}

function JsonValue({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  // Long values scroll; tabIndex lets keyboard users scroll them too.
  return (
    <pre className="json" tabIndex={0} aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditTrail() {
  const { t, i18n } = useTranslation();
  const { events, total, filters, options, pageSize } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <section className="card">
      <h2>{t("audit.title")}</h2>
      <p className="muted">{t("audit.intro")}</p>
      <Form method="get" className="filters" aria-busy={navigation.state === "loading"}>
        <div className="field">
          <label htmlFor="audit-entity">{t("audit.entity")}</label>
          <select id="audit-entity" name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">{t("audit.entityId")}</label>
          <input id="audit-entity-id" name="entityId" defaultValue={filters.entityId ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("audit.actor")}</label>
          <select id="audit-actor" name="actorId" defaultValue={filters.actorId ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("audit.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("audit.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("common.apply")}
          </button>
        </div>
      </Form>
      {events.length === 0 ? (
        <EmptyState>{t("audit.empty")}</EmptyState>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.before")}</th>
                <th scope="col">{t("audit.after")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(i18n.language, event.createdAt)}</td>
                  <td>{event.actor?.name ?? t("audit.system")}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>
                    {event.entityType} <code>{event.entityId}</code>
                  </td>
                  <td>
                    <JsonValue value={event.before} label={`${t("audit.before")}: ${event.action}`} />
                  </td>
                  <td>
                    <JsonValue value={event.after} label={`${t("audit.after")}: ${event.action}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageSize={pageSize} total={total} />
    </section>
  );
}
