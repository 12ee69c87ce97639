import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money, SpendStatusBadge } from "~/components/money";
import { campaignOptions, FilterSelect } from "~/components/filter-select";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { StageBadge } from "~/components/partner-badges";
import { giftValueMinor } from "~/domain/money";
import { searchParamsObject } from "~/domain/partner-list-terms";
import { GiftListQuerySchema } from "~/domain/spend";
import { giftStatuses } from "~/domain/spend-terms";
import { campaignChoices } from "~/models/campaign.server";
import { listGifts } from "~/models/gift.server";
import { getSettings } from "~/models/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { formatDay } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "gifts:read");
  const query = GiftListQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const [list, campaigns, settings] = await Promise.all([listGifts(query), campaignChoices(), getSettings()]);
  return json({ ...list, query, campaigns, basis: settings.giftValuationBasis, canWrite: can(user.role, "gifts:write"), canRecordCoverage: can(user.role, "coverage:write") });
}

export default function Gifts() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, query, campaigns, basis, canWrite, canRecordCoverage } = useLoaderData<typeof loader>();
  const waiting = query.waitingDays !== undefined;
  return (
    <>
      <PageHeader title={waiting ? t("gifts.waitingTitle", { days: String(query.waitingDays) }) : t("gifts.title")}>
        {canWrite ? (
          <>
            <Link to="/gifts/new" className="button">
              {t("gifts.new")}
            </Link>
            <Link to="/gifts/import" className="button button-quiet">
              {t("import.giftsTitle")}
            </Link>
          </>
        ) : null}
        <Link to="/products" className="button button-quiet">
          {t("products.title")}
        </Link>
      </PageHeader>
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <FilterSelect id="gift-status" name="status" label={t("common.status")} value={query.status} options={giftStatuses.map((s) => ({ value: s, label: t(`giftStatuses.${s}`) }))} />
        <FilterSelect id="gift-campaign" name="campaignId" label={t("campaigns.campaign")} value={query.campaignId} options={campaignOptions(campaigns, t, i18n.language)} />
        <div className="field">
          <label htmlFor="gift-waiting">{t("gifts.waitingDays")}</label>
          <input id="gift-waiting" name="waitingDays" type="number" min={0} max={3650} inputMode="numeric" defaultValue={query.waitingDays ?? ""} />
        </div>
        {query.partnerId ? <input type="hidden" name="partnerId" value={query.partnerId} /> : null}
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
        <Link to="/gifts?waitingDays=30">{t("gifts.waitingLink")}</Link>
      </Form>
      {query.batch ? (
        <p className="notice" role="status">
          {t("gifts.batchShown")} <Link to="/gifts">{t("gifts.showAll")}</Link>
        </p>
      ) : null}
      {rows.length ? (
        <section className="card">
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("gifts.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gifts.item")}</th>
                  <th scope="col">{t("common.partner")}</th>
                  <th scope="col">{t("campaigns.campaign")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("gifts.shippedOn")}</th>
                  <th scope="col" className="numeric">
                    {t("gifts.value")} ({t(`money.basis.${basis}`)})
                  </th>
                  {waiting ? <th scope="col">{t("gifts.expectedReturn")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((gift) => (
                  <tr key={gift.id}>
                    <td>
                      <Link to={`/gifts/${gift.id}`}>
                        {gift.quantity} × {gift.itemName}
                      </Link>
                    </td>
                    <td>
                      <Link to={`/partners/${gift.partner.id}`}>{gift.partner.name}</Link> <StageBadge stage={gift.partner.stage} />
                    </td>
                    <td>{gift.campaign ? <Link to={`/campaigns/${gift.campaign.id}`}>{gift.campaign.name}</Link> : "—"}</td>
                    <td>
                      <SpendStatusBadge kind="gift" status={gift.status} />
                    </td>
                    <td>{gift.shippedOn ? formatDay(i18n.language, gift.shippedOn) : "—"}</td>
                    <td className="numeric">
                      <Money minor={giftValueMinor(gift, basis)} currency={gift.currency} />
                    </td>
                    {waiting ? (
                      <td>
                        {gift.expectedReturn ?? "—"}
                        {canRecordCoverage ? (
                          <div>
                            <Link to={`/coverage/new?partnerId=${gift.partner.id}&giftId=${gift.id}`}>{t("gifts.recordCoverage")}</Link>
                          </div>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("gifts.emptyTitle")}>{waiting ? t("gifts.nothingWaiting") : t("gifts.empty")}</EmptyState>
      )}
    </>
  );
}
