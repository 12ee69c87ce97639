import { Form, Link, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { periodPresets, ratioFormulas, ratioNames, type CostBenefit, type EmvRates, type Period, type RatioName } from "../metrics";
import type { RankingRow } from "../metrics.server";
import { formatDay, formatKpi, formatMoney, formatNumber } from "~/shared/format";

/** null is "—" on screen (metrics.md), with "unknown" for screen readers. */
function UnknownMark({ label }: { label: string }) {
  return (
    <span className="numeric" title={label}>
      —<span className="visually-hidden">{label}</span>
    </span>
  );
}

export function Unknown() {
  const { t } = useTranslation();
  return <UnknownMark label={t("costBenefit.unknown")} />;
}

/**
 * Figures (amounts, counts, KPIs) as cells, with "—" for null. One hook per table rather than
 * one per cell: the ranking shows a thousand of them.
 */
export function useFigures(currency: string) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const unknown = <UnknownMark label={t("costBenefit.unknown")} />;
    const shown = (value: number | null, format: (value: number) => string) =>
      value === null ? unknown : <span className="numeric">{format(value)}</span>;
    return {
      money: (minor: number | null) => shown(minor, (value) => formatMoney(locale, Math.round(value), currency)),
      count: (value: number | null) => shown(value, (count) => formatNumber(locale, count)),
      kpi: (name: RatioName, value: number | null) => shown(value, (kpi) => formatKpi(locale, ratioFormulas[name].unit, kpi, currency)),
    };
  }, [t, locale, currency]);
}

export function KpiValue({ name, value, currency }: { name: RatioName; value: number | null; currency: string }) {
  return useFigures(currency).kpi(name, value);
}

export function MoneyOrUnknown({ minor, currency }: { minor: number | null; currency: string }) {
  return useFigures(currency).money(minor);
}

export function CountOrUnknown({ value }: { value: number | null }) {
  return useFigures("").count(value);
}

/** A KPI's name with its formula on hover and on keyboard focus. */
export function KpiLabel({ name }: { name: RatioName | "cost" | "engagements" | "emv" }) {
  const { t } = useTranslation();
  return (
    <span className="kpi-label" title={t(`costBenefit.formula.${name}`)} tabIndex={0}>
      {t(`costBenefit.kpi.${name}`)}
      <span className="visually-hidden">: {t(`costBenefit.formula.${name}`)}</span>
    </span>
  );
}

