import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { FormDisclosure } from "~/components/form-disclosure";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionError } from "~/components/form-message";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { campaignOptions } from "~/components/filter-select";
import { CheckboxField, SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { IntentButtonForm } from "~/components/intent-button-form";
import { EmptyState, PageHeader } from "~/components/page";
import { TableCard } from "~/components/table-card";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import {
  TrackedLinkSchema,
  PromoCodeSchema,
  FeedFormSchema,
  useOutsidePageStrings,
  type FeedIntent,
  type TrackedLinkIntent,
} from "~/features/attribution";
import { campaignChoices } from "~/features/spend/index.server";
import { partnerHeading, partnerChannelChoices } from "~/features/partners/index.server";
import {
  archivePromoCode,
  createPromoCode,
  partnerPromoCodes,
  archiveTrackedLink,
  createTrackedLink,
  partnerTrackedLinks,
  addFeed,
  partnerFeeds,
  removeFeed,
  requestFeedRead,
} from "~/features/attribution/index.server";
import { requirePermission, runIntent, type IntentTable } from "~/features/accounts/index.server";
import { absoluteUrl } from "~/utils/cross-site.server";
import { parseEnv } from "~/utils/env.server";
import { formatDateTime, formatDay, formatNumber } from "~/shared/format";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = recordIdParam(params.partnerId);
  const partner = await partnerHeading(partnerId);
  if (!partner) notFound();
  const [links, codes, campaigns, feeds, channels] = await Promise.all([
    partnerTrackedLinks(partnerId),
    partnerPromoCodes(partnerId),
    campaignChoices(),
    partnerFeeds(partnerId),
    partnerChannelChoices(partnerId),
  ]);
  const base = absoluteUrl("/r/", parseEnv().APP_URL, request.url) ?? "/r/";
  return json({
    partner,
    links,
    codes,
    campaigns,
    base,
    feeds: feeds.map((feed) => ({ ...feed, lastError: feed.lastError as { key: string; values: Record<string, string> } | null })),
    channels,
    canWrite: can(user.role, "campaigns:write"),
    canWriteFeeds: can(user.role, "partners:write"),
  });
}

type PartnerRef = { partnerId: string };
const here = (partnerId: string, anchor = "") => `/partners/${partnerId}/links${anchor}`;

async function newLink(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, TrackedLinkSchema, async (value) => {
    await createTrackedLink(userId, partnerId, value);
    return redirectWithToast(here(partnerId), { kind: "success", message: "pageToasts.linkCreated" });
  });
}

/** A button about one of the partner's records (archive a link, remove a feed): find its id, change it, show the page again. */
async function changeRecord(
  formData: FormData,
  field: "linkId" | "codeId" | "feedId",
  change: (recordId: string) => Promise<unknown>,
  then: { to: string; message: string },
) {
  const id = recordIdParam(formData.get(field));
  return answerRuleViolation(async () => {
    await change(id);
    return redirectWithToast(then.to, { kind: "success", message: then.message });
  });
}

async function newCode(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, PromoCodeSchema, async (value) => {
    await createPromoCode(userId, partnerId, value);
    return redirectWithToast(here(partnerId), { kind: "success", message: "pageToasts.promoCodeCreated" });
  });
}

async function newFeed(userId: string, partnerId: string, formData: FormData) {
  return handleForm(formData, FeedFormSchema, async (value) => {
    const feed = await addFeed(userId, partnerId, value);
    await requestFeedRead(userId, partnerId, feed.id);
    return redirectWithToast(here(partnerId, "#feeds"), { kind: "success", message: "pageToasts.feedAdded" });
  });
}

async function readFeedNow(userId: string, partnerId: string, formData: FormData) {
  const feedId = recordIdParam(formData.get("feedId"));
  return answerRuleViolation(async () => {
    const job = await requestFeedRead(userId, partnerId, feedId);
    return redirectWithToast(`/jobs/${job.id}`, { kind: "success", message: "pageToasts.feedReadQueued" });
  });
}

/**
 * What this page's forms do: links and codes are marketing's, feeds the community side's. No calls
 * in here: the browser build drops this table with the action only if it has none.
 */
