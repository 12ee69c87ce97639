import type { SerializeFrom } from "@remix-run/node";
import { EmailAddress } from "~/components/email-address";
import { FormDisclosure } from "~/components/form-disclosure";
import { useTranslation } from "react-i18next";
import { formatDay, formatNumber, formatPercent } from "~/shared/format";
import type { getPartnerPage } from "../partner.server";
import type { AudienceFlag } from "../audience-flags";
import type { Audience } from "../partners";
import { ChannelForm } from "./channel-form";
import { FollowersChart } from "./followers-chart";

export type PartnerPage = SerializeFrom<NonNullable<Awaited<ReturnType<typeof getPartnerPage>>>>;
export type PartnerPageChannel = PartnerPage["channels"][number];

export function Detail({ label, children }: { label: string; children: React.ReactNode }) {
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

/** The partner's channels: audience, suspicious jumps, the follower history and the forms to measure or add one. */
export function PartnerChannels({ channels, canWrite }: { channels: PartnerPageChannel[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="channels-title">
      <h2 id="channels-title">{t("channels.title")}</h2>
      {channels.length === 0 ? <p className="muted">{t("channels.none")}</p> : null}
      {channels.map((channel) => {
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
              <FormDisclosure formId={`measure-${channel.id}`} summary={t("channels.record")}>
                <ChannelForm
                  key={channel.measurements.length}
                  formId={`measure-${channel.id}`}
                  intent="measure"
                  channelId={channel.id}
                  submitLabel={t("channels.record")}
                  defaults={{ platform: channel.platform, handle: channel.handle ?? undefined, url: channel.url ?? undefined }}
                />
              </FormDisclosure>
            ) : null}
          </article>
        );
      })}
      {canWrite ? (
        <FormDisclosure formId="add-channel" className="add-channel" summary={t("channels.add")}>
          {/* Keyed by the channel count so the form starts empty again after a channel is added. */}
          <ChannelForm key={channels.length} formId="add-channel" intent="addChannel" submitLabel={t("channels.add")} />
        </FormDisclosure>
      ) : null}
    </section>
  );
}

/** Who the partner is: kind, contact, owner, tags, the basis for keeping their data, and the team's notes. */
export function PartnerDetailsCard({ partner }: { partner: Omit<PartnerPage, "channels" | "mergedInto"> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t("partners.details")}</h2>
      <dl className="details">
        <Detail label={t("partners.kind")}>{t(`kinds.${partner.kind}`)}</Detail>
        <Detail label={t("columns.email")}>{partner.email ? <EmailAddress email={partner.email} /> : null}</Detail>
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
  );
}
