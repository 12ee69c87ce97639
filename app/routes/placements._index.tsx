import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money, SpendStatusBadge } from "~/components/money";
import { campaignOptions, FilterSelect } from "~/components/filter-select";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { StageBadge } from "~/components/partner-badges";
import { searchParamsObject } from "~/domain/partner-list-terms";
import { PlacementListQuerySchema } from "~/domain/spend";
import { placementStatuses } from "~/domain/spend-terms";
import { campaignChoices } from "~/models/campaign.server";
import { listPlacements } from "~/models/placement.server";
import { requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { formatDay } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const query = PlacementListQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const canApprove = can(user.role, "spend:approve");
  const [list, campaigns] = await Promise.all([listPlacements({ ...query, awaitingApprovalBy: query.mine && canApprove ? user.id : undefined }), campaignChoices()]);
  return json({ ...list, query, campaigns, canWrite: can(user.role, "placements:write"), canApprove });
}

export default function Placements() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, query, campaigns, canWrite, canApprove } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={query.mine ? t("placements.awaitingMe") : t("placements.title")}>
        {canWrite ? (
          <>
            <Link to="/placements/new" className="button">
              {t("placements.new")}
            </Link>
            <Link to="/placements/import" className="button button-quiet">
              {t("import.placementsTitle")}
            </Link>
          </>
        ) : null}
        {canApprove ? (
          <Link to="/placements?mine=1" className="button button-quiet">
            {t("placements.awaitingMe")}
          </Link>
        ) : null}
      </PageHeader>
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <FilterSelect id="placement-status" name="status" label={t("common.status")} value={query.status} options={placementStatuses.map((s) => ({ value: s, label: t(`placementStatuses.${s}`) }))} />
        <FilterSelect id="placement-campaign" name="campaignId" label={t("campaigns.campaign")} value={query.campaignId} options={campaignOptions(campaigns, t, i18n.language)} />
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
      </Form>
      {rows.length ? (
        <section className="card">
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("placements.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("placements.placementTitle")}</th>
                  <th scope="col">{t("common.partner")}</th>
                  <th scope="col">{t("campaigns.campaign")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("placements.agreedOn")}</th>
                  <th scope="col" className="numeric">
                    {t("placements.fee")}
                  </th>
                  <th scope="col">{t("placements.proposedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/placements/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>
                      <Link to={`/partners/${p.partner.id}`}>{p.partner.name}</Link> <StageBadge stage={p.partner.stage} />
                    </td>
                    <td>{p.campaign ? <Link to={`/campaigns/${p.campaign.id}`}>{p.campaign.name}</Link> : "—"}</td>
                    <td>
                      <SpendStatusBadge kind="placement" status={p.status} />
                    </td>
                    <td>{formatDay(i18n.language, p.agreedOn)}</td>
                    <td className="numeric">
                      <Money minor={p.feeMinor} currency={p.currency} />
                    </td>
                    <td>{p.proposedBy?.name ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("placements.emptyTitle")}>{query.mine ? t("placements.nothingToApprove") : t("placements.empty")}</EmptyState>
      )}
    </>
  );
}
