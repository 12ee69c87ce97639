import { useTranslation } from "react-i18next";
import { formatCompactNumber, formatDate, formatDay, formatNumber } from "~/shared/format";
import { LineChart } from "~/components/charts";

interface Point {
  measuredOn: string;
  followers: number | null;
}

/** Followers over time on a dated axis; the same numbers are in the table under it. */
export function FollowersChart({ points, label }: { points: Point[]; label: string }) {
  const { t, i18n } = useTranslation();
  const known = points.filter((p) => p.followers !== null);
  if (known.length < 2) return null;
  const days = points.map((p) => p.measuredOn.slice(0, 10));
  const first = known[0];
  const last = known.at(-1)!;
  return (
    <LineChart
      title={label}
      summary={`${label}: ${formatNumber(i18n.language, first.followers!)} (${formatDay(i18n.language, first.measuredOn)}) → ${formatNumber(i18n.language, last.followers!)} (${formatDay(i18n.language, last.measuredOn)})`}
      dates={days}
      dateLabels={points.map((p) => formatDay(i18n.language, p.measuredOn))}
      dateHeader={t("channels.measuredOn")}
      series={[
        { key: "followers", label: t("channels.followers"), color: "var(--color-brand-600)", values: points.map((p) => p.followers) },
      ]}
      format={(value) => formatNumber(i18n.language, value)}
      formatTick={(value) => formatCompactNumber(i18n.language, value)}
      tableElsewhere
      formatDateTick={(date) => formatDate(i18n.language, date, { month: "short", year: "2-digit", timeZone: "UTC" })}
    />
  );
}
