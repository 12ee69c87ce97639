/**
 * Cost-benefit sums in SQL (metrics.md). One statement gives, per group (partner, month or the
 * whole scope), the converted cost, payments and revenue, the coverage metric sums and the
 * disclosure counts; `~/features/reports/metrics` turns them into KPIs. The ranking also sorts by a KPI in
 * SQL, from the same formula data.
 */
import { Prisma } from "~/generated/prisma/client";
import {
  costBenefit,
  derivedFormulas,
  emptySums,
  ratioFormulas,
  ratioNames,
  sumsBehind,
  type CostBenefit,
  type CostBenefitSums,
  type DerivedName,
  type EmvRates,
  type Quantity,
  type RatioName,
  type SumName,
} from "./metrics";
import { monthsBetween } from "~/shared/days";
import type { RankingQuery } from "./ranking";
import type { GiftValuationBasis } from "~/shared/money";
import { db, type DbClient } from "~/utils/db.server";
import { partnerListConditionsSql } from "~/features/partners/index.server";
import { emvRates, getSettings } from "~/features/accounts/index.server";
import { ensureCostBenefitRollupsFresh, quoted, rollupColumns, rollupMoneyColumns } from "./cost-benefit-rollup.server";
import { and, partnerConditions, periodConditions, type SpendFilter } from "~/features/spend/index.server";

export interface CostBenefitScope {
  /** Open ends mean all time (a campaign's report totals every row tagged with it). */
  from?: string;
  to?: string;
  partnerId?: string;
  campaignId?: string;
}

export type CostBenefitGrouping = "partner" | "month" | "campaign" | "none";

export interface MetricsContext {
  currency: string;
  basis: GiftValuationBasis;
  rates: EmvRates;
}

export async function metricsContext(client: DbClient = db()): Promise<MetricsContext> {
  const settings = await getSettings(client);
  return { currency: settings.reportingCurrency, basis: settings.giftValuationBasis, rates: emvRates(settings) };
}

function groupKey(grouping: CostBenefitGrouping) {
  if (grouping === "partner") return Prisma.sql`r."partnerId"`;
  if (grouping === "campaign") return Prisma.sql`r."campaignId"`;
  if (grouping === "month") return Prisma.sql`to_char(r."day", 'YYYY-MM')`;
  return Prisma.sql`'all'::text`;
}

/**
 * A CTE (`sums` unless named) with one row per group, added up from the rollup: every column of
 * `CostBenefitSums`, or only `columns` (a ranking sorts on a few sums first). `partnersIn` keeps
 * the partners a subquery returns (the page of a ranking).
 */
function sumsCtes(
  scope: CostBenefitScope,
  grouping: CostBenefitGrouping,
  { name = "sums", columns = rollupColumns, partnersIn }: { name?: string; columns?: readonly string[]; partnersIn?: Prisma.Sql } = {},
) {
  const filter: SpendFilter = { from: scope.from, to: scope.to, partnerId: scope.partnerId, campaignId: scope.campaignId };
  const conditions = [...periodConditions(filter, Prisma.sql`r."day"`), ...partnerConditions(filter, Prisma.sql`r`)];
  if (partnersIn) conditions.push(Prisma.sql`r."partnerId" IN (${partnersIn})`);
  const totals = columns.map((column) => {
    const total = Prisma.sql`sum(r.${quoted(column)})`;
    if (column === "revenueMinor") return Prisma.sql`, round(${total}) AS ${quoted(column)}`;
    if ((rollupMoneyColumns as readonly string[]).includes(column)) return Prisma.sql`, COALESCE(round(${total}), 0) AS ${quoted(column)}`;
    return Prisma.sql`, ${total} AS ${quoted(column)}`;
  });
  return Prisma.sql`${Prisma.raw(name)} AS (
      SELECT ${groupKey(grouping)} AS key ${Prisma.join(totals, "")}
      FROM "CostBenefitRollup" r WHERE TRUE ${and(conditions)} GROUP BY 1
    )`;
}

type SumsRow = { key: string | null } & Record<SumName | "unconverted", Prisma.Decimal | bigint | number | null>;

const numberOrNull = (value: Prisma.Decimal | bigint | number | null) => (value === null ? null : Number(value));

function sumsOf(row: SumsRow): CostBenefitSums {
  const sums = { unconverted: Number(row.unconverted) } as CostBenefitSums;
  for (const column of rollupColumns) (sums as unknown as Record<string, number | null>)[column] = numberOrNull(row[column]);
  return sums;
}

/**
 * A quantity of `metrics.ts` as SQL over the `sums` columns (alias `s`), known parts only. In
 * double precision, like the figures the app shows (and much cheaper to sort on than numeric).
 */
