import { useTranslation } from "react-i18next";
import { formatCompactMoney, formatMoney, formatMonth } from "~/shared/format";
import { BarChart, type ChartSeries } from "~/components/charts";
import type { MonthFigures } from "./metrics";

/** Cost, revenue and EMV per month as grouped bars, with the same numbers in a table. */
export function CostBenefitChart({ months, currency, title }: { months: MonthFigures[]; currency: string; title: string }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(i18n.language, Math.round(minor), currency);
  const series: ChartSeries[] = [
    { key: "cost", label: t("costBenefit.kpi.cost"), color: "var(--color-series-cost)", values: months.map((m) => m.costMinor) },
    { key: "revenue", label: t("metrics.revenue"), color: "var(--color-series-revenue)", values: months.map((m) => m.revenueMinor) },
    { key: "emv", label: t("costBenefit.kpi.emv"), color: "var(--color-series-emv)", values: months.map((m) => m.emvMinor) },
  ];
  return (
    <BarChart
      title={title}
      summary={t("costBenefit.chartSummary", { title })}
      categories={months.map((m) => formatMonth(i18n.language, m.month))}
      categoryHeader={t("costBenefit.month")}
      series={series}
      format={money}
      formatTick={(minor) => formatCompactMoney(i18n.language, minor, currency)}
    />
  );
}
