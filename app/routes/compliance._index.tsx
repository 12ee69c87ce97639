import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerdictBadge, QueueQuerySchema, reasonCodes } from "~/features/compliance";
import { disclosureJurisdictions, disclosurePlatforms } from "~/shared/disclosure-terms";
import { campaignOptions, FilterSelect } from "~/components/filter-select";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { searchParamsObject } from "~/features/partners";
import { campaignChoices } from "~/features/spend/index.server";
import { listQueue } from "~/features/compliance/index.server";
import { partnersByIds } from "~/features/partners/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDay } from "~/shared/format";
import { can } from "~/shared/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const query = QueueQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const [queue, campaigns, [partner]] = await Promise.all([
    listQueue(query),
    campaignChoices(),
    partnersByIds(query.partnerId ? [query.partnerId] : []),
  ]);
  return json({ ...queue, query, campaigns, partner: partner ?? null, canEditRules: can(user.role, "compliance:rules") });
}

const failingReasons = reasonCodes.filter(
  (code) => code !== "NOT_REQUIRED" && code !== "PROMINENT_MARKER" && code !== "PLATFORM_LABEL_ACCEPTED",
);

export default function ComplianceQueue() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, query, campaigns, partner, canEditRules } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("compliance.queueTitle")}>
        <Link to="/compliance/summary" className="button button-quiet">
          {t("compliance.summaryTitle")}
        </Link>
        {canEditRules ? (
          <Link to="/compliance/rules" className="button button-quiet">
            {t("compliance.rulesTitle")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="hint">{t("compliance.queueIntro")}</p>
      <Form method="get" className="filters card" aria-label={t("common.filters")}>
        <FilterSelect
          allLabel={t("filterAll.jurisdiction")}
          id="queue-jurisdiction"
          name="jurisdiction"
          label={t("coverage.jurisdiction")}
          value={query.jurisdiction}
          options={disclosureJurisdictions.map((code) => ({ value: code, label: code }))}
        />
        <FilterSelect
          allLabel={t("filterAll.platform")}
          id="queue-platform"
          name="platform"
          label={t("coverage.platform")}
          value={query.platform}
          options={disclosurePlatforms.map((p) => ({ value: p, label: t(`platforms.${p}`) }))}
        />
        <FilterSelect
          allLabel={t("filterAll.campaign")}
          id="queue-campaign"
          name="campaignId"
          label={t("campaigns.campaign")}
          value={query.campaignId}
          options={campaignOptions(campaigns, t, i18n.language)}
        />
        <FilterSelect
          allLabel={t("filterAll.reason")}
          id="queue-reason"
          name="reason"
          label={t("compliance.reason")}
          value={query.reason}
          options={failingReasons.map((code) => ({ value: code, label: t(`reasons.${code}.title`) }))}
        />
        <div className="field">
          <label htmlFor="queue-order">{t("common.sort")}</label>
          <select id="queue-order" name="order" defaultValue={query.order}>
            <option value="oldest">{t("compliance.oldestFirst")}</option>
            <option value="newest">{t("compliance.newestFirst")}</option>
          </select>
        </div>
        {query.partnerId ? <input type="hidden" name="partnerId" value={query.partnerId} /> : null}
        <button type="submit" className="button button-quiet">
          {t("common.apply")}
        </button>
        {partner ? (
          <p>
            {t("compliance.onlyPartner", { name: partner.name })} <Link to="/compliance">{t("compliance.allPartners")}</Link>
          </p>
        ) : null}
      </Form>
      {rows.length ? (
        <section className="card">
          <p role="status">{t("compliance.queueCount", { count: total })}</p>
          <div className="table-wrap" tabIndex={0}>
            <table className="phone-cards">
              <caption className="visually-hidden">{t("compliance.queueTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("coverage.publishedOn")}</th>
                  <th scope="col">{t("coverage.item")}</th>
                  <th scope="col">{t("common.partner")}</th>
                  <th scope="col">{t("coverage.jurisdiction")}</th>
                  <th scope="col">{t("coverage.verdict")}</th>
                  <th scope="col">{t("compliance.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td data-label={t("coverage.publishedOn")}>{formatDay(i18n.language, row.publishedOn)}</td>
                    <td className="card-title">
                      <Link to={`/coverage/${row.coverageItem.id}?j=${row.jurisdiction}`}>
                        {row.coverageItem.title ?? row.coverageItem.url}
                      </Link>{" "}
                      <span className="muted">{t(`platforms.${row.platform}`)}</span>
                      {row.snapshotId ? (
                        <div className="hint">
                          <Link to={`/coverage/${row.coverageItem.id}/snapshots/${row.snapshotId}`}>{t("compliance.seeSnapshot")}</Link>
                        </div>
                      ) : row.supersedesId ? (
                        <div className="hint">{t("compliance.backAfterChange")}</div>
                      ) : null}
                    </td>
                    <td data-label={t("common.partner")}>
                      <Link to={`/partners/${row.coverageItem.partner.id}`}>{row.coverageItem.partner.name}</Link>
                      {row.coverageItem.campaign ? <div className="hint">{row.coverageItem.campaign.name}</div> : null}
                    </td>
                    <td data-label={t("coverage.jurisdiction")}>
                      {row.jurisdiction}
                      {row.jurisdictionSource === "default" ? <div className="hint">{t("compliance.byDefault")}</div> : null}
                    </td>
                    <td className="card-first" data-label={t("coverage.verdict")}>
                      <VerdictBadge verdict={row.verdict} />
                    </td>
                    <td className="card-first" data-label={t("compliance.reason")}>
                      {row.reasons.map((reason) => t(`reasons.${reason}.title` as "reasons.NO_DISCLOSURE.title")).join(" · ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      ) : (
        <EmptyState title={t("compliance.queueEmptyTitle")}>{t("compliance.queueEmpty")}</EmptyState>
      )}
    </>
  );
}