function quantitySql(quantity: Quantity, rates: EmvRates): Prisma.Sql {
  const derived = derivedFormulas(rates);
  if (!(quantity in derived)) return Prisma.raw(`s."${quantity}"::float8`);
  const terms = derived[quantity as DerivedName].map(([q, coefficient]) => ({ sql: quantitySql(q, rates), coefficient }));
  const allUnknown = Prisma.join(
    terms.map((t) => Prisma.sql`(${t.sql}) IS NULL`),
    " AND ",
  );
  const total = Prisma.join(
    terms.map((t) => Prisma.sql`COALESCE(${t.sql}, 0) * ${t.coefficient}::float8`),
    " + ",
  );
  return Prisma.sql`(CASE WHEN ${allUnknown} THEN NULL ELSE ${total} END)`;
}

/** A ratio as SQL: NULL when the denominator is 0 or unknown, as in `ratio()`. */
function ratioSql(name: RatioName, rates: EmvRates): Prisma.Sql {
  const formula = ratioFormulas[name];
  const numerator = Prisma.join(
    formula.numerator.map(([q, coefficient]) => Prisma.sql`${quantitySql(q, rates)} * ${coefficient}::float8`),
    " + ",
  );
  const denominator = Prisma.join(formula.denominator.map((q) => quantitySql(q, rates)));
  return Prisma.sql`((${numerator}) / NULLIF(COALESCE(${denominator}), 0) * ${formula.scale}::float8)`;
}

export interface CostBenefitGroup extends CostBenefit {
  key: string;
}

/** The statements, exported so the benchmark can time them on the database directly. */
export function groupsSql(scope: CostBenefitScope, grouping: CostBenefitGrouping) {
  return Prisma.sql`WITH ${sumsCtes(scope, grouping)} SELECT * FROM sums ORDER BY key`;
}

/**
 * Two steps, so that only a page is fully added up: the partners are ranked on the few sums the
 * sort needs, then every sum is added up for the page's partners alone.
 */
