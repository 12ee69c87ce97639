import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { PageParamSchema } from "~/shared/rules";
import { prospectsPastRetention, RETENTION_PAGE_SIZE, requirePermission } from "~/features/accounts/index.server";
import { formatDay } from "~/shared/format";
import { can } from "~/shared/permissions";

/** Prospects kept past the retention period, for someone to review or erase (GDPR art. 5(1)(e)). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "privacy:access");
  const page = PageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const found = await prospectsPastRetention(page);
  return json({ ...found, page, pageSize: RETENTION_PAGE_SIZE, canChangeSettings: can(user.role, "settings:manage") });
}

export default function PrivacySettings() {
  const { t, i18n } = useTranslation();
  const { months, cutoff, rows, total, page, pageSize, canChangeSettings } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t("privacy.retentionTitle")}</h2>
      <p className="muted">
        {t("privacy.retentionIntro", { count: months, cutoff: formatDay(i18n.language, cutoff) })}{" "}
        {canChangeSettings ? <Link to="/settings/workspace">{t("privacy.changeRetention")}</Link> : null}
      </p>
      {rows.length === 0 ? (
        <EmptyState>{t("privacy.noneToReview")}</EmptyState>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="sr-only">{t("privacy.retentionTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("privacy.lastActivity")}</th>
                <th scope="col">{t("privacy.lawfulBasis")}</th>
                <th scope="col">{t("privacy.dataSource")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/partners/${row.id}`}>{row.name}</Link>
                  </td>
                  <td>{formatDay(i18n.language, row.lastActivity)}</td>
                  <td>{t(`privacy.bases.${row.lawfulBasis as "consent"}`)}</td>
                  <td>{row.dataSource ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  );
}
