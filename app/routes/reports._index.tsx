import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page";
import { campaignChoices } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:read");
  return json({ campaigns: await campaignChoices(), canCompliance: can(user.role, "compliance:read") });
}

export default function Reports() {
  const { t } = useTranslation();
  const { campaigns, canCompliance } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("reports.title")} />
      <div className="panels">
        <section className="card">
          <h2>
            <Link to="/reports/cost-benefit">{t("costBenefit.rankingTitle")}</Link>
          </h2>
          <p>{t("reports.rankingIntro")}</p>
        </section>
        <section className="card">
          <h2>
            <Link to="/reports/monthly">{t("monthly.short")}</Link>
          </h2>
          <p>{t("reports.monthlyIntro")}</p>
        </section>
        <section className="card">
          <h2>
            <Link to="/spend">{t("spend.title")}</Link>
          </h2>
          <p>{t("reports.spendIntro")}</p>
        </section>
        {canCompliance ? (
          <section className="card">
            <h2>
              <Link to="/compliance/summary">{t("compliance.summaryTitle")}</Link>
            </h2>
            <p>{t("reports.complianceIntro")}</p>
          </section>
        ) : null}
        <section className="card">
          <h2>{t("reports.campaignsTitle")}</h2>
          {campaigns.length ? (
            <ul className="plain-list">
              {campaigns.map((c) => (
                <li key={c.id}>
                  <Link to={`/campaigns/${c.id}#results`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t("reports.noCampaigns")}</p>
          )}
        </section>
      </div>
    </>
  );
}