export function rankingSql(query: RankingQuery, context: MetricsContext) {
  const sortBy = rankingSortQuantity(query.sort);
  const sort = sortBy === null ? Prisma.sql`lower(pa."name")` : sortSql(sortBy, context.rates);
  const direction = query.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const limit = query.page === null ? Prisma.empty : Prisma.sql`LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const period = { from: query.from, to: query.to };
  const order = Prisma.sql`sort_value ${direction} NULLS LAST, name_key, key`;
  return Prisma.sql`
    WITH ${sumsCtes(period, "partner", { name: "sort_sums", columns: sortBy === null ? [] : sumsBehind(sortBy) })},
    ranked AS (
      SELECT s.key, ${sort} AS sort_value, lower(pa."name") AS name_key, count(*) OVER () AS total_count
      FROM sort_sums s JOIN "Partner" pa ON pa."id" = s.key
      WHERE ${partnerListConditionsSql(query, Prisma.sql`pa`)}
    ),
    page AS (SELECT * FROM ranked ORDER BY ${order} ${limit}),
    ${sumsCtes(period, "partner", { partnersIn: Prisma.sql`SELECT key FROM page` })}
    SELECT s.*, pa."name", pa."externalId" AS external_id, page.total_count
    FROM page JOIN sums s ON s.key = page.key JOIN "Partner" pa ON pa."id" = page.key
    ORDER BY ${order}`;
}

/**
 * Ranked like `rankingSql`: on ROI's own sums first, then fully added up for the chosen partners.
 * The best are those that pay for themselves (ROI ≥ 0), the weakest those below break-even, so the
 * two lists never share a partner and "weakest" never names a partner that pays.
 */
export function bestAndBelowBreakEvenSql(scope: CostBenefitScope, context: MetricsContext, count: number) {
  return Prisma.sql`
    WITH ${sumsCtes(scope, "partner", { name: "sort_sums", columns: sumsBehind("roi") })},
    valued AS (SELECT s.key, ${ratioSql("roi", context.rates)} AS kpi FROM sort_sums s),
    ranked AS (
      SELECT v.*,
        CASE WHEN kpi >= 0 THEN row_number() OVER (PARTITION BY kpi >= 0 ORDER BY kpi DESC, key) END AS best,
        CASE WHEN kpi < 0 THEN row_number() OVER (PARTITION BY kpi >= 0 ORDER BY kpi ASC, key DESC) END AS worst
      FROM valued v WHERE kpi IS NOT NULL
    ),
    chosen AS (SELECT * FROM ranked WHERE best <= ${count} OR worst <= ${count}),
    ${sumsCtes(scope, "partner", { partnersIn: Prisma.sql`SELECT key FROM chosen` })}
    SELECT s.*, c.best, c.worst, pa."name", pa."externalId" AS external_id
    FROM chosen c JOIN sums s ON s.key = c.key JOIN "Partner" pa ON pa."id" = c.key`;
}

/** Cost-benefit for a scope, one entry per group that had any activity. */
export async function costBenefitGroups(
  scope: CostBenefitScope,
  grouping: CostBenefitGrouping,
  context: MetricsContext,
  client: DbClient = db(),
): Promise<CostBenefitGroup[]> {
  await ensureCostBenefitRollupsFresh();
  const rows = await client.$queryRaw<SumsRow[]>(groupsSql(scope, grouping));
  return rows.map((row) => ({ key: row.key ?? "", ...costBenefit(sumsOf(row), context.rates) }));
}

/** The whole scope as one figure set (empty when nothing happened). */
export async function costBenefitTotal(scope: CostBenefitScope, context: MetricsContext, client: DbClient = db()): Promise<CostBenefit> {
  const [group] = await costBenefitGroups(scope, "none", context, client);
  return group ?? costBenefit(emptySums(), context.rates);
}

/** A partner's panel: the period's total and one entry per month of the period (zeros included, for the chart). */
export async function partnerCostBenefit(
  partnerId: string,
  period: { from: string; to: string },
  context: MetricsContext,
  client: DbClient = db(),
) {
  const scope = { ...period, partnerId };
  const [total, byMonth] = await Promise.all([
    costBenefitTotal(scope, context, client),
    costBenefitGroups(scope, "month", context, client),
  ]);
  const found = new Map(byMonth.map((group) => [group.key, group]));
  const months = monthsBetween(period.from, period.to).map((month) => {
    const figures = found.get(month);
    return {
      month,
      costMinor: figures?.costMinor ?? 0,
      revenueMinor: figures?.sums.revenueMinor ?? null,
      emvMinor: figures?.emvMinor ?? null,
    };
  });
  return { total, months };
}

/** What the ranking sorts by: a quantity or ratio of `metrics.ts`, or null for the partner's name. */
function rankingSortQuantity(sort: RankingQuery["sort"]): Quantity | RatioName | null {
  if (sort === "partner") return null;
  if ((ratioNames as readonly string[]).includes(sort)) return sort as RatioName;
  const quantities: Record<string, Quantity> = {
    cost: "cost",
    paidToDate: "paidMinor",
    coverageCount: "coverageCount",
    impressions: "impressions",
    engagements: "engagements",
    clicks: "clicks",
    conversions: "conversions",
    revenue: "revenueMinor",
    emv: "emv",
  };
  return quantities[sort];
}

const sortSql = (sortBy: Quantity | RatioName, rates: EmvRates) =>
  (ratioNames as readonly string[]).includes(sortBy) ? ratioSql(sortBy as RatioName, rates) : quantitySql(sortBy as Quantity, rates);

export interface RankingRow extends CostBenefit {
  partnerId: string;
  name: string;
  externalId: string | null;
}

function rankingRow(row: SumsRow & { name: string; external_id: string | null }, rates: EmvRates): RankingRow {
  return { partnerId: row.key!, name: row.name, externalId: row.external_id, ...costBenefit(sumsOf(row), rates) };
}

/**
 * Every partner with activity in the period (cost, payments, coverage or checks), filtered like
 * the partner list and sorted by any KPI in SQL; `page` null returns every row (exports).
 */
export async function costBenefitRanking(query: RankingQuery, context: MetricsContext, client: DbClient = db()) {
  await ensureCostBenefitRollupsFresh();
  const rows = await client.$queryRaw<(SumsRow & { name: string; external_id: string | null; total_count: bigint })[]>(
    rankingSql(query, context),
  );
  return {
    total: rows.length ? Number(rows[0].total_count) : 0,
    rows: rows.map((row) => rankingRow(row, context.rates)),
  };
}

/**
 * The partners with the best ROI and those below break-even, from a single aggregation
 * (dashboards, campaign reports). Partners whose ROI is unknown are in neither list.
 */
export async function bestAndBelowBreakEven(scope: CostBenefitScope, context: MetricsContext, count = 5, client: DbClient = db()) {
  await ensureCostBenefitRollupsFresh();
  const rows = await client.$queryRaw<
    (SumsRow & { name: string; external_id: string | null; best: bigint | null; worst: bigint | null })[]
  >(bestAndBelowBreakEvenSql(scope, context, count));
  const ranked = (rank: "best" | "worst") =>
    rows
      .filter((row) => row[rank] !== null)
      .sort((a, b) => Number(a[rank]) - Number(b[rank]))
      .map((row) => rankingRow(row, context.rates));
  return { best: ranked("best"), worst: ranked("worst") };
}

/** A campaign's report: every row tagged with the campaign, whatever its date (metrics.md, Attribution). */
export async function campaignResults(campaignId: string, context: MetricsContext, client: DbClient = db()) {
  const scope = { campaignId };
  const [figures, ranking] = await Promise.all([
    costBenefitTotal(scope, context, client),
    bestAndBelowBreakEven(scope, context, 3, client),
  ]);
  return { figures, ...ranking };
}