/** The EMV rates next to every EMV figure, and whether they are still placeholders. */
export function EmvRatesNote({ rates, currency }: { rates: EmvRates; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(i18n.language, minor, currency);
  return (
    <p className="hint emv-rates">
      {t("costBenefit.emvRatesLine", {
        perMille: money(rates.perMilleMinor),
        perEngagement: money(rates.perEngagementMinor),
        perClick: money(rates.perClickMinor),
      })}{" "}
      {rates.placeholder ? <strong className="badge badge-warning">{t("costBenefit.placeholderRates")}</strong> : null}
    </p>
  );
}

/** Last 30 days, quarter, 12 months or custom; a GET form so the period is in the URL. */
export function PeriodPicker({
  period,
  hidden = {},
  label,
  error,
}: {
  period: Period;
  hidden?: Record<string, string>;
  label?: string;
  error?: string | null;
}) {
  const { t } = useTranslation();
  // A period that could not be used stays on the form as typed, so it can be corrected.
  const [params] = useSearchParams();
  const shown = error ? { from: params.get("from") ?? "", to: params.get("to") ?? "" } : period;
  return (
    <Form method="get" className="filters period-picker" aria-label={label ?? t("costBenefit.period")} preventScrollReset>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="period">{t("costBenefit.period")}</label>
        <select id="period" name="period" defaultValue={error ? "custom" : period.preset}>
          {periodPresets.map((preset) => (
            <option key={preset} value={preset}>
              {t(`costBenefit.periods.${preset}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-date">
        <label htmlFor="period-from">{t("costBenefit.from")}</label>
        <input id="period-from" type="date" name="from" defaultValue={shown.from} aria-invalid={error ? true : undefined} />
      </div>
      <div className="field field-date">
        <label htmlFor="period-to">{t("costBenefit.to")}</label>
        <input
          id="period-to"
          type="date"
          name="to"
          defaultValue={shown.to}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "period-error" : undefined}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t("costBenefit.show")}
        </button>
      </div>
      {error ? (
        <p id="period-error" className="field-errors basis-full" role="alert">
          {t(error as "errors.endBeforeStart")} {t("costBenefit.periodFallback")}
        </p>
      ) : null}
    </Form>
  );
}

export function PeriodLine({ period }: { period: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="hint">
      {t("costBenefit.periodLine", { from: formatDay(i18n.language, period.from), to: formatDay(i18n.language, period.to) })}
    </p>
  );
}

export function UnconvertedNotice({ count, spendHref }: { count: number; spendHref: string }) {
  const { t, i18n } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="notice" role="status">
      <p>
        {t("costBenefit.unconverted", { count, n: formatNumber(i18n.language, count) })}{" "}
        <Link to={spendHref}>{t("costBenefit.seeMissingRates")}</Link>
      </p>
    </div>
  );
}

/**
 * Cost against benefit for one scope, every KPI with its formula. `links` point at the rows
 * behind each number (gifts, placements, coverage), when the scope has such lists.
 */
export function CostBenefitSummary({
  figures,
  currency,
  links = {},
}: {
  figures: CostBenefit;
  currency: string;
  links?: Partial<Record<"gifts" | "placements" | "payments" | "coverage", string>>;
}) {
  const { t, i18n } = useTranslation();
  const { sums } = figures;
  const n = (value: number) => formatNumber(i18n.language, value);
  const linked = (key: keyof typeof links, text: string) => (links[key] ? <Link to={links[key]!}>{text}</Link> : text);
  return (
    <div className="cost-benefit">
      <div className="kpi-columns">
        <section aria-labelledby="cb-cost">
          <h3 id="cb-cost">{t("costBenefit.costTitle")}</h3>
          <dl className="kpis">
            <div>
              <dt>
                <KpiLabel name="cost" />
              </dt>
              <dd>
                <MoneyOrUnknown minor={figures.costMinor} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>{linked("gifts", t("costBenefit.giftsLine", { count: sums.giftCount, n: n(sums.giftCount) }))}</dt>
              <dd>
                <MoneyOrUnknown minor={sums.giftsMinor} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>{linked("placements", t("costBenefit.placementsLine", { count: sums.placementCount, n: n(sums.placementCount) }))}</dt>
              <dd>
                <MoneyOrUnknown minor={sums.placementsMinor} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>{linked("payments", t("costBenefit.paidLine", { count: sums.paymentCount, n: n(sums.paymentCount) }))}</dt>
              <dd>
                <MoneyOrUnknown minor={sums.paidMinor} currency={currency} />
              </dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="cb-benefit">
          <h3 id="cb-benefit">{t("costBenefit.benefitTitle")}</h3>
          <dl className="kpis">
            <div>
              <dt>{linked("coverage", t("costBenefit.coverageLine", { count: sums.coverageCount, n: n(sums.coverageCount) }))}</dt>
              <dd>
                <CountOrUnknown value={sums.coverageCount} />
              </dd>
            </div>
            {(["impressions", "reach", "views", "clicks", "conversions"] as const).map((metric) => (
              <div key={metric}>
                <dt>{t(`metrics.${metric}`)}</dt>
                <dd>
                  <CountOrUnknown value={sums[metric]} />
                </dd>
              </div>
            ))}
            <div>
              <dt>
                <KpiLabel name="engagements" />
              </dt>
              <dd>
                <CountOrUnknown value={figures.engagements} />
              </dd>
            </div>
            <div>
              <dt>{t("metrics.revenue")}</dt>
              <dd>
                <MoneyOrUnknown minor={sums.revenueMinor} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>
                <KpiLabel name="emv" />
              </dt>
              <dd>
                <MoneyOrUnknown minor={figures.emvMinor} currency={currency} />
              </dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="cb-ratios">
          <h3 id="cb-ratios">{t("costBenefit.ratiosTitle")}</h3>
          <dl className="kpis">
            {ratioNames.map((name) => (
              <div key={name}>
                <dt>
                  <KpiLabel name={name} />
                </dt>
                <dd>
                  <KpiValue name={name} value={figures.ratios[name]} currency={currency} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}

export interface MonthFigures {
  month: string;
  costMinor: number;
  revenueMinor: number | null;
  emvMinor: number | null;
}

/** Partners with their ROI and cost (dashboard and campaign: best, and below break-even). */
export function PartnerRoiList({
  rows,
  currency,
  label,
  empty,
  linkSuffix = "",
}: {
  rows: RankingRow[];
  currency: string;
  label: string;
  /** What to say when no partner is in the list. */
  empty: string;
  linkSuffix?: string;
}) {
  const { t } = useTranslation();
  if (!rows.length) return <p className="hint">{empty}</p>;
  return (
    <ol aria-label={label} className="kpi-list">
      {rows.map((row) => (
        <li key={row.partnerId}>
          <Link to={`/partners/${row.partnerId}${linkSuffix}`}>{row.name}</Link>{" "}
          <span className="hint">
            {t("costBenefit.kpi.roi")} <KpiValue name="roi" value={row.ratios.roi} currency={currency} /> · {t("costBenefit.kpi.cost")}{" "}
            <MoneyOrUnknown minor={row.costMinor} currency={currency} />
          </span>
        </li>
      ))}
    </ol>
  );
}
