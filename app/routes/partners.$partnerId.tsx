import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Tabs } from "~/components/tabs";
import { Form, Link, NavLink, Outlet, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ArchivedBadge,
  isDoNotContact,
  partnerIntentAction,
  partnerTabPath,
  StageBadge,
  type PartnerIntentOf,
  type PartnerTab,
} from "~/features/partners";
import { ConfirmSubmitButton } from "~/components/form-fields";
import { ActionError } from "~/components/form-message";
import { PageHeader } from "~/components/page";
import { CountOrUnknown, KpiValue, MoneyOrUnknown, presetPeriod } from "~/features/reports";
import { partnerTasks } from "~/features/outreach/index.server";
import { getPartnerPage, setPartnerArchived } from "~/features/partners/index.server";
import { partnerDisclosureRecord } from "~/features/compliance/index.server";
import { metricsContext, partnerCostBenefit } from "~/features/reports/index.server";
import { requirePermission, runIntent, type IntentTable } from "~/features/accounts/index.server";
import { isoDay } from "~/shared/days";
import { formatDay, formatNumber } from "~/shared/format";
import { can } from "~/shared/permissions";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.partner.name} · PartnerLedger` : "PartnerLedger" }];

/**
 * What every section of the partner page shows: the header, the banners, the figures at a glance
 * and the tabs. Each tab is a child route that loads only what it shows; this loader does not run
 * again when the reader moves between tabs.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  const lastYear = presetPeriod("12m", isoDay(new Date()));
  const contextRead = metricsContext();
  const [partner, context, tasks, disclosureRecord, yearFigures] = await Promise.all([
    getPartnerPage(partnerId),
    contextRead,
    partnerTasks(partnerId),
    partnerDisclosureRecord(partnerId),
    contextRead.then((read) => partnerCostBenefit(partnerId, lastYear, read)),
  ]);
  if (!partner) notFound();
  const { mergedInto, ...partnerFields } = partner;
  // partnerTasks lists open follow-ups first, soonest due first.
  const nextFollowUp = tasks.find((task) => !task.completedAt) ?? null;
  return json({
    partner: partnerFields,
    mergedInto,
    glance: {
      costMinor: yearFigures.total.costMinor,
      roi: yearFigures.total.ratios.roi,
      openIssues: disclosureRecord.openIssueCount,
      nextFollowUp: nextFollowUp ? { title: nextFollowUp.title, dueOn: nextFollowUp.dueOn } : null,
    },
    // The outreach, coverage and cost-benefit tabs show these in full; they are read here once.
    tasks,
    disclosureRecord,
    lastYear,
    yearFigures,
    currency: context.currency,
    canWrite: can(user.role, "partners:write"),
    canSeeHistory: can(user.role, "audit:read"),
  });
}

type PartnerRef = { partnerId: string };

async function setArchived(userId: string, partnerId: string, archived: boolean) {
  if (!(await setPartnerArchived(userId, partnerId, archived))) notFound();
  return redirectWithToast(partnerTabPath(partnerId, "overview"), {
    kind: "success",
    message: archived ? "partners.archived" : "partners.restored",
  });
}

/** The header's buttons. No calls in here: the browser build drops this table with the action only if it has none. */
const intents: IntentTable<PartnerIntentOf<"header">, PartnerRef> = {
  archive: { permission: "partners:write", handle: (user, { partnerId }) => setArchived(user.id, partnerId, true) },
  restore: { permission: "partners:write", handle: (user, { partnerId }) => setArchived(user.id, partnerId, false) },
};

export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(request, intents, "partners:write", { partnerId: params.partnerId ?? "" });
}

const tabs = [
  { id: "overview", label: "partners.tabs.overview" },
  { id: "outreach", label: "partners.tabs.outreach" },
  { id: "spend", label: "partners.tabs.spend" },
  { id: "coverage", label: "partners.tabs.coverage" },
  { id: "cost-benefit", label: "partners.tabs.costBenefit" },
  { id: "history", label: "partners.tabs.history" },
] as const satisfies readonly { id: PartnerTab; label: string }[];

/** What matters at a glance, above every tab. */
function PartnerGlance() {
  const { t, i18n } = useTranslation();
  const { partner, glance, currency } = useLoaderData<typeof loader>();
  return (
    <dl className="stat-tiles glance" aria-label={t("partners.atAGlance")}>
      <div className="stat-tile">
        <dt className="stat-tile-label">{t("columns.stage")}</dt>
        <dd className="stat-tile-value text-base">
          <StageBadge stage={partner.stage} /> {partner.archivedAt ? <ArchivedBadge /> : null}
        </dd>
        <dd className="stat-tile-note">{partner.owner?.name ?? t("partners.noOwner")}</dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile-label">{t("partners.totalFollowers")}</dt>
        <dd className="stat-tile-value">
          <CountOrUnknown value={partner.totalFollowers} />
        </dd>
        <dd className="stat-tile-note">{t("partners.channelCount", { count: partner.channels.length })}</dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile-label">{t("partners.cost12m")}</dt>
        <dd className="stat-tile-value">
          <MoneyOrUnknown minor={glance.costMinor} currency={currency} />
        </dd>
        <dd className="stat-tile-note">
          {t("costBenefit.kpi.roi")} <KpiValue name="roi" value={glance.roi} currency={currency} />
        </dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile-label">{t("partners.openIssues")}</dt>
        <dd className={`stat-tile-value${glance.openIssues ? " text-bad" : ""}`}>{formatNumber(i18n.language, glance.openIssues)}</dd>
        <dd className="stat-tile-note">
          <Link to={partnerTabPath(partner.id, "coverage")}>{t("partners.seeCoverage")}</Link>
        </dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile-label">{t("partners.nextFollowUp")}</dt>
        <dd className="stat-tile-value text-base">
          {glance.nextFollowUp ? formatDay(i18n.language, glance.nextFollowUp.dueOn) : t("partners.noFollowUp")}
        </dd>
        <dd className="stat-tile-note">
          {glance.nextFollowUp?.title ?? <Link to={partnerTabPath(partner.id, "outreach")}>{t("tasks.add")}</Link>}
        </dd>
      </div>
    </dl>
  );
}

function PartnerTabs() {
  const { t } = useTranslation();
  const { partner, canSeeHistory } = useLoaderData<typeof loader>();
  return (
    <Tabs label={t("partners.sections")}>
      {tabs
        .filter((item) => item.id !== "history" || canSeeHistory)
        .map((item) => (
          // NavLink marks the open tab with aria-current="page"; `end` keeps the overview from matching every tab.
          <NavLink key={item.id} to={partnerTabPath(partner.id, item.id)} end preventScrollReset>
            {t(item.label)}
          </NavLink>
        ))}
    </Tabs>
  );
}

export default function PartnerPage() {
  const { t } = useTranslation();
  const { partner, canWrite, mergedInto } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  return (
    <>
      <PageHeader title={partner.name}>
        {canWrite ? (
          <>
            <Link to={`/partners/${partner.id}/edit`} className="button">
              {t("partners.edit")}
            </Link>
            <Form method="post" action={partnerIntentAction(partner.archivedAt ? "restore" : "archive", partner.id)}>
              {partner.archivedAt ? (
                <button type="submit" className="button button-quiet">
                  {t("partners.restore")}
                </button>
              ) : (
                <ConfirmSubmitButton
                  formAction={partnerIntentAction("archive", partner.id)}
                  className="button button-quiet"
                  confirmMessage={t("partners.confirmArchive", { name: partner.name })}
                >
                  {t("partners.archive")}
                </ConfirmSubmitButton>
              )}
            </Form>
          </>
        ) : null}
      </PageHeader>
      <ActionError error={actionData?.error} />
      {mergedInto ? (
        <div className="banner" role="note">
          {t("partners.mergedBanner", { name: mergedInto.name })} <Link to={`/partners/${mergedInto.id}`}>{mergedInto.name}</Link>
        </div>
      ) : null}
      {isDoNotContact(partner.stage) ? (
        <div className="banner banner-danger" role="note">
          {t("partners.dncWarning")}
        </div>
      ) : null}
      <PartnerGlance />
      <PartnerTabs />
      <Outlet />
    </>
  );
}
