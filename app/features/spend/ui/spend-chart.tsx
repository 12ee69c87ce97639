import { useTranslation } from "react-i18next";
import { formatCompactMoney, formatMoney, formatMonth } from "~/shared/format";
import { BarChart } from "~/components/charts";

/** Spend per month as stacked bars: gifts and committed placements, in the reporting currency. */
export function SpendByMonthChart({
  months,
  spendIn,
  currency,
}: {
  /** YYYY-MM, oldest first; a month without spend shows as empty. */
  months: string[];
  spendIn: (month: string) => { giftsMinor: number; placementsMinor: number } | undefined;
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <BarChart
      title={t("spend.chartTitle")}
      summary={t("spend.chartSummary", { currency })}
      categories={months.map((month) => formatMonth(i18n.language, month))}
      categoryHeader={t("spend.groupHeader.month")}
      series={[
        {
          key: "gifts",
          label: t("spend.gifts"),
          color: "var(--color-series-emv)",
          values: months.map((month) => spendIn(month)?.giftsMinor ?? 0),
        },
        {
          key: "placements",
          label: t("spend.placements"),
          color: "var(--color-series-cost)",
          values: months.map((month) => spendIn(month)?.placementsMinor ?? 0),
        },
      ]}
      stacked
      format={(minor) => formatMoney(i18n.language, minor, currency)}
      formatTick={(minor) => formatCompactMoney(i18n.language, minor, currency)}
    />
  );
}
