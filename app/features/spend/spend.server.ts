/**
 * Spend in SQL (metrics.md): gifts shipped or delivered, placements committed and payments made,
 * each filtered by its own date and converted to the target currency at the latest rate on or
 * before that date. An amount with no usable rate stays NULL: out of the totals, and reported.
 */
import { Prisma } from "~/generated/prisma/client";
import { utcDay } from "~/shared/days";
import type { GiftValuationBasis } from "~/shared/money";
import { type SpendSums } from "./spend";
import { committedPlacementStatuses, costedGiftStatuses } from "./spend-terms";
import { db, type DbClient } from "~/utils/db.server";
import { getSettings } from "~/features/accounts/index.server";

export interface SpendFilter {
  from?: string;
  to?: string;
  campaignId?: string;
  partnerId?: string;
  /** Any of these partners (the rollup refresh). */
  partnerIds?: string[];
  ownerId?: string;
  country?: string;
}

export const spendGroupings = ["month", "partner", "campaign", "kind"] as const;
export type SpendGrouping = (typeof spendGroupings)[number];

/** The value of a gift row `g` on the workspace's basis (metrics.md). */
export function giftValueSql(basis: GiftValuationBasis) {
  const unit = basis === "retail" ? Prisma.sql`COALESCE(g."unitRetailMinor", g."unitCostMinor")` : Prisma.sql`g."unitCostMinor"`;
  return Prisma.sql`(g."quantity"::bigint * ${unit} + g."shippingMinor")`;
}

export function partnerConditions(filter: SpendFilter, row: Prisma.Sql) {
  const conditions: Prisma.Sql[] = [];
  if (filter.partnerId) conditions.push(Prisma.sql`${row}."partnerId" = ${filter.partnerId}`);
  if (filter.partnerIds) conditions.push(Prisma.sql`${row}."partnerId" = ANY(${filter.partnerIds}::text[])`);
  if (filter.campaignId) conditions.push(Prisma.sql`${row}."campaignId" = ${filter.campaignId}`);
  if (filter.ownerId || filter.country) {
    const owner = filter.ownerId ? Prisma.sql`AND pa."ownerId" = ${filter.ownerId}` : Prisma.empty;
    const country = filter.country ? Prisma.sql`AND pa."country" = ${filter.country}` : Prisma.empty;
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Partner" pa WHERE pa."id" = ${row}."partnerId" ${owner} ${country})`);
  }
  return conditions;
}