const intents: IntentTable<TrackedLinkIntent | FeedIntent, PartnerRef> = {
  create: { permission: "campaigns:write", handle: (user, { partnerId }, formData) => newLink(user.id, partnerId, formData) },
  archive: {
    permission: "campaigns:write",
    handle: (user, { partnerId }, formData) =>
      changeRecord(formData, "linkId", (id) => archiveTrackedLink(user.id, partnerId, id), {
        to: here(partnerId),
        message: "pageToasts.linkArchived",
      }),
  },
  createCode: { permission: "campaigns:write", handle: (user, { partnerId }, formData) => newCode(user.id, partnerId, formData) },
  archiveCode: {
    permission: "campaigns:write",
    handle: (user, { partnerId }, formData) =>
      changeRecord(formData, "codeId", (id) => archivePromoCode(user.id, partnerId, id), {
        to: here(partnerId),
        message: "pageToasts.promoCodeArchived",
      }),
  },
  addFeed: { permission: "partners:write", handle: (user, { partnerId }, formData) => newFeed(user.id, partnerId, formData) },
  removeFeed: {
    permission: "partners:write",
    handle: (user, { partnerId }, formData) =>
      changeRecord(formData, "feedId", (id) => removeFeed(user.id, partnerId, id), {
        to: here(partnerId, "#feeds"),
        message: "pageToasts.feedRemoved",
      }),
  },
  pollFeed: { permission: "partners:write", handle: (user, { partnerId }, formData) => readFeedNow(user.id, partnerId, formData) },
};

/** The intent is in the URL (`?intent=…`), so the user and their role are checked before the body is read. */
export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(request, intents, "campaigns:write", { partnerId: recordIdParam(params.partnerId) });
}

function NewLinkForm() {
  const { t, i18n } = useTranslation();
  const { campaigns } = useLoaderData<typeof loader>();
  const formId = "new-link";
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("trackedLink", { id: formId, lastResult: useFormResult(formId) });
  return (
    <ConformForm form={form} action="?intent=create">
      <input type="hidden" name="formId" value={formId} />
      <div className="form-grid">
        <TextField field={fields.destination} type="url" label={t("trackedLinks.destination")} hint={t("trackedLinks.destinationHint")} />
        <SelectField
          field={fields.campaignId}
          label={t("trackedLinks.campaign")}
          options={[{ value: "", label: t("trackedLinks.noCampaign") }, ...campaignOptions(campaigns, t, i18n.language)]}
        />
      </div>
      <details>
        <summary>{t("trackedLinks.utmOverride")}</summary>
        <p className="hint">{t("trackedLinks.utmHint")}</p>
        <div className="form-grid">
          <TextField field={fields.utmSource} label="utm_source" autoComplete="off" />
          <TextField field={fields.utmMedium} label="utm_medium" autoComplete="off" />
          <TextField field={fields.utmCampaign} label="utm_campaign" autoComplete="off" />
          <TextField field={fields.utmContent} label="utm_content" autoComplete="off" />
        </div>
      </details>
      <SubmitButton busy={busy}>{t("trackedLinks.create")}</SubmitButton>
    </ConformForm>
  );
}

function NewCodeForm() {
  const { t, i18n } = useTranslation();
  const { campaigns } = useLoaderData<typeof loader>();
  const formId = "new-code";
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("promoCode", { id: formId, lastResult: useFormResult(formId) });
  return (
    <ConformForm form={form} action="?intent=createCode">
      <input type="hidden" name="formId" value={formId} />
      <div className="form-grid">
        <TextField field={fields.code} label={t("promoCodes.code")} hint={t("promoCodes.codeHint")} autoComplete="off" />
        <SelectField
          field={fields.campaignId}
          label={t("trackedLinks.campaign")}
          options={[{ value: "", label: t("trackedLinks.noCampaign") }, ...campaignOptions(campaigns, t, i18n.language)]}
        />
        <TextField field={fields.validFrom} type="date" label={t("promoCodes.validFrom")} />
        <TextField field={fields.validTo} type="date" label={t("promoCodes.validTo")} />
      </div>
      <CheckboxField field={fields.shared} label={t("promoCodes.sharedLabel")} />
      <SubmitButton busy={busy}>{t("promoCodes.create")}</SubmitButton>
    </ConformForm>
  );
}

