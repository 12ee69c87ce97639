import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ChannelForm,
  isDoNotContact,
  FollowersChart,
  ArchivedBadge,
  StageBadge,
  type AudienceFlag,
  ChannelFormSchema,
  type Audience,
  PartnerTabSchema,
  partnerIntentAction,
  type PartnerPageIntent,
} from "~/features/partners";
import { ConfirmSubmitButton } from "~/components/form-fields";
import { ActionError } from "~/components/form-message";
import { AuditChanges } from "~/components/audit-changes";
import { CountOrUnknown, KpiValue, MoneyOrUnknown, PartnerCostBenefitPanel, presetPeriod, resolvePeriod } from "~/features/reports";
import { Pagination } from "~/components/pagination";
import { PageHeader } from "~/components/page";
import {
  DraftList,
  FollowUps,
  LogInteractionForm,
  NewDraftForm,
  OutreachTimeline,
  DraftSchema,
  LogInteractionSchema,
  TaskSchema,
} from "~/features/outreach";
import { PageParamSchema, RecordIdSchema } from "~/shared/rules";
import { RuleViolation } from "~/shared/violations";
import { listAuditEvents, AUDIT_PAGE_SIZE } from "~/utils/audit.server";
import { createDraft, logInteraction, partnerTimeline, createTask, partnerTasks, setTaskDone } from "~/features/outreach/index.server";
import {
  addChannel,
  channelPartnerId,
  getPartner,
  getPartnerPage,
  listOwners,
  mergePartners,
  possibleDuplicates,
  recordMeasurement,
  setPartnerArchived,
} from "~/features/partners/index.server";
import { createPortalLink, listPortalLinks, renewPortalLink, revokePortalLink, portalSubmissions } from "~/features/portal/index.server";
import { PortalLinks, PartnerSubmissions } from "~/features/portal";
import { PartnerAgreements, AgreementCreateSchema, AgreementTotals, PartnerSpendPanels } from "~/features/spend";
import {
  createAgreement,
  partnerAgreements,
  campaignChoices,
  partnerAgreementTotals,
  partnerGifts,
  partnerPlacements,
  partnerSpendTotals,
} from "~/features/spend/index.server";
import { absoluteUrl } from "~/utils/cross-site.server";
import { parseEnv } from "~/utils/env.server";
import { PartnerCoveragePanels } from "~/features/compliance";
import { partnerCoverage, partnerDisclosureRecord } from "~/features/compliance/index.server";
import { isoDay } from "~/shared/days";
import { metricsContext, partnerCostBenefit } from "~/features/reports/index.server";
import { requirePermission, requireUser } from "~/features/accounts/index.server";
import { formatDateTime, formatDay, formatNumber, formatPercent } from "~/shared/format";
import { notFound, recordIdParam } from "~/utils/http.server";
import { can, type Permission } from "~/shared/permissions";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.partner.name} · PartnerLedger` : "PartnerLedger" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  const url = new URL(request.url);
  const tab = PartnerTabSchema.parse(url.searchParams.get("tab") ?? undefined);
  const today = isoDay(new Date());
  const lastYear = presetPeriod("12m", today);
  const asked = tab === "cost-benefit" ? resolvePeriod(url.searchParams, today) : { period: lastYear };
  // A period that cannot be used shows on the period form (400); the panel shows 12 months meanwhile.
  const periodError = "error" in asked ? asked.error : null;
  const period = "error" in asked ? lastYear : asked.period;
  const when = <T,>(wanted: boolean, read: () => Promise<T>) => (wanted ? read() : Promise.resolve(null));
  // Every read goes out at once, and only the open tab's; an unknown partner is answered after, as a 404.
  const contextRead = metricsContext();
  const [
    partner,
    context,
    tasks,
    disclosureRecord,
    glance,
    timeline,
    users,
    duplicates,
    portalLinks,
    agreementTotals,
    spendTotals,
    gifts,
    placements,
    coverage,
    costBenefit,
    history,
  ] = await Promise.all([
    getPartnerPage(partnerId),
    contextRead,
    partnerTasks(partnerId),
    partnerDisclosureRecord(partnerId),
    contextRead.then((read) => partnerCostBenefit(partnerId, lastYear, read)),
    when(tab === "outreach", () => partnerTimeline(partnerId)),
    when(tab === "outreach", () => listOwners()),
    when(tab === "overview", () => possibleDuplicates(partnerId)),
    when(tab === "overview" && can(user.role, "portal:manage"), () =>
      Promise.all([listPortalLinks(partnerId), partnerAgreements(partnerId), portalSubmissions(partnerId), campaignChoices()]).then(
        ([links, agreements, submissions, campaigns]) => ({ links, agreements, submissions, campaigns }),
      ),
    ),
    when(tab === "overview", () => partnerAgreementTotals(partnerId)),
    when(tab === "spend", () => partnerSpendTotals(partnerId)),
    when(tab === "spend", () => partnerGifts(partnerId)),
    when(tab === "spend", () => partnerPlacements(partnerId)),
    when(tab === "coverage", () => partnerCoverage(partnerId)),
    when(tab === "cost-benefit", () =>
      contextRead.then((read) =>
        period.from === lastYear.from && period.to === lastYear.to ? null : partnerCostBenefit(partnerId, period, read),
      ),
    ),
    when(tab === "history" && can(user.role, "audit:read"), () => {
      const page = PageParamSchema.parse(url.searchParams.get("page") ?? undefined);
      return listAuditEvents({ entityType: "Partner", entityId: partnerId, page }).then((found) => ({
        ...found,
        page,
        pageSize: AUDIT_PAGE_SIZE,
      }));
    }),
  ]);
  if (!partner) notFound();
  const { mergedInto, ...partnerFields } = partner;
  // partnerTasks lists open follow-ups first, soonest due first.
  const nextFollowUp = tasks.find((task) => !task.completedAt) ?? null;
  return json(
    {
      tab,
      partner: partnerFields,
      glance: {
        costMinor: glance.total.costMinor,
        roi: glance.total.ratios.roi,
        openIssues: disclosureRecord.openIssueCount,
        nextFollowUp: nextFollowUp ? { title: nextFollowUp.title, dueOn: nextFollowUp.dueOn } : null,
      },
      timeline,
      tasks,
      users: users ?? [],
      duplicates: duplicates ?? [],
      portalLinks,
      agreementTotals: agreementTotals ?? [],
      mergedInto,
      me: user.id,
      canWrite: can(user.role, "partners:write"),
      canOutreach: can(user.role, "outreach:write"),
      canSeeHistory: can(user.role, "audit:read"),
      canAccessPersonalData: can(user.role, "privacy:access"),
      canErase: can(user.role, "privacy:erase"),
      spendTotals,
      gifts,
      placements,
      canGift: can(user.role, "gifts:write"),
      canPropose: can(user.role, "placements:write"),
      coverage,
      disclosureRecord,
      canRecordCoverage: can(user.role, "coverage:write"),
      costBenefit: costBenefit ?? glance,
      period,
      periodError,
      history,
      currency: context.currency,
      basis: context.basis,
      emvRates: context.rates,
    },
    { status: periodError ? 400 : 200 },
  );
}

type Signed = Awaited<ReturnType<typeof requireUser>>;
type IntentHandler = (user: Signed, partnerId: string, formData: FormData, request: Request) => Promise<Response>;

const toPartner = (partnerId: string) => `/partners/${partnerId}`;
const toOutreach = (partnerId: string) => `/partners/${partnerId}?tab=outreach`;

async function logToOutreach(user: Signed, partnerId: string, formData: FormData) {
  return handleForm(formData, LogInteractionSchema, async (value) => {
    await logInteraction(user.id, partnerId, value);
    return redirectWithToast(toOutreach(partnerId), { kind: "success", message: "outreach.logged" });
  });
}

async function writeDraft(user: Signed, partnerId: string, formData: FormData) {
  return handleForm(formData, DraftSchema, async (value) => {
    const draft = await createDraft(user.id, partnerId, value);
    return redirectWithToast(`/drafts/${draft.id}`, { kind: "success", message: "outreach.saved" });
  });
}

async function addFollowUp(user: Signed, partnerId: string, formData: FormData) {
  return handleForm(formData, TaskSchema, async (value) => {
    await createTask(user.id, partnerId, value);
    return redirectWithToast(toOutreach(partnerId), { kind: "success", message: "tasks.added" });
  });
}

async function markFollowUp(user: Signed, partnerId: string, formData: FormData, done: boolean) {
  try {
    await setTaskDone(user.id, partnerId, recordIdParam(formData.get("taskId")), done);
  } catch (error) {
    if (error instanceof RuleViolation) notFound();
    throw error;
  }
  return redirectWithToast(toOutreach(partnerId), { kind: "success", message: done ? "tasks.completed" : "tasks.reopened" });
}

async function mergeDuplicate(user: Signed, partnerId: string, formData: FormData) {
  return answerRuleViolation(async () => {
    const otherId = RecordIdSchema.safeParse(formData.get("otherId"));
    if (!otherId.success) throw new RuleViolation("errors.invalidChoice", 422);
    await mergePartners(user.id, partnerId, otherId.data);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "partners.merged" });
  });
}

async function setArchived(user: Signed, partnerId: string, archived: boolean) {
  if (!(await setPartnerArchived(user.id, partnerId, archived))) notFound();
  return redirectWithToast(toPartner(partnerId), { kind: "success", message: archived ? "partners.archived" : "partners.restored" });
}

async function addPartnerChannel(user: Signed, partnerId: string, formData: FormData) {
  return handleForm(formData, ChannelFormSchema, async (value) => {
    if (!(await getPartner(partnerId))) notFound();
    await addChannel(user.id, partnerId, value);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "channels.added" });
  });
}

async function measureChannel(user: Signed, partnerId: string, formData: FormData) {
  return handleForm(formData, ChannelFormSchema, async (value) => {
    const channelId = RecordIdSchema.safeParse(formData.get("channelId"));
    // The channel must belong to the partner in the URL.
    if (!channelId.success || (await channelPartnerId(channelId.data))?.partnerId !== partnerId) notFound();
    await recordMeasurement(user.id, channelId.data, value);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "channels.recorded" });
  });
}

async function createLink(user: Signed, partnerId: string, _formData: FormData, request: Request) {
  return answerRuleViolation(async () => {
    const { token } = await createPortalLink(user.id, partnerId);
    // Shown once, now: only the token's hash is kept.
    const portalLink = absoluteUrl(`/p/${token}`, parseEnv().APP_URL, request.url);
    return json({ portalLink, needsAppUrl: portalLink === null });
  });
}

async function renewLink(user: Signed, partnerId: string, formData: FormData) {
  return answerRuleViolation(async () => {
    await renewPortalLink(user.id, partnerId, recordIdParam(formData.get("linkId")));
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "portal.linkRenewed" });
  });
}

async function revokeLink(user: Signed, partnerId: string, formData: FormData) {
  return answerRuleViolation(async () => {
    await revokePortalLink(user.id, partnerId, recordIdParam(formData.get("linkId")));
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "portal.linkRevokedDone" });
  });
}

async function makeAgreement(user: Signed, partnerId: string, formData: FormData) {
  return handleForm(formData, AgreementCreateSchema, async (value) => {
    await createAgreement(user.id, partnerId, value);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "agreements.created" });
  });
}

/** Each thing the partner page can do: who may do it, and the handler that does it. No calls in here: the browser build drops this table with the action only if it has none. */
const intents: Record<PartnerPageIntent, { permission: Permission; handle: IntentHandler }> = {
  log: { permission: "outreach:write", handle: logToOutreach },
  createDraft: { permission: "outreach:write", handle: writeDraft },
  addTask: { permission: "outreach:write", handle: addFollowUp },
  taskDone: { permission: "outreach:write", handle: (user, partnerId, formData) => markFollowUp(user, partnerId, formData, true) },
  taskReopen: { permission: "outreach:write", handle: (user, partnerId, formData) => markFollowUp(user, partnerId, formData, false) },
  merge: { permission: "partners:write", handle: mergeDuplicate },
  archive: { permission: "partners:write", handle: (user, partnerId) => setArchived(user, partnerId, true) },
  restore: { permission: "partners:write", handle: (user, partnerId) => setArchived(user, partnerId, false) },
  addChannel: { permission: "partners:write", handle: addPartnerChannel },
  measure: { permission: "partners:write", handle: measureChannel },
  createPortalLink: { permission: "portal:manage", handle: createLink },
  renewPortalLink: { permission: "portal:manage", handle: renewLink },
  revokePortalLink: { permission: "portal:manage", handle: revokeLink },
  createAgreement: { permission: "portal:manage", handle: makeAgreement },
};

/** The intent is in the URL (`?index&intent=…`), so the user and their role are checked before the body is read. */
export async function action({ request, params }: ActionFunctionArgs) {
  const intent = new URL(request.url).searchParams.get("intent");
  const known = intent && Object.hasOwn(intents, intent) ? intents[intent as PartnerPageIntent] : null;
  const user = await requirePermission(request, known?.permission ?? "partners:write");
  if (!known) throw json({ message: "errors.invalidChoice" }, { status: 400 });
  return known.handle(user, params.partnerId ?? "", await request.formData(), request);
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children || <span className="muted">{t("partners.noValue")}</span>}</dd>
    </div>
  );
}

function Shares({ shares, label = (key) => key }: { shares?: Record<string, number>; label?: (key: string) => string }) {
  const { i18n } = useTranslation();
  if (!shares) return null;
  return (
    <>
      {Object.entries(shares)
        .sort(([, a], [, b]) => b - a)
        .map(([key, value]) => `${label(key)} ${formatPercent(i18n.language, value)}`)
        .join(" · ")}
    </>
  );
}

function FlagMessage({ flag }: { flag: AudienceFlag }) {
  const { t, i18n } = useTranslation();
  if (flag.code === "lowEngagement") {
    return (
      <>
        {t("channels.lowEngagement", {
          rate: formatPercent(i18n.language, flag.engagementRate),
          typical: formatPercent(i18n.language, flag.typical),
          tier: t(`tiers.${flag.tier}`),
        })}
      </>
    );
  }
  return (
    <>
      {t("channels.followerJump", {
        percent: formatPercent(i18n.language, flag.percent),
        days: String(flag.days),
        from: formatNumber(i18n.language, flag.from),
        to: formatNumber(i18n.language, flag.to),
      })}
    </>
  );
}

function Channels() {
  const { t, i18n } = useTranslation();
  const { partner, canWrite } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="channels-title">
      <h2 id="channels-title">{t("channels.title")}</h2>
      {partner.channels.length === 0 ? <p className="muted">{t("channels.none")}</p> : null}
      {partner.channels.map((channel) => {
        const audience = (channel.audience ?? {}) as Audience;
        const name = `${t(`platforms.${channel.platform}`)}${channel.handle ? ` ${channel.handle}` : ""}`;
        return (
          <article key={channel.id} className="channel">
            <h3>
              {name}
              {channel.url ? (
                <>
                  {" "}
                  <a href={channel.url} rel="noopener noreferrer nofollow" target="_blank" className="muted">
                    {channel.url}
                  </a>
                </>
              ) : null}
            </h3>
            <dl className="inline-details">
              <Detail label={t("channels.followers")}>
                {channel.followers !== null ? formatNumber(i18n.language, channel.followers) : null}
              </Detail>
              <Detail label={t("channels.engagementRate")}>
                {channel.engagementRate !== null ? formatPercent(i18n.language, channel.engagementRate, 2) : null}
              </Detail>
              <Detail label={t("channels.measuredOn")}>{channel.measuredOn ? formatDay(i18n.language, channel.measuredOn) : null}</Detail>
              <Detail label={t("channels.countries")}>{audience.countries ? <Shares shares={audience.countries} /> : null}</Detail>
              <Detail label={t("channels.ages")}>{audience.ages ? <Shares shares={audience.ages} /> : null}</Detail>
              <Detail label={t("channels.genders")}>
                {audience.genders ? (
                  <Shares shares={audience.genders} label={(key) => t(`genders.${key}` as "genders.female", { defaultValue: key })} />
                ) : null}
              </Detail>
            </dl>
            {channel.flags.length > 0 ? (
              <div className="flag" role="note">
                <strong>{t("channels.suspicious")}</strong>
                <ul>
                  {channel.flags.map((flag) => (
                    <li key={flag.code}>
                      <FlagMessage flag={flag} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <FollowersChart points={channel.measurements} label={`${t("channels.followersOverTime")} · ${name}`} />
            <details>
              <summary>{t("channels.history")}</summary>
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("channels.measuredOn")}</th>
                      <th scope="col">{t("channels.followers")}</th>
                      <th scope="col">{t("channels.engagementRate")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {channel.measurements.map((m) => (
                      <tr key={m.id}>
                        <td>{formatDay(i18n.language, m.measuredOn)}</td>
                        <td className="numeric">{m.followers !== null ? formatNumber(i18n.language, m.followers) : "—"}</td>
                        <td className="numeric">{m.engagementRate !== null ? formatPercent(i18n.language, m.engagementRate, 2) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {canWrite ? (
              <details>
                <summary>{t("channels.record")}</summary>
                <ChannelForm
                  key={channel.measurements.length}
                  formId={`measure-${channel.id}`}
                  intent="measure"
                  channelId={channel.id}
                  submitLabel={t("channels.record")}
                  defaults={{ platform: channel.platform, handle: channel.handle ?? undefined, url: channel.url ?? undefined }}
                />
              </details>
            ) : null}
          </article>
        );
      })}
      {canWrite ? (
        <details className="add-channel">
          <summary>{t("channels.add")}</summary>
          {/* Keyed by the channel count so the form starts empty again after a channel is added. */}
          <ChannelForm key={partner.channels.length} formId="add-channel" intent="addChannel" submitLabel={t("channels.add")} />
        </details>
      ) : null}
    </section>
  );
}

const tabs = [
  { id: "overview", label: "partners.tabs.overview" },
  { id: "outreach", label: "partners.tabs.outreach" },
  { id: "spend", label: "partners.tabs.spend" },
  { id: "coverage", label: "partners.tabs.coverage" },
  { id: "cost-benefit", label: "partners.tabs.costBenefit" },
  { id: "history", label: "partners.tabs.history" },
] as const;

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
          <Link to="?tab=coverage">{t("partners.seeCoverage")}</Link>
        </dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile-label">{t("partners.nextFollowUp")}</dt>
        <dd className="stat-tile-value text-base">
          {glance.nextFollowUp ? formatDay(i18n.language, glance.nextFollowUp.dueOn) : t("partners.noFollowUp")}
        </dd>
        <dd className="stat-tile-note">{glance.nextFollowUp?.title ?? <Link to="?tab=outreach">{t("tasks.add")}</Link>}</dd>
      </div>
    </dl>
  );
}

function PartnerTabs() {
  const { t } = useTranslation();
  const { tab, canSeeHistory } = useLoaderData<typeof loader>();
  return (
    <nav className="tabs" aria-label={t("partners.sections")}>
      {tabs
        .filter((item) => item.id !== "history" || canSeeHistory)
        .map((item) => (
          <Link key={item.id} to={`?tab=${item.id}`} aria-current={tab === item.id ? "page" : undefined} preventScrollReset>
            {t(item.label)}
          </Link>
        ))}
    </nav>
  );
}

function Overview() {
  const { t, i18n } = useTranslation();
  const { partner, duplicates, canWrite, canAccessPersonalData, canErase, portalLinks, agreementTotals } = useLoaderData<typeof loader>();
  return (
    <>
      {partner.erasedAt ? (
        <p className="notice" role="status">
          {t("privacy.erasedNotice", { date: formatDay(i18n.language, partner.erasedAt) })}
        </p>
      ) : null}
      {duplicates.length > 0 && !partner.archivedAt ? (
        <section className="notice" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title">{t("partners.duplicatesTitle")}</h2>
          <ul className="plain-list">
            {duplicates.map((other) => (
              <li key={other.id}>
                <span>
                  <Link to={`/partners/${other.id}`}>{other.name}</Link> {other.email ? <span className="muted">{other.email}</span> : null}{" "}
                  <StageBadge stage={other.stage} />
                </span>
                {canWrite ? (
                  <Form method="post" action={partnerIntentAction("merge")}>
                    <input type="hidden" name="otherId" value={other.id} />
                    <ConfirmSubmitButton
                      formAction={partnerIntentAction("merge")}
                      className="button button-small"
                      confirmMessage={t("partners.confirmMerge", { other: other.name, name: partner.name })}
                    >
                      {t("partners.mergeHere", { other: other.name })}
                    </ConfirmSubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="partner-layout">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t("partners.details")}</h2>
          <dl className="details">
            <Detail label={t("partners.kind")}>{t(`kinds.${partner.kind}`)}</Detail>
            <Detail label={t("columns.email")}>{partner.email ? <a href={`mailto:${partner.email}`}>{partner.email}</a> : null}</Detail>
            <Detail label={t("partners.website")}>
              {partner.website ? (
                <a href={partner.website} rel="noopener noreferrer nofollow" target="_blank">
                  {partner.website}
                </a>
              ) : null}
            </Detail>
            <Detail label={t("partners.country")}>{partner.country}</Detail>
            <Detail label={t("partners.language")}>{partner.language}</Detail>
            <Detail label={t("partners.owner")}>{partner.owner?.name}</Detail>
            <Detail label={t("partners.tags")}>{partner.tags.join(", ")}</Detail>
            <Detail label={t("privacy.lawfulBasis")}>{t(`privacy.bases.${partner.lawfulBasis}`)}</Detail>
            <Detail label={t("privacy.dataSource")}>{partner.dataSource}</Detail>
          </dl>
          {partner.notes ? (
            <>
              <h3>{t("partners.notes")}</h3>
              <p className="prewrap">{partner.notes}</p>
            </>
          ) : null}
          {partner.riskNotes ? (
            <div className="flag">
              <h3>{t("partners.riskNotes")}</h3>
              <p className="prewrap">{partner.riskNotes}</p>
            </div>
          ) : null}
        </section>
        <Channels />
      </div>
      <AgreementTotals totals={agreementTotals} />
      <p>
        <Link to={`/partners/${partner.id}/links`}>{t("partners.trackedLinksLink")}</Link>
      </p>
      {portalLinks ? (
        <>
          <PortalLinks links={portalLinks.links} />
          <PartnerAgreements agreements={portalLinks.agreements} campaigns={portalLinks.campaigns} />
          <PartnerSubmissions submissions={portalLinks.submissions} />
        </>
      ) : null}
      {canAccessPersonalData ? (
        <section className="card" aria-labelledby="personal-data-title">
          <h2 id="personal-data-title">{t("privacy.personalData")}</h2>
          <p className="muted">{canErase ? t("privacy.personalDataIntro") : t("privacy.personalDataAccessIntro")}</p>
          <div className="form-actions">
            <Form method="post" action={`/partners/${partner.id}/personal-data`} reloadDocument>
              <button type="submit" className="button button-quiet">
                {t("privacy.download")}
              </button>
            </Form>
            {canErase && !partner.erasedAt && !partner.mergedIntoId ? (
              <Form method="post">
                <ConfirmSubmitButton
                  className="button button-danger"
                  formAction={`/partners/${partner.id}/erase`}
                  confirmMessage={t("privacy.confirmErase", { name: partner.name })}
                >
                  {t("privacy.erase")}
                </ConfirmSubmitButton>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  );
}

function Outreach() {
  const { t } = useTranslation();
  const { partner, canOutreach, timeline, tasks, users, me } = useLoaderData<typeof loader>();
  if (!timeline) return null;
  return (
    <div className="partner-layout">
      <section className="card" aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t("tasks.title")}</h2>
        <FollowUps tasks={tasks} users={users} me={me} canWrite={canOutreach} />
        <h2 id="drafts-title" className="mt-6">
          {t("outreach.drafts")}
        </h2>
        <DraftList drafts={timeline.drafts} />
        {canOutreach && !isDoNotContact(partner.stage) ? (
          <>
            <p>
              <Link to={`/partners/${partner.id}/template-draft`} className="button button-quiet">
                {t("outreach.writeFromTemplate")}
              </Link>
            </p>
            <details>
              <summary>{t("outreach.newDraft")}</summary>
              <NewDraftForm />
            </details>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">{t("outreach.log")}</h2>
        {canOutreach ? (
          <details>
            <summary>{t("outreach.logTitle")}</summary>
            <LogInteractionForm />
          </details>
        ) : null}
        <OutreachTimeline entries={timeline.interactions} stageChanges={timeline.stageChanges} canWrite={canOutreach} />
      </section>
    </div>
  );
}

function History() {
  const { t, i18n } = useTranslation();
  const { history } = useLoaderData<typeof loader>();
  if (!history) return null;
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

export default function PartnerPage() {
  const { t } = useTranslation();
  const {
    tab,
    partner,
    canWrite,
    mergedInto,
    spendTotals,
    gifts,
    placements,
    canGift,
    canPropose,
    coverage,
    disclosureRecord,
    canRecordCoverage,
    costBenefit,
    period,
    periodError,
    currency,
    basis,
    emvRates,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  return (
    <>
      <PageHeader title={partner.name}>
        {canWrite ? (
          <>
            <Link to={`/partners/${partner.id}/edit`} className="button">
              {t("partners.edit")}
            </Link>
            <Form method="post" action={partnerIntentAction(partner.archivedAt ? "restore" : "archive")}>
              {partner.archivedAt ? (
                <button type="submit" className="button button-quiet">
                  {t("partners.restore")}
                </button>
              ) : (
                <>
                  <ConfirmSubmitButton
                    formAction={partnerIntentAction("archive")}
                    className="button button-quiet"
                    confirmMessage={t("partners.confirmArchive", { name: partner.name })}
                  >
                    {t("partners.archive")}
                  </ConfirmSubmitButton>
                </>
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
      {tab === "overview" ? <Overview /> : null}
      {tab === "outreach" ? <Outreach /> : null}
      {tab === "spend" && spendTotals && gifts && placements ? (
        <div className="panels">
          <PartnerSpendPanels
            partnerId={partner.id}
            totals={spendTotals}
            gifts={gifts}
            placements={placements}
            canGift={canGift}
            canPropose={canPropose}
          />
        </div>
      ) : null}
      {tab === "coverage" && coverage ? (
        <div className="panels">
          <PartnerCoveragePanels partnerId={partner.id} coverage={coverage} record={disclosureRecord} canWrite={canRecordCoverage} />
        </div>
      ) : null}
      {tab === "cost-benefit" ? (
        <PartnerCostBenefitPanel
          partnerId={partner.id}
          period={period}
          periodError={periodError}
          figures={costBenefit.total}
          months={costBenefit.months}
          currency={currency}
          basis={basis}
          rates={emvRates}
        />
      ) : null}
      {tab === "history" ? <History /> : null}
    </>
  );
}
