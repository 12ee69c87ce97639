import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatMoney, formatNumber } from "~/shared/format";
import type { CostBenefit, EmvRates, Period } from "../metrics";
import { CostBenefitChart } from "./cost-benefit-chart";
import { CostBenefitSummary, EmvRatesNote, PeriodLine, PeriodPicker, UnconvertedNotice, type MonthFigures } from "./metrics";
import { EmptyState } from "~/components/page";

interface Props {
  partnerId: string;
  period: Period;
  figures: CostBenefit;
  months: MonthFigures[];
  currency: string;
  basis: "cost" | "retail";
  rates: EmvRates;
  /** A period that could not be used (shown on the form; the panel shows 12 months). */
  periodError?: string | null;
}

/**
 * What the app counted itself: clicks on tracked links, shop orders attributed to the partner and
 * their revenue net of refunds. Shown apart from the figures people entered, never added to them.
 */
function CountedByTheApp({ sums, currency, partnerId }: { sums: CostBenefit["sums"]; currency: string; partnerId: string }) {
  const { t, i18n } = useTranslation();
  if (sums.trackedClicks === null && !sums.orderCount) return null;
  return (
    <div className="counted-by-app" data-testid="counted-by-app">
      <h3>{t("costBenefit.countedByApp")}</h3>
      <dl className="inline-details">
        <div>
          <dt>{t("costBenefit.trackedClicks")}</dt>
          <dd data-testid="tracked-clicks-figure">
            <Link to={`/partners/${partnerId}/links`}>{formatNumber(i18n.language, sums.trackedClicks ?? 0)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t("costBenefit.attributedOrders")}</dt>
          <dd data-testid="orders-figure">
            <Link to={`/orders?partnerId=${partnerId}`}>{formatNumber(i18n.language, sums.orderCount ?? 0)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t("costBenefit.attributedRevenue")}</dt>
          <dd data-testid="order-revenue-figure">{formatMoney(i18n.language, sums.orderRevenueMinor ?? 0, currency)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** A partner's cost against benefit for a period, with the rows behind each number one click away. */
export function PartnerCostBenefitPanel({ partnerId, period, figures, months, currency, basis, rates, periodError }: Props) {
  const { t } = useTranslation();
  const range = `partnerId=${partnerId}&from=${period.from}&to=${period.to}`;
  return (
    <section className="card" id="cost-benefit" aria-labelledby="cost-benefit-title">
      <h2 id="cost-benefit-title">{t("partners.costBenefit")}</h2>
      <PeriodPicker period={period} label={t("costBenefit.period")} error={periodError} />
      <PeriodLine period={period} />
      {figures.empty ? (
        <EmptyState title={t("costBenefit.noActivityTitle")}>{t("costBenefit.noActivityPartner")}</EmptyState>
      ) : (
        <>
          <p className="hint">
            {t(`costBenefit.basis.${basis}`)} {t("costBenefit.currencyLine", { currency })}
          </p>
          <UnconvertedNotice count={figures.sums.unconverted} spendHref={`/spend?view=kind&${range}`} />
          <CostBenefitSummary
            figures={figures}
            currency={currency}
            links={{
              gifts: `/gifts?${range}`,
              placements: `/placements?${range}`,
              payments: `/spend?view=kind&${range}`,
              coverage: `/coverage?${range}`,
            }}
          />
          <CountedByTheApp sums={figures.sums} currency={currency} partnerId={partnerId} />
          <EmvRatesNote rates={rates} currency={currency} />
          <CostBenefitChart months={months} currency={currency} title={t("costBenefit.byMonth")} />
        </>
      )}
    </section>
  );
}
