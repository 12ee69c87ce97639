import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ChannelFormSchema,
  PartnerChannels,
  PartnerDetailsCard,
  partnerIntentAction,
  PartnerTabSchema,
  partnerTabPath,
  StageBadge,
  type PartnerIntentOf,
} from "~/features/partners";
import { ConfirmSubmitButton } from "~/components/form-fields";
import { ActionError } from "~/components/form-message";
import { PartnerSubmissions, PortalLinks } from "~/features/portal";
import { AgreementCreateSchema, AgreementTotals, PartnerAgreements } from "~/features/spend";
import {
  addChannel,
  channelPartnerId,
  getPartner,
  mergePartners,
  possibleDuplicates,
  recordMeasurement,
} from "~/features/partners/index.server";
import { createPortalLink, listPortalLinks, portalSubmissions, renewPortalLink, revokePortalLink } from "~/features/portal/index.server";
import { campaignChoices, createAgreement, partnerAgreements, partnerAgreementTotals } from "~/features/spend/index.server";
import { requirePermission, runIntent, type IntentTable } from "~/features/accounts/index.server";
import { RecordIdSchema } from "~/shared/rules";
import { RuleViolation } from "~/shared/violations";
import { formatDay } from "~/shared/format";
import { can } from "~/shared/permissions";
import { absoluteUrl } from "~/utils/cross-site.server";
import { parseEnv } from "~/utils/env.server";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";
import type { loader as partnerLoader } from "./partners.$partnerId";

/** The overview: who the partner is, their channels, possible duplicates, agreements and portal links. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  const url = new URL(request.url);
  // The sections were once `?tab=…` of this page; those addresses (bookmarks, old mail) still lead there.
  const tab = url.searchParams.get("tab");
  if (tab) {
    url.searchParams.delete("tab");
    return redirect(partnerTabPath(partnerId, PartnerTabSchema.parse(tab), url.searchParams.toString()));
  }
  const [duplicates, agreementTotals, portal] = await Promise.all([
    possibleDuplicates(partnerId),
    partnerAgreementTotals(partnerId),
    can(user.role, "portal:manage")
      ? Promise.all([listPortalLinks(partnerId), partnerAgreements(partnerId), portalSubmissions(partnerId), campaignChoices()]).then(
          ([links, agreements, submissions, campaigns]) => ({ links, agreements, submissions, campaigns }),
        )
      : null,
  ]);
  return json({
    duplicates,
    agreementTotals,
    portalLinks: portal,
    canAccessPersonalData: can(user.role, "privacy:access"),
    canErase: can(user.role, "privacy:erase"),
  });
}

type PartnerRef = { partnerId: string };
const toPartner = (partnerId: string) => partnerTabPath(partnerId, "overview");

async function mergeDuplicate(userId: string, partnerId: string, formData: FormData) {
  return answerRuleViolation(async () => {
    const otherId = RecordIdSchema.safeParse(formData.get("otherId"));
    if (!otherId.success) throw new RuleViolation("errors.invalidChoice", 422);
    await mergePartners(userId, partnerId, otherId.data);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "partners.merged" });
  });
}

async function addPartnerChannel(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, ChannelFormSchema, async (value) => {
    if (!(await getPartner(partnerId))) notFound();
    await addChannel(userId, partnerId, value);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "channels.added" });
  });
}

async function measureChannel(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, ChannelFormSchema, async (value) => {
    const channelId = RecordIdSchema.safeParse(formData.get("channelId"));
    // The channel must belong to the partner in the URL.
    if (!channelId.success || (await channelPartnerId(channelId.data))?.partnerId !== partnerId) notFound();
    await recordMeasurement(userId, channelId.data, value);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "channels.recorded" });
  });
}

async function createLink(userId: string, partnerId: string, request: Request) {
  return answerRuleViolation(async () => {
    const { token } = await createPortalLink(userId, partnerId);
    // Shown once, now: only the token's hash is kept.
    const portalLink = absoluteUrl(`/p/${token}`, parseEnv().APP_URL, request.url);
    return json({ portalLink, needsAppUrl: portalLink === null });
  });
}

async function changeLink(userId: string, partnerId: string, formData: FormData, change: "renew" | "revoke") {
  return answerRuleViolation(async () => {
    const linkId = recordIdParam(formData.get("linkId"));
    await (change === "renew" ? renewPortalLink : revokePortalLink)(userId, partnerId, linkId);
    return redirectWithToast(toPartner(partnerId), {
      kind: "success",
      message: change === "renew" ? "portal.linkRenewed" : "portal.linkRevokedDone",
    });
  });
}

async function makeAgreement(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, AgreementCreateSchema, async (value) => {
    await createAgreement(userId, partnerId, value);
    return redirectWithToast(toPartner(partnerId), { kind: "success", message: "agreements.created" });
  });
}

/** What the overview's forms do. No calls in here: the browser build drops this table with the action only if it has none. */
const intents: IntentTable<PartnerIntentOf<"overview">, PartnerRef> = {
  merge: { permission: "partners:write", handle: (user, { partnerId }, formData) => mergeDuplicate(user.id, partnerId, formData) },
  addChannel: { permission: "partners:write", handle: (user, { partnerId }, formData) => addPartnerChannel(user.id, partnerId, formData) },
  measure: { permission: "partners:write", handle: (user, { partnerId }, formData) => measureChannel(user.id, partnerId, formData) },
  createPortalLink: {
    permission: "portal:manage",
    handle: (user, { partnerId }, _formData, request) => createLink(user.id, partnerId, request),
  },
  renewPortalLink: {
    permission: "portal:manage",
    handle: (user, { partnerId }, formData) => changeLink(user.id, partnerId, formData, "renew"),
  },
  revokePortalLink: {
    permission: "portal:manage",
    handle: (user, { partnerId }, formData) => changeLink(user.id, partnerId, formData, "revoke"),
  },
  createAgreement: { permission: "portal:manage", handle: (user, { partnerId }, formData) => makeAgreement(user.id, partnerId, formData) },
};

/** The intent is in the URL (`?index&intent=…`), so the user and their role are checked before the body is read. */
export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(request, intents, "partners:write", { partnerId: params.partnerId ?? "" });
}

function PossibleDuplicates() {
  const { t } = useTranslation();
  const { partner, canWrite } = useRouteLoaderData<typeof partnerLoader>("routes/partners.$partnerId")!;
  const { duplicates } = useLoaderData<typeof loader>();
  if (duplicates.length === 0 || partner.archivedAt) return null;
  return (
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
                  formAction={partnerIntentAction("merge", partner.id)}
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
  );
}

function PersonalData() {
  const { t } = useTranslation();
  const { partner } = useRouteLoaderData<typeof partnerLoader>("routes/partners.$partnerId")!;
  const { canAccessPersonalData, canErase } = useLoaderData<typeof loader>();
  if (!canAccessPersonalData) return null;
  return (
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
  );
}

export default function PartnerOverview() {
  const { t, i18n } = useTranslation();
  const { partner, canWrite } = useRouteLoaderData<typeof partnerLoader>("routes/partners.$partnerId")!;
  const { portalLinks, agreementTotals } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  return (
    <>
      <ActionError error={actionData?.error} />
      {partner.erasedAt ? (
        <p className="notice" role="status">
          {t("privacy.erasedNotice", { date: formatDay(i18n.language, partner.erasedAt) })}
        </p>
      ) : null}
      <PossibleDuplicates />
      <div className="partner-layout">
        <PartnerDetailsCard partner={partner} />
        <PartnerChannels channels={partner.channels} canWrite={canWrite} />
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
      <PersonalData />
    </>
  );
}