export function periodConditions(filter: SpendFilter, column: Prisma.Sql) {
  const conditions: Prisma.Sql[] = [];
  if (filter.from) conditions.push(Prisma.sql`${column} >= ${utcDay(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`${column} <= ${utcDay(filter.to)}`);
  return conditions;
}

export const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/** Every costed row as (kind, partner, campaign, day, currency, amount in its currency). */
export function spendLinesSql(filter: SpendFilter, basis: GiftValuationBasis) {
  const giftStatuses = Prisma.join(costedGiftStatuses.map((s) => Prisma.sql`${s}::"GiftStatus"`));
  const placementStatuses = Prisma.join(committedPlacementStatuses.map((s) => Prisma.sql`${s}::"PlacementStatus"`));
  return Prisma.sql`
    SELECT 'gift'::text AS kind, g."partnerId" AS partner_id, g."campaignId" AS campaign_id, g."shippedOn" AS on_day, g."currency", ${giftValueSql(basis)} AS amount
    FROM "Gift" g
    WHERE g."status" IN (${giftStatuses}) ${and([...periodConditions(filter, Prisma.sql`g."shippedOn"`), ...partnerConditions(filter, Prisma.sql`g`)])}
    UNION ALL
    SELECT 'placement', p."partnerId", p."campaignId", p."agreedOn", p."currency", p."feeMinor"::bigint
    FROM "Placement" p
    WHERE p."status" IN (${placementStatuses}) ${and([...periodConditions(filter, Prisma.sql`p."agreedOn"`), ...partnerConditions(filter, Prisma.sql`p`)])}
    UNION ALL
    SELECT 'payment', p."partnerId", p."campaignId", pay."paidOn", p."currency", pay."amountMinor"::bigint
    FROM "Payment" pay JOIN "Placement" p ON p."id" = pay."placementId"
    WHERE TRUE ${and([...periodConditions(filter, Prisma.sql`pay."paidOn"`), ...partnerConditions(filter, Prisma.sql`p`)])}`;
}

/**
 * CTEs `daily`, `rates` and `converted` over a `lines` CTE of (kind, currency, on_day, amount):
 * amounts are summed per (keys, kind, currency, day) first, so a rate is looked up once per
 * currency and day; `amount_rc` is NULL where no rate dated on or before that day exists.
 */
export function convertedCtes(keys: Record<string, Prisma.Sql>, currency: string) {
  const keyColumns = Object.entries(keys).map(([name, sql]) => Prisma.sql`${sql} AS ${Prisma.raw(name)}`);
  const groupBy = Prisma.raw(Array.from({ length: keyColumns.length + 3 }, (_, i) => i + 1).join(", "));
  return Prisma.sql`daily AS (
      SELECT ${Prisma.join(keyColumns)}, kind, "currency", on_day, sum(amount) AS amount, count(*) AS n
      FROM lines GROUP BY ${groupBy}
    ),
    rates AS (
      SELECT d."currency", d.on_day, r."rate", r."minorUnitShift"
      FROM (SELECT DISTINCT "currency", on_day FROM daily WHERE "currency" <> ${currency}) d
      LEFT JOIN LATERAL (
        SELECT x."rate", x."minorUnitShift" FROM "ExchangeRate" x
        WHERE x."baseCurrency" = d."currency" AND x."quoteCurrency" = ${currency} AND x."validOn" <= d.on_day
        ORDER BY x."validOn" DESC LIMIT 1
      ) r ON TRUE
    ),
    converted AS MATERIALIZED (
      SELECT d.*, CASE WHEN d."currency" = ${currency} THEN d.amount ELSE d.amount * r."rate" * power(10::numeric, r."minorUnitShift") END AS amount_rc
      FROM daily d LEFT JOIN rates r ON r."currency" = d."currency" AND r.on_day = d.on_day
    )`;
}

/** Months are grouped as dates (cheap) and shown as YYYY-MM once grouped. */
const groupKey: Record<SpendGrouping, Prisma.Sql> = {
  month: Prisma.sql`date_trunc('month', on_day)::date`,
  partner: Prisma.sql`partner_id`,
  campaign: Prisma.sql`campaign_id`,
  kind: Prisma.sql`kind`,
};

const groupOrder: Record<SpendGrouping, Prisma.Sql> = {
  month: Prisma.sql`key DESC`,
  partner: Prisma.sql`COALESCE(gifts, 0) + COALESCE(placements, 0) DESC, key`,
  campaign: Prisma.sql`COALESCE(gifts, 0) + COALESCE(placements, 0) DESC, key NULLS LAST`,
  kind: Prisma.sql`key`,
};

interface SpendRow {
  row_type: "group" | "total" | "missing";
  key: string | null;
  gifts: Prisma.Decimal | null;
  placements: Prisma.Decimal | null;
  paid: Prisma.Decimal | null;
  gift_count: bigint;
  placement_count: bigint;
  payment_count: bigint;
  partners: bigint | null;
  unconverted: bigint;
  group_count: bigint | null;
  missing_from: Date | null;
  missing_amount: Prisma.Decimal | null;
}

export interface SpendFigures extends SpendSums {
  /** Partners with spend; counted only for the "gifts against placements" view (null elsewhere). */
  partners: number | null;
  /** Rows left out of the sums because no rate could be used. */
  unconverted: number;
}

export interface SpendGroup extends SpendFigures {
  key: string | null;
  label: string | null;
}

export interface SpendReport {
  currency: string;
  basis: GiftValuationBasis;
  groups: SpendGroup[];
  groupCount: number;
  total: SpendFigures;
  missingRates: { currency: string; from: string; amountMinor: number; count: number }[];
}

const toNumber = (value: Prisma.Decimal | bigint | null) => (value === null ? 0 : Number(value));

function figures(row: SpendRow): SpendFigures {
  return {
    giftsMinor: toNumber(row.gifts),
    placementsMinor: toNumber(row.placements),
    paidMinor: toNumber(row.paid),
    giftCount: toNumber(row.gift_count),
    placementCount: toNumber(row.placement_count),
    paymentCount: toNumber(row.payment_count),
    partners: row.partners === null ? null : toNumber(row.partners),
    unconverted: toNumber(row.unconverted),
  };
}

/**
 * One statement: the page of groups, the grand total and the missing rates, all over the same
 * converted rows. `page` null returns every group (exports).
 */
export async function spendReport(
  options: {
    filter: SpendFilter;
    grouping: SpendGrouping;
    currency: string;
    basis: GiftValuationBasis;
    page: number | null;
    pageSize?: number;
  },
  client: DbClient = db(),
): Promise<SpendReport> {
  const { filter, grouping, currency, basis, page, pageSize = 50 } = options;
  const limit = page === null ? Prisma.empty : Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const sums = Prisma.sql`
    round(sum(amount_rc) FILTER (WHERE kind = 'gift')) AS gifts,
    round(sum(amount_rc) FILTER (WHERE kind = 'placement')) AS placements,
    round(sum(amount_rc) FILTER (WHERE kind = 'payment')) AS paid,
    COALESCE(sum(n) FILTER (WHERE kind = 'gift'), 0) AS gift_count,
    COALESCE(sum(n) FILTER (WHERE kind = 'placement'), 0) AS placement_count,
    COALESCE(sum(n) FILTER (WHERE kind = 'payment'), 0) AS payment_count,
    COALESCE(sum(n) FILTER (WHERE amount_rc IS NULL), 0) AS unconverted`;
  const finalKey = grouping === "month" ? Prisma.sql`to_char(key, 'YYYY-MM')` : Prisma.sql`key`;
  // Only the "gifts against placements" view counts partners; it needs the rows before they are summed by day.
  const partners =
    grouping === "kind"
      ? Prisma.sql`(SELECT count(DISTINCT partner_id) FROM lines WHERE lines.kind = grouped.key)`
      : Prisma.sql`NULL::bigint`;
  // Each sum is converted exactly and totals are rounded to minor units once.
  const rows = await client.$queryRaw<SpendRow[]>`
    WITH lines AS MATERIALIZED (${spendLinesSql(filter, basis)}),
    ${convertedCtes({ key: groupKey[grouping] }, currency)},
    grouped AS (SELECT key, ${sums} FROM converted GROUP BY key)
    (SELECT 'group' AS row_type, ${finalKey} AS key, gifts, placements, paid, gift_count, placement_count, payment_count, ${partners} AS partners, unconverted,
        count(*) OVER () AS group_count, NULL::date AS missing_from, NULL::numeric AS missing_amount
      FROM grouped ORDER BY ${groupOrder[grouping]} ${limit})
    UNION ALL
    SELECT 'total', NULL, gifts, placements, paid, gift_count, placement_count, payment_count, NULL, unconverted, NULL, NULL, NULL FROM (SELECT ${sums} FROM converted) t
    UNION ALL
    SELECT 'missing', "currency", NULL, NULL, NULL, 0, 0, 0, NULL, sum(n), NULL, min(on_day), sum(amount)
      FROM converted WHERE amount_rc IS NULL GROUP BY "currency"`;
  const groups = rows.filter((r) => r.row_type === "group");
  const labels = await groupLabels(
    client,
    grouping,
    groups.map((g) => g.key).filter((k): k is string => k !== null),
  );
  const total = rows.find((r) => r.row_type === "total");
  return {
    currency,
    basis,
    groupCount: toNumber(groups[0]?.group_count ?? null),
    groups: groups.map((row) => ({ key: row.key, label: row.key === null ? null : (labels.get(row.key) ?? row.key), ...figures(row) })),
    total: total
      ? figures(total)
      : figures({
          gifts: null,
          placements: null,
          paid: null,
          gift_count: 0n,
          placement_count: 0n,
          payment_count: 0n,
          partners: 0n,
          unconverted: 0n,
        } as SpendRow),
    missingRates: rows
      .filter((r) => r.row_type === "missing")
      .map((r) => ({
        currency: r.key!,
        from: r.missing_from!.toISOString().slice(0, 10),
        amountMinor: toNumber(r.missing_amount),
        count: toNumber(r.unconverted),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

async function groupLabels(client: DbClient, grouping: SpendGrouping, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  if (grouping === "partner") {
    const partners = await client.partner.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } });
    return new Map(partners.map((p) => [p.id, p.name]));
  }
  if (grouping === "campaign") {
    const campaigns = await client.campaign.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } });
    return new Map(campaigns.map((c) => [c.id, c.name]));
  }
  return new Map();
}

/** All of a partner's spend, in the reporting currency, for the partner page. */
export async function partnerSpendTotals(partnerId: string) {
  const settings = await getSettings();
  return spendReport({
    filter: { partnerId },
    grouping: "kind",
    currency: settings.reportingCurrency,
    basis: settings.giftValuationBasis,
    page: null,
  });
}
