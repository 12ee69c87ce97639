import { useTranslation } from "react-i18next";
import type { CostBenefit, EmvRates, Period } from "~/domain/metrics";
import { CostBenefitChart } from "./cost-benefit-chart";
import { CostBenefitSummary, EmvRatesNote, PeriodLine, PeriodPicker, UnconvertedNotice, type MonthFigures } from "./metrics";
import { EmptyState } from "./page";

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

/** A partner's cost against benefit for a period, with the rows behind each number one click away. */
export function PartnerCostBenefitPanel({ partnerId, period, figures, months, currency, basis, rates, periodError }: Props) {
  const { t } = useTranslation();
  const range = `partnerId=${partnerId}&from=${period.from}&to=${period.to}`;
  return (
    <section className="card" id="cost-benefit" aria-labelledby="cost-benefit-title">
      <h2 id="cost-benefit-title">{t("partners.costBenefit")}</h2>
      <PeriodPicker period={period} label={t("costBenefit.period")} hidden={{ tab: "cost-benefit" }} error={periodError} />
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
          <EmvRatesNote rates={rates} currency={currency} />
          <CostBenefitChart months={months} currency={currency} title={t("costBenefit.byMonth")} />
        </>
      )}
    </section>
  );
}
