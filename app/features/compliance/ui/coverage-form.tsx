import { useTranslation } from "react-i18next";
import { overrideChoices, metricNames } from "../coverage-terms";
import { disclosureJurisdictions } from "~/shared/disclosure-terms";
import { platforms } from "~/features/partners";
import { formatDay } from "~/shared/format";
import { campaignOptions } from "~/components/filter-select";
import { CheckboxField, FieldErrors, SelectField, TextAreaField, TextField, type FieldRef } from "~/components/form-fields";
import { SpendStatusBadge } from "~/components/money";

type Field = FieldRef & { errorId: string; errors?: string[] };

export interface CoverageChoices {
  channels: { id: string; platform: string; handle: string | null; url: string | null }[];
  gifts: { id: string; itemName: string; quantity: number; status: string; shippedOn: string | null }[];
  placements: { id: string; title: string; status: string; agreedOn: string }[];
  campaigns: { id: string; name: string }[];
}

/** The fields a coverage item shares between the new and the edit form. */
export function CoverageFields({
  fields,
  choices,
  linked,
  defaultJurisdiction,
}: {
  fields: Record<string, Field>;
  choices: CoverageChoices;
  linked: { giftIds: string[]; placementIds: string[] };
  defaultJurisdiction: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <TextField field={fields.url} label={t("coverage.url")} type="url" />
        <SelectField
          field={fields.platform}
          label={t("coverage.platform")}
          options={platforms.map((p) => ({ value: p, label: t(`platforms.${p}`) }))}
        />
        <TextField field={fields.publishedOn} label={t("coverage.publishedOn")} type="date" />
        <SelectField
          field={fields.channelId}
          label={t("coverage.channel")}
          options={[
            { value: "", label: t("coverage.noChannel") },
            ...choices.channels.map((c) => ({
              value: c.id,
              label: `${t(`platforms.${c.platform}` as "platforms.blog")} ${c.handle ?? c.url ?? ""}`,
            })),
          ]}
        />
        <SelectField
          field={fields.campaignId}
          label={t("campaigns.campaign")}
          options={[{ value: "", label: t("campaigns.none") }, ...campaignOptions(choices.campaigns, t, i18n.language)]}
        />
        <SelectField
          field={fields.jurisdiction}
          label={t("coverage.jurisdiction")}
          hint={t("coverage.jurisdictionHint", { code: defaultJurisdiction })}
          options={[
            { value: "", label: t("coverage.jurisdictionAuto") },
            ...disclosureJurisdictions.map((code) => ({ value: code, label: t(`jurisdictions.${code}`) })),
          ]}
        />
      </div>
      <TextField field={fields.title} label={t("coverage.titleField")} />
      <TextAreaField field={fields.text} label={t("coverage.text")} hint={t("coverage.textHint")} rows={8} />
      <fieldset>
        <legend>{t("coverage.followed")}</legend>
        <p className="hint">{t("coverage.followedHint")}</p>
        {choices.gifts.length || choices.placements.length ? (
          <ul className="plain-list">
            {choices.gifts.map((gift) => (
              <li key={gift.id} className="field-checkbox">
                <input
                  type="checkbox"
                  id={`gift-${gift.id}`}
                  name="giftIds"
                  value={gift.id}
                  defaultChecked={linked.giftIds.includes(gift.id)}
                />
                <label htmlFor={`gift-${gift.id}`}>
                  {t("coverage.giftChoice", { quantity: String(gift.quantity), item: gift.itemName })}{" "}
                  {gift.shippedOn ? formatDay(i18n.language, gift.shippedOn) : ""} <SpendStatusBadge kind="gift" status={gift.status} />
                </label>
              </li>
            ))}
            {choices.placements.map((placement) => (
              <li key={placement.id} className="field-checkbox">
                <input
                  type="checkbox"
                  id={`placement-${placement.id}`}
                  name="placementIds"
                  value={placement.id}
                  defaultChecked={linked.placementIds.includes(placement.id)}
                />
                <label htmlFor={`placement-${placement.id}`}>
                  {t("coverage.placementChoice", { title: placement.title })} {formatDay(i18n.language, placement.agreedOn)}{" "}
                  <SpendStatusBadge kind="placement" status={placement.status} />
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("coverage.nothingToLink")}</p>
        )}
        <FieldErrors id={fields.giftIds.errorId} errors={fields.giftIds.errors} />
        <FieldErrors id={fields.placementIds.errorId} errors={fields.placementIds.errors} />
      </fieldset>
      <fieldset>
        <legend>{t("coverage.connection")}</legend>
        <p className="hint">{t("coverage.connectionHint")}</p>
        <div className="form-grid">
          {(["paidOverride", "giftedOverride", "affiliateOverride"] as const).map((name) => (
            <SelectField
              key={name}
              field={fields[name]}
              label={t(`coverage.${name}`)}
              options={overrideChoices.map((choice) => ({ value: choice, label: t(`coverage.override.${choice}`) }))}
            />
          ))}
        </div>
        <TextField field={fields.overrideReason} label={t("coverage.overrideReason")} hint={t("coverage.overrideReasonHint")} />
      </fieldset>
      <fieldset>
        <legend>{t("coverage.labels")}</legend>
        <CheckboxField field={fields.platformLabel} label={t("coverage.platformLabel")} />
        <CheckboxField field={fields.imagesRetouched} label={t("coverage.imagesRetouched")} />
        <CheckboxField field={fields.imagesVirtual} label={t("coverage.imagesVirtual")} />
      </fieldset>
    </>
  );
}

/** Metrics inputs: an empty one is unknown, not zero. */
export function MetricFields({ fields }: { fields: Record<string, Field> }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("metrics.title")}</legend>
      <p className="hint">{t("metrics.emptyIsUnknown")}</p>
      <div className="form-grid">
        {metricNames.map((name) => (
          <TextField key={name} field={fields[name]} label={t(`metrics.${name}`)} inputMode="numeric" />
        ))}
        <TextField field={fields.revenue} label={t("metrics.revenue")} inputMode="decimal" />
        <TextField field={fields.revenueCurrency} label={t("metrics.revenueCurrency")} hint={t("money.currencyHint")} />
      </div>
    </fieldset>
  );
}
