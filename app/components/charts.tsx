/**
 * Charts drawn as plain SVG with d3-array's round ticks, so they render on the server:
 * they show without JavaScript and in print. Each chart has axes with units, a legend, a tooltip
 * per mark (SVG <title>) and its numbers in a table (docs/decisions/0006-charts.md).
 */
import { nice, ticks } from "d3-array";
import { isoDay } from "~/shared/days";
import { monthsBetween } from "~/shared/days";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour, usually a theme variable such as var(--color-series-cost). */
  color: string;
  values: (number | null)[];
  /** Drawn dashed (a target or limit rather than a measure). */
  dashed?: boolean;
}

interface ChartFrameProps {
  title: string;
  /** One sentence for screen readers: what the chart shows. */
  summary: string;
  series: ChartSeries[];
  /** Row labels of the table (the x values as people read them). */
  rowLabels: string[];
  rowHeader: string;
  format: (value: number) => string;
  children: ReactNode;
  /** Show the table open instead of folded under the chart. */
  tableOpen?: boolean;
  /** The page shows these numbers in a table of its own already. */
  tableElsewhere?: boolean;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 84 };
// In viewBox units: the chart is drawn 720 wide and shown from 512 px (a phone) to 768 px, so
// labels read at 10.7–16 px.
const tickLabel = { fill: "var(--color-ink-muted)", fontSize: 15, fontFamily: "inherit" } as const;

