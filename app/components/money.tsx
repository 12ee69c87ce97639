import { useTranslation } from "react-i18next";
import { formatDay, formatMoney, formatNumber } from "~/shared/format";

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { i18n } = useTranslation();
  return <span className="numeric">{formatMoney(i18n.language, minor, currency)}</span>;
}

export interface MissingRateView {
  currency: string;
  from: string;
  amountMinor: number;
  count: number;
}

/** Amounts with no usable rate: named, left out of the totals, and never guessed (metrics.md). */
export function MissingRatesNotice({ missing, currency }: { missing: MissingRateView[]; currency: string }) {
  const { t, i18n } = useTranslation();
  if (!missing.length) return null;
  return (
    <div className="notice" role="status">
      <p>
        <strong>{t("money.unconvertedTitle", { currency })}</strong>
      </p>
      <ul className="plain-list">
        {missing.map((m) => (
          <li key={m.currency}>
            {t("money.unconvertedLine", {
              count: m.count,
              amount: formatMoney(i18n.language, m.amountMinor, m.currency),
              currency: m.currency,
              target: currency,
              from: formatDay(i18n.language, m.from),
              n: formatNumber(i18n.language, m.count),
            })}
          </li>
        ))}
      </ul>
      <p className="hint">{t("money.unconvertedHint")}</p>
    </div>
  );
}

export interface OverBudgetView {
  budgetMinor: number;
  committedMinor: number;
  additionMinor: number | null;
  currency: string;
}

/** Shown before a gift or placement would take its campaign over budget; going ahead is recorded. */
export function OverBudgetNotice({ check }: { check: OverBudgetView }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(i18n.language, minor, check.currency);
  return (
    <div className="notice" role="alert">
      <p>
        <strong>{t("campaigns.overBudgetTitle")}</strong>
      </p>
      <p>
        {check.additionMinor === null
          ? t("campaigns.overBudgetUnknown", { budget: money(check.budgetMinor), committed: money(check.committedMinor) })
          : t("campaigns.overBudgetDetail", {
              budget: money(check.budgetMinor),
              committed: money(check.committedMinor),
              addition: money(check.additionMinor),
              after: money(check.committedMinor + check.additionMinor),
            })}
      </p>
      <button type="submit" name="overBudgetConfirmed" value="on" className="button button-quiet">
        {t("campaigns.goAheadAnyway")}
      </button>
    </div>
  );
}

export function SpendStatusBadge({ kind, status }: { kind: "gift" | "placement"; status: string }) {
  const { t } = useTranslation();
  const tone =
    status === "cancelled" || status === "returned"
      ? "badge-muted"
      : status === "paid" || status === "delivered"
        ? "badge-ok"
        : "badge-stage";
  return <span className={`badge ${tone}`}>{t(`${kind}Statuses.${status}` as "giftStatuses.planned")}</span>;
}
