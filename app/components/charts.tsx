/**
 * Charts drawn with visx (scales, axes, grid and shapes) as plain SVG, so they render on the
 * server: they show without JavaScript and in print. Each chart has axes with units, a legend,
 * a tooltip per mark (SVG <title>) and its numbers in a table (docs/decisions/0006-charts.md).
 */
import { AxisBottom, AxisLeft } from "@visx/axis";
import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear, scaleTime } from "@visx/scale";
import { LinePath } from "@visx/shape";
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
const MARGIN = { top: 12, right: 16, bottom: 36, left: 72 };
const tickLabel = { fill: "var(--color-ink-muted)", fontSize: 11, fontFamily: "inherit" } as const;

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
            <span className={`swatch${s.dashed ? " swatch-dashed" : ""}`} style={{ background: s.dashed ? undefined : s.color, borderColor: s.color }} aria-hidden="true" /> {s.label}
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

function niceMax(values: (number | null)[]) {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return max === 0 ? 1 : max;
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
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = categories.map((_, i) => (stacked ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))));
  const x = scaleBand<string>({ domain: categories.map((_, i) => String(i)), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, niceMax(totals)], range: [innerHeight, 0], nice: true });
  const inner = scaleBand<string>({ domain: series.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.1 });
  const every = Math.ceil(categories.length / 12);
  return (
    <ChartFrame title={title} summary={summary} series={series} rowLabels={categories} rowHeader={categoryHeader} format={format} tableOpen={tableOpen}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        <GridRows scale={y} width={innerWidth} numTicks={5} stroke="var(--color-line)" />
        {categories.map((category, i) => {
          let base = 0;
          return series.map((s) => {
            const value = Math.max(0, s.values[i] ?? 0);
            const left = (x(String(i)) ?? 0) + (stacked ? 0 : (inner(s.key) ?? 0));
            const width = stacked ? x.bandwidth() : inner.bandwidth();
            const top = y(base + value);
            const height = y(base) - top;
            if (stacked) base += value;
            return (
              <rect key={`${i}-${s.key}`} x={left} y={top} width={width} height={Math.max(0, height)} fill={s.color} rx={2}>
                <title>{`${category} · ${s.label}: ${s.values[i] === null ? "—" : format(s.values[i]!)}`}</title>
              </rect>
            );
          });
        })}
        <AxisLeft scale={y} numTicks={5} tickFormat={(v) => formatTick(Number(v))} stroke="var(--color-line-strong)" tickStroke="var(--color-line-strong)" tickLabelProps={{ ...tickLabel, textAnchor: "end", dx: -4, dy: "0.33em" }} />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickFormat={(i) => (Number(i) % every === 0 ? categories[Number(i)] : "")}
          stroke="var(--color-line-strong)"
          tickStroke="var(--color-line-strong)"
          tickLabelProps={{ ...tickLabel, textAnchor: "middle" }}
        />
      </Group>
    </ChartFrame>
  );
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
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const times = dates.map((day) => new Date(`${day}T00:00:00Z`));
  const first = times[0] ?? new Date();
  const last = times.at(-1) ?? first;
  const x = scaleTime<number>({ domain: [first, last.getTime() === first.getTime() ? new Date(first.getTime() + 86_400_000) : last], range: [0, innerWidth] });
  const values = series.flatMap((s) => s.values);
  const y = scaleLinear<number>({ domain: yDomain ?? [0, niceMax(values)], range: [innerHeight, 0], nice: !yDomain });
  return (
    <ChartFrame title={title} summary={summary} series={series} rowLabels={dateLabels} rowHeader={dateHeader} format={format} tableOpen={tableOpen} tableElsewhere={tableElsewhere}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        <GridRows scale={y} width={innerWidth} numTicks={5} stroke="var(--color-line)" />
        {series.map((s) => {
          const points = s.values.map((value, index) => ({ value, index, time: times[index] })).filter((p): p is { value: number; index: number; time: Date } => p.value !== null);
          return (
            <g key={s.key}>
              <LinePath data={points} x={(p) => x(p.time)} y={(p) => y(p.value)} stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dashed ? "6 4" : undefined} fill="none" />
              {s.dashed
                ? null
                : points.map((p) => (
                    <circle key={p.index} cx={x(p.time)} cy={y(p.value)} r={3.5} fill={s.color}>
                      <title>{`${dateLabels[p.index]} · ${s.label}: ${format(p.value)}`}</title>
                    </circle>
                  ))}
            </g>
          );
        })}
        <AxisLeft scale={y} numTicks={5} tickFormat={(v) => formatTick(Number(v))} stroke="var(--color-line-strong)" tickStroke="var(--color-line-strong)" tickLabelProps={{ ...tickLabel, textAnchor: "end", dx: -4, dy: "0.33em" }} />
        <AxisBottom
          top={innerHeight}
          scale={x}
          numTicks={6}
          tickFormat={(value) => formatDateTick(value instanceof Date ? value : new Date(Number(value)))}
          stroke="var(--color-line-strong)"
          tickStroke="var(--color-line-strong)"
          tickLabelProps={{ ...tickLabel, textAnchor: "middle" }}
        />
      </Group>
    </ChartFrame>
  );
}
