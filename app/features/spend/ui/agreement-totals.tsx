import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FR_AGREEMENT_CURRENCY, FR_AGREEMENT_THRESHOLD_MINOR } from "../written-agreement";
import { Money } from "~/components/money";

interface AgreementTotalRow {
  year: number;
  campaignId: string | null;
  campaignName: string | null;
  totalMinor: number;
  unconverted: number;
  reached: boolean;
}

/** Each year's and objective's total against the French €1,000 written-contract threshold. */
export function AgreementTotals({ totals }: { totals: AgreementTotalRow[] }) {
  const { t } = useTranslation();
  if (totals.length === 0) return null;
  return (
    <section className="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t("agreements.title")}</h2>
      <p className="muted">{t("agreements.intro")}</p>
      <ul className="plain-list">
        {totals.map((total) => (
          <li key={`${total.year}-${total.campaignId ?? ""}`}>
            <span className="min-w-0">
              <strong>{total.year}</strong> · {total.campaignName ?? t("agreements.noCampaign")}{" "}
              {total.reached ? <span className="badge badge-warning">{t("agreements.required")}</span> : null}
              <span className="hint block">
                {total.reached ? (
                  t("agreements.reachedHint")
                ) : (
                  <>
                    {t("agreements.leftBefore")}{" "}
                    <Money minor={FR_AGREEMENT_THRESHOLD_MINOR - total.totalMinor} currency={FR_AGREEMENT_CURRENCY} />
                  </>
                )}
                {total.unconverted ? ` · ${t("agreements.unconverted", { count: total.unconverted })}` : ""}
              </span>
            </span>
            <span className="agreement-figure">
              <Money minor={total.totalMinor} currency={FR_AGREEMENT_CURRENCY} />
              <meter
                className="budget-meter"
                min={0}
                max={FR_AGREEMENT_THRESHOLD_MINOR}
                high={FR_AGREEMENT_THRESHOLD_MINOR * 0.8}
                value={Math.min(total.totalMinor, FR_AGREEMENT_THRESHOLD_MINOR)}
                aria-label={t("agreements.meter", { year: String(total.year) })}
              />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface AgreementNeededView {
  year: number;
  campaignName: string | null;
  totalMinor: number;
}

/** The question asked when approving or shipping would pass the French threshold without a signed agreement. */
export function AgreementNeededNotice({ bucket, children }: { bucket: AgreementNeededView; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning" role="alert">
      <p className="m-0">
        <strong>{t("agreements.neededTitle")}</strong>
      </p>
      <p className="m-0">
        {t("agreements.neededText", { year: String(bucket.year), objective: bucket.campaignName ?? t("agreements.noCampaign") })}{" "}
        <Money minor={bucket.totalMinor} currency={FR_AGREEMENT_CURRENCY} />
      </p>
      {children}
    </div>
  );
}

/** The refusal's details from an action's answer, when it is the agreement question. */
export function agreementNeededIn(actionData: unknown): AgreementNeededView | null {
  const details = (actionData as { details?: { agreementNeeded?: AgreementNeededView } } | undefined)?.details;
  return details?.agreementNeeded ?? null;
}
