import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArchivableListQuerySchema } from "~/shared/rules";
import { Money } from "~/components/money";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { listCampaigns } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";
import { formatDay } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const query = ArchivableListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ ...(await listCampaigns(query)), archived: query.archived, canWrite: can(user.role, "campaigns:write") });
}

export default function Campaigns() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, archived, canWrite } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("campaigns.title")}>
        {canWrite ? (
          <Link to="/campaigns/new" className="button">
            {t("campaigns.new")}
          </Link>
        ) : null}
        <Link to={archived ? "/campaigns" : "/campaigns?archived=1"} className="button button-quiet">
          {archived ? t("campaigns.showCurrent") : t("campaigns.showArchived")}
        </Link>
      </PageHeader>
      {rows.length ? (
        <section className="card">
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("campaigns.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("campaigns.name")}</th>
                  <th scope="col">{t("campaigns.dates")}</th>
                  <th scope="col" className="numeric">
                    {t("campaigns.budget")}
                  </th>
                  <th scope="col">{t("campaigns.jurisdictions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                    </td>
                    <td>
                      {c.startsOn ? formatDay(i18n.language, c.startsOn) : "—"} → {c.endsOn ? formatDay(i18n.language, c.endsOn) : "—"}
                    </td>
                    <td className="numeric">{c.budgetMinor !== null ? <Money minor={c.budgetMinor} currency={c.currency} /> : "—"}</td>
                    <td>{c.jurisdictions.join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("campaigns.emptyTitle")}>{t("campaigns.empty")}</EmptyState>
      )}
    </>
  );
}
