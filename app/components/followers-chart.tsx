import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "~/utils/format";

interface Point {
  measuredOn: string;
  followers: number | null;
}

/** A small line chart of followers over time; the same numbers are in the table beside it. */
export function FollowersChart({ points, label }: { points: Point[]; label: string }) {
  const { i18n } = useTranslation();
  const values = points.filter((p): p is { measuredOn: string; followers: number } => p.followers !== null);
  if (values.length < 2) return null;
  const width = 320;
  const height = 80;
  const pad = 6;
  const times = values.map((p) => Date.parse(p.measuredOn));
  const [minT, maxT] = [Math.min(...times), Math.max(...times)];
  const [minV, maxV] = [Math.min(...values.map((p) => p.followers)), Math.max(...values.map((p) => p.followers))];
  const x = (t: number) => pad + ((t - minT) / (maxT - minT || 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - minV) / (maxV - minV || 1)) * (height - 2 * pad);
  const path = values.map((p, i) => `${x(times[i])},${y(p.followers)}`).join(" ");
  const first = values[0];
  const last = values.at(-1)!;
  const summary = `${label}: ${formatNumber(i18n.language, first.followers)} (${formatDate(i18n.language, first.measuredOn)}) → ${formatNumber(i18n.language, last.followers)} (${formatDate(i18n.language, last.measuredOn)})`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={summary}>
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="2" />
      {values.map((p, i) => (
        <circle key={p.measuredOn + i} cx={x(times[i])} cy={y(p.followers)} r="2.5" fill="currentColor" />
      ))}
    </svg>
  );
}