function ChartFrame({ title, summary, series, rowLabels, rowHeader, format, children, tableOpen, tableElsewhere }: ChartFrameProps) {
  const { t } = useTranslation();
  const table = (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="numeric">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowLabels.map((label, row) => (
            <tr key={label + row}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.key} className="numeric">
                  {s.values[row] === null || s.values[row] === undefined ? "—" : format(s.values[row]!)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.key}>
            <span
              className={`swatch${s.dashed ? " swatch-dashed" : ""}`}
              style={{ background: s.dashed ? undefined : s.color, borderColor: s.color }}
              aria-hidden="true"
            />{" "}
            {s.label}
          </li>
        ))}
      </ul>
      {/* On a phone the chart keeps a readable size and scrolls inside this frame. */}
      <div className="chart-frame" tabIndex={0} aria-label={title} role="group">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} className="chart-svg">
          {children}
        </svg>
      </div>
      {tableElsewhere ? null : tableOpen ? (
        table
      ) : (
        <details className="chart-table">
          <summary>{t("costBenefit.chartTable")}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}

const INNER_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const INNER_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const Y_TICKS = 5;
const MIN_BAR_HEIGHT = 4;

/**
 * A value axis from 0 (or the given domain) to a round maximum, with d3-array's round ticks. The
 * mapping is a straight line; d3-scale would bring its colour interpolators to the browser for it.
 */
function valueScale(values: (number | null)[], domain?: [number, number]) {
  const [low, high] = domain ?? nice(0, Math.max(0, ...values.map((v) => v ?? 0)) || 1, Y_TICKS);
  const span = high - low || 1;
  const y = (value: number) => INNER_HEIGHT - ((value - low) / span) * INNER_HEIGHT;
  return { y, ticks: ticks(low, high, Y_TICKS) };
}

/** Grid lines and labels of the value axis, on the left. */
function ValueAxis({ scale, formatTick }: { scale: ReturnType<typeof valueScale>; formatTick: (value: number) => string }) {
  return (
    <g>
      {scale.ticks.map((tick) => (
        <g key={tick} transform={`translate(0, ${scale.y(tick)})`}>
          <line x1={0} x2={INNER_WIDTH} stroke="var(--color-line)" />
          <line x1={-6} x2={0} stroke="var(--color-line-strong)" />
          <text x={-10} dy="0.33em" textAnchor="end" {...tickLabel}>
            {formatTick(tick)}
          </text>
        </g>
      ))}
      <line x1={0} x2={0} y1={0} y2={INNER_HEIGHT} stroke="var(--color-line-strong)" />
    </g>
  );
}

/** The category or time axis along the bottom: ticks at the given positions. */
function BottomAxis({ ticks: marks }: { ticks: { x: number; label: string }[] }) {
  return (
    <g transform={`translate(0, ${INNER_HEIGHT})`}>
      <line x1={0} x2={INNER_WIDTH} stroke="var(--color-line-strong)" />
      {marks.map((mark, index) => (
        <g key={index} transform={`translate(${mark.x}, 0)`}>
          <line y1={0} y2={6} stroke="var(--color-line-strong)" />
          {/* A label at either end is anchored inward so it is not cut off by the frame. */}
          <text y={20} textAnchor={mark.x < 24 ? "start" : mark.x > INNER_WIDTH - 24 ? "end" : "middle"} {...tickLabel}>
            {mark.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Bars per category (months, usually): grouped side by side, or stacked. */
export function BarChart({
  title,
  summary,
  categories,
  categoryHeader,
  series,
  format,
  formatTick = format,
  stacked = false,
  tableOpen,
}: {
  title: string;
  summary: string;
  categories: string[];
  categoryHeader: string;
  series: ChartSeries[];
  format: (value: number) => string;
  formatTick?: (value: number) => string;
  stacked?: boolean;
  tableOpen?: boolean;
}) {
  const totals = categories.map((_, i) =>
    stacked ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const scale = valueScale(totals);
  // Bands as d3's scaleBand lays them out with a padding of a quarter step inside and outside.
  const padding = 0.25;
  const step = INNER_WIDTH / Math.max(1, categories.length - padding + 2 * padding);
  const band = step * (1 - padding);
  const bandStart = (i: number) => step * padding + i * step;
  const barWidth = stacked ? band : band / Math.max(1, series.length);
  // At most six labels: a month name at the labels' size takes about a sixth of the width.
  const every = Math.ceil(categories.length / 6);
  return (
    <ChartFrame
      title={title}
      summary={summary}
      series={series}
      rowLabels={categories}
      rowHeader={categoryHeader}
      format={format}
      tableOpen={tableOpen}
    >
      <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
        <ValueAxis scale={scale} formatTick={formatTick} />
        {categories.map((category, i) => {
          // Stacked segments are laid out in pixels from the axis up, so each keeps its minimum height.
          let bottom = scale.y(0);
          return series.map((s, seriesIndex) => {
            const value = Math.max(0, s.values[i] ?? 0);
            const left = bandStart(i) + (stacked ? 0 : seriesIndex * barWidth);
            // A small amount beside large ones (gifts beside placements) stays visible: the exact figures are in the table.
            const height = value > 0 ? Math.max(MIN_BAR_HEIGHT, scale.y(0) - scale.y(value)) : 0;
            const top = (stacked ? bottom : scale.y(0)) - height;
            if (stacked) bottom = top;
            return (
              <rect
                key={`${i}-${s.key}`}
                x={left + (stacked ? 0 : barWidth * 0.05)}
                y={top}
                width={stacked ? barWidth : barWidth * 0.9}
                height={Math.max(0, height)}
                fill={s.color}
                rx={2}
              >
                <title>{`${category} · ${s.label}: ${s.values[i] === null ? "—" : format(s.values[i]!)}`}</title>
              </rect>
            );
          });
        })}
        <BottomAxis ticks={categories.map((label, i) => ({ x: bandStart(i) + band / 2, label: i % every === 0 ? label : "" }))} />
      </g>
    </ChartFrame>
  );
}

const DAY_MS = 86_400_000;

/** First days of months between two dates, at most about six of them, for the time axis. */
function monthTicks(first: number, last: number): number[] {
  const months = monthsBetween(isoDay(new Date(first)), isoDay(new Date(last)))
    .map((month) => Date.parse(`${month}-01T00:00:00Z`))
    .filter((month) => month >= first);
  const every = Math.ceil(months.length / 6);
  return months.length ? months.filter((_, i) => i % every === 0) : [first];
}

/** Lines over dated points (follower history, budget burn, rates by month). */
export function LineChart({
  title,
  summary,
  dates,
  dateLabels,
  dateHeader,
  series,
  format,
  formatTick = format,
  formatDateTick,
  yDomain,
  tableOpen,
  tableElsewhere,
}: {
  title: string;
  summary: string;
  /** ISO days, ascending. */
  dates: string[];
  dateLabels: string[];
  dateHeader: string;
  series: ChartSeries[];
  format: (value: number) => string;
  formatTick?: (value: number) => string;
  formatDateTick: (date: Date) => string;
  yDomain?: [number, number];
  tableOpen?: boolean;
  tableElsewhere?: boolean;
}) {
  const times = dates.map((day) => Date.parse(`${day}T00:00:00Z`));
  const first = times[0] ?? 0;
  const last = Math.max(times.at(-1) ?? first, first + DAY_MS);
  const x = (time: number) => ((time - first) / (last - first)) * INNER_WIDTH;
  const scale = valueScale(
    series.flatMap((s) => s.values),
    yDomain,
  );
  // Straight segments between the points: an SVG path needs nothing more than "M x,y L x,y…".
  const path = (points: { time: number; value: number }[]) =>
    points.map((p, i) => `${i ? "L" : "M"}${x(p.time).toFixed(1)},${scale.y(p.value).toFixed(1)}`).join("");
  return (
    <ChartFrame
      title={title}
      summary={summary}
      series={series}
      rowLabels={dateLabels}
      rowHeader={dateHeader}
      format={format}
      tableOpen={tableOpen}
      tableElsewhere={tableElsewhere}
    >
      <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
        <ValueAxis scale={scale} formatTick={formatTick} />
        {series.map((s) => {
          const points = s.values
            .map((value, index) => ({ value, index, time: times[index] }))
            .filter((p): p is { value: number; index: number; time: number } => p.value !== null);
          return (
            <g key={s.key}>
              <path
                d={path(points) || undefined}
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dashed ? "6 4" : undefined}
                fill="none"
              />
              {s.dashed
                ? null
                : points.map((p) => (
                    <circle key={p.index} cx={x(p.time)} cy={scale.y(p.value)} r={3.5} fill={s.color}>
                      <title>{`${dateLabels[p.index]} · ${s.label}: ${format(p.value)}`}</title>
                    </circle>
                  ))}
            </g>
          );
        })}
        <BottomAxis ticks={monthTicks(first, last).map((time) => ({ x: x(time), label: formatDateTick(new Date(time)) }))} />
      </g>
    </ChartFrame>
  );
}