function PromoCodes() {
  const { t, i18n } = useTranslation();
  const { codes, canWrite } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="codes-title">
      <h2 id="codes-title">{t("promoCodes.heading")}</h2>
      <p className="hint">{t("promoCodes.intro")}</p>
      {codes.length === 0 ? (
        <EmptyState>{t("promoCodes.none")}</EmptyState>
      ) : (
        <ul className="plain-list">
          {codes.map((code) => (
            <li key={code.id} className={code.archivedAt ? "is-done" : undefined}>
              <span>
                <code className="log-address">{code.code}</code> {code.campaign ? `· ${code.campaign.name} ` : ""}
                {code.validFrom || code.validTo
                  ? `· ${t("promoCodes.validity", { from: code.validFrom ? formatDay(i18n.language, code.validFrom) : "…", to: code.validTo ? formatDay(i18n.language, code.validTo) : "…" })} `
                  : ""}
                {code.shared ? <span className="badge badge-stage">{t("promoCodes.sharedBadge")}</span> : null}
              </span>
              {canWrite && !code.archivedAt ? (
                <IntentButtonForm
                  intentInUrl
                  intent="archiveCode"
                  fields={{ codeId: code.id }}
                  confirmMessage={t("promoCodes.confirmArchive")}
                >
                  {t("trackedLinks.archive")}
                </IntentButtonForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <FormDisclosure formId="new-code" summary={t("promoCodes.new")}>
          <NewCodeForm />
        </FormDisclosure>
      ) : null}
    </section>
  );
}

/** Blogs, YouTube channels and podcasts have feeds; the others rarely do, so they come last. */
const feedPlatforms = ["blog", "youtube", "podcast", "newsletter"];
const byFeedLikelihood = (a: { platform: string }, b: { platform: string }) =>
  Number(!feedPlatforms.includes(a.platform)) - Number(!feedPlatforms.includes(b.platform));

function NewFeedForm() {
  const { t, i18n } = useTranslation();
  const { channels } = useLoaderData<typeof loader>();
  const formId = "new-feed";
  const busy = useNavigation().formData?.get("formId") === formId;
  const [form, fields] = useServerForm("channelFeed", { id: formId, lastResult: useFormResult(formId) });
  return (
    <ConformForm form={form} action="?intent=addFeed">
      <input type="hidden" name="formId" value={formId} />
      <div className="form-grid">
        <SelectField
          field={fields.channelId}
          label={t("feeds.channel")}
          options={[...channels].sort(byFeedLikelihood).map((channel) => ({
            value: channel.id,
            label: `${t(`platforms.${channel.platform}`)}${channel.handle ? ` · ${channel.handle}` : ""}${
              channel.followers === null ? "" : ` · ${formatNumber(i18n.language, channel.followers)}`
            }`,
          }))}
        />
        <TextField field={fields.url} type="url" label={t("feeds.url")} hint={t("feeds.urlHint")} />
      </div>
      <SubmitButton busy={busy}>{t("feeds.add")}</SubmitButton>
    </ConformForm>
  );
}

function Feeds() {
  const { t, i18n } = useTranslation();
  const { feeds, channels, canWriteFeeds } = useLoaderData<typeof loader>();
  return (
    <TableCard
      id="feeds"
      title={t("feeds.heading")}
      intro={t("feeds.intro")}
      empty={feeds.length === 0 ? t("feeds.none") : null}
      head={
        <>
          <th scope="col">{t("feeds.url")}</th>
          <th scope="col">{t("feeds.channel")}</th>
          <th scope="col">{t("feeds.lastRead")}</th>
          <th scope="col" className="numeric">
            {t("feeds.entries")}
          </th>
          <th scope="col" className="numeric">
            {t("feeds.captured")}
          </th>
          {canWriteFeeds ? <th scope="col">{t("common.actions")}</th> : null}
        </>
      }
      rows={
        <>
          {feeds.map((feed) => (
            <tr key={feed.id} data-testid="feed-row">
              <td className="break-anywhere">
                {feed.url}
                <div className="hint">{feed.kind ? t(`feeds.kind.${feed.kind}`) : t("feeds.unknownKind")}</div>
              </td>
              <td>
                {t(`platforms.${feed.channel.platform}`)}
                {feed.channel.handle ? ` · ${feed.channel.handle}` : ""}
              </td>
              <td>
                {feed.lastPolledAt ? formatDateTime(i18n.language, feed.lastPolledAt) : t("feeds.never")}
                {feed.lastOutcome ? (
                  <div className={feed.lastOutcome === "failed" ? "field-error" : "hint"}>
                    {t(`feeds.outcome.${feed.lastOutcome as "ok"}`)}
                    {feed.lastError ? ` — ${t(feed.lastError.key as never, feed.lastError.values as never)}` : ""}
                  </div>
                ) : null}
              </td>
              <td className="numeric">{formatNumber(i18n.language, feed.entriesSeen)}</td>
              <td className="numeric">
                {feed.capturedCount ? <Link to="/coverage/captured">{formatNumber(i18n.language, feed.capturedCount)}</Link> : "0"}
              </td>
              {canWriteFeeds ? (
                <td>
                  <div className="button-row">
                    <IntentButtonForm intentInUrl intent="pollFeed" fields={{ feedId: feed.id }}>
                      {t("feeds.readNow")}
                    </IntentButtonForm>
                    <IntentButtonForm
                      intentInUrl
                      intent="removeFeed"
                      fields={{ feedId: feed.id }}
                      confirmMessage={t("feeds.confirmRemove")}
                    >
                      {t("feeds.remove")}
                    </IntentButtonForm>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </>
      }
    >
      {canWriteFeeds ? (
        channels.length ? (
          <details open={feeds.length === 0}>
            <summary>{t("feeds.new")}</summary>
            <NewFeedForm />
          </details>
        ) : (
          <p className="muted">{t("feeds.noChannel")}</p>
        )
      ) : null}
    </TableCard>
  );
}

export default function PartnerLinksPage() {
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { partner, links, base, canWrite } = useLoaderData<typeof loader>();
  const answer = useActionData<{ error?: string }>();
  return (
    <>
      <PageHeader title={t("trackedLinks.title", { partner: partner.name })} />
      {answer && "error" in answer ? <ActionError error={answer.error} /> : null}
      <p>
        <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
      </p>
      <div className="stack">
        <TableCard
          id="links"
          title={t("trackedLinks.heading")}
          intro={t("trackedLinks.intro")}
          empty={links.length === 0 ? t("trackedLinks.none") : null}
          head={
            <>
              <th scope="col">{t("trackedLinks.shortLink")}</th>
              <th scope="col">{t("trackedLinks.destination")}</th>
              <th scope="col">{t("trackedLinks.campaign")}</th>
              <th scope="col" className="numeric">
                {t("trackedLinks.clicks30")}
              </th>
              <th scope="col" className="numeric">
                {t("trackedLinks.clicksAll")}
              </th>
              <th scope="col">{t("trackedLinks.created")}</th>
              {canWrite ? <th scope="col">{t("common.actions")}</th> : null}
            </>
          }
          rows={
            <>
              {links.map((link) => (
                <tr key={link.id} className={link.archivedAt ? "is-archived" : undefined}>
                  <td>
                    <code className="log-address" data-testid="short-link">{`${base}${link.code}`}</code>
                  </td>
                  <td className="break-anywhere">{link.destination}</td>
                  <td>{link.campaign?.name ?? "—"}</td>
                  <td className="numeric">{formatNumber(i18n.language, link.recentClicks)}</td>
                  <td className="numeric" data-testid="link-clicks">
                    {formatNumber(i18n.language, link.clicks)}
                  </td>
                  <td>{formatDay(i18n.language, link.createdAt)}</td>
                  {canWrite ? (
                    <td>
                      {link.archivedAt ? (
                        <span className="badge badge-muted">{t("trackedLinks.archivedBadge")}</span>
                      ) : (
                        <IntentButtonForm
                          intentInUrl
                          intent="archive"
                          fields={{ linkId: link.id }}
                          confirmMessage={t("trackedLinks.confirmArchive")}
                        >
                          {t("trackedLinks.archive")}
                        </IntentButtonForm>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </>
          }
        />
        <PromoCodes />
        <Feeds />
        {canWrite ? (
          <section className="card" aria-labelledby="new-link-title">
            <h2 id="new-link-title">{t("trackedLinks.new")}</h2>
            <NewLinkForm />
          </section>
        ) : null}
      </div>
    </>
  );
}
