/**
 * The cost-benefit rollup: the sums of metrics.md per partner, campaign and day, converted to the
 * reporting currency, so that reports add up a few rows per partner instead of converting and
 * joining every gift, placement, payment, coverage item and check each time.
 *
 * Keeping it in step: triggers on every source table mark the partners a write touches as stale
 * (CostBenefitStale), in the writing transaction; `refreshCostBenefitRollups` runs before any read
 * and recomputes the stale partners with `rollupSourceSql`, the fresh aggregation.
 */
import { disclosureCountsSql } from "~/features/compliance/index.server";
import { Prisma } from "~/generated/prisma/client";
import { metricNames } from "~/features/compliance";
import type { GiftValuationBasis } from "~/shared/money";
import { db } from "~/utils/db.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { getSettings } from "~/features/accounts/index.server";
import { and, convertedCtes, partnerConditions, spendLinesSql, type SpendFilter } from "~/features/spend/index.server";

/** Summed in minor units of the reporting currency, not yet rounded (a total is rounded once). */
export const rollupMoneyColumns = ["giftsMinor", "placementsMinor", "paidMinor", "revenueMinor", "orderRevenueMinor"] as const;
export const rollupCountColumns = [
  "giftCount",
  "placementCount",
  "paymentCount",
  "unconverted",
  "coverageCount",
  "disclosureRequired",
  "disclosureCompliant",
  "orderCount",
] as const;
/** Counted by the app itself, apart from the metrics people enter. */
export const rollupTrackedColumns = ["trackedClicks"] as const;
type RollupColumn =
  | (typeof rollupMoneyColumns)[number]
  | (typeof rollupCountColumns)[number]
  | (typeof metricNames)[number]
  | (typeof rollupTrackedColumns)[number];

const columnTypes: [RollupColumn, string][] = [
  ...rollupMoneyColumns.map((c) => [c, "numeric"] as [RollupColumn, string]),
  ...rollupCountColumns.map((c) => [c, "bigint"] as [RollupColumn, string]),
  ...metricNames.map((c) => [c, "bigint"] as [RollupColumn, string]),
  ...rollupTrackedColumns.map((c) => [c, "bigint"] as [RollupColumn, string]),
];
export const rollupColumns = columnTypes.map(([column]) => column);

export const quoted = (column: string) => Prisma.raw(`"${column}"`);

/** One part of the rollup's sources: its key and some columns; the others are NULL. */
function part(key: [Prisma.Sql, Prisma.Sql, Prisma.Sql], columns: Partial<Record<RollupColumn, Prisma.Sql>>) {
  const values = columnTypes.map(([column, type]) => Prisma.sql`${columns[column] ?? Prisma.raw(`NULL::${type}`)} AS ${quoted(column)}`);
  return Prisma.sql`SELECT ${key[0]} AS partner_id, ${key[1]} AS campaign_id, ${key[2]} AS on_day, ${Prisma.join(values)}`;
}

const ofKind = (kind: string) => Prisma.sql`sum(amount_rc) FILTER (WHERE kind = ${kind})`;
const countOfKind = (kind: string) => Prisma.sql`sum(n) FILTER (WHERE kind = ${kind})`;

/**
 * The fresh aggregation, one row per (partner, campaign, day) with any activity, for the given
 * partners (null: all of them). Amounts are converted at the latest rate on or before each row's
 * own date (`convertedCtes`, shared with the spend views); an amount with no rate stays out and
 * is counted in `unconverted`.
 */
export function rollupSourceSql(partnerIds: string[] | null, currency: string, basis: GiftValuationBasis) {
  const filter: SpendFilter = partnerIds ? { partnerIds } : {};
  const where = (alias: string) => and(partnerConditions(filter, Prisma.raw(alias)));
  const itemKey = (alias: string): [Prisma.Sql, Prisma.Sql, Prisma.Sql] => [
    Prisma.raw(`${alias}."partnerId"`),
    Prisma.raw(`${alias}."campaignId"`),
    Prisma.raw(`${alias}."publishedOn"`),
  ];
  const money = part([Prisma.sql`partner_id`, Prisma.sql`campaign_id`, Prisma.sql`on_day`], {
    giftsMinor: ofKind("gift"),
    placementsMinor: ofKind("placement"),
    paidMinor: ofKind("payment"),
    revenueMinor: ofKind("revenue"),
    // An order and its refunds (negative, on their own day) net to the attributed revenue.
    orderRevenueMinor: Prisma.sql`sum(amount_rc) FILTER (WHERE kind IN ('order', 'refund'))`,
    orderCount: countOfKind("order"),
    giftCount: countOfKind("gift"),
    placementCount: countOfKind("placement"),
    paymentCount: countOfKind("payment"),
    unconverted: Prisma.sql`sum(n) FILTER (WHERE amount_rc IS NULL)`,
  });
  const benefit = part(itemKey("c"), {
    coverageCount: Prisma.sql`count(*)`,
    ...Object.fromEntries(metricNames.map((m) => [m, Prisma.sql`sum(c.${quoted(m)})`])),
  });
  const disclosureCount = disclosureCountsSql(Prisma.sql`d`);
  const disclosure = part(itemKey("d"), {
    disclosureRequired: disclosureCount.required,
    disclosureCompliant: disclosureCount.compliant,
  });
  const tracked = part([Prisma.sql`l."partnerId"`, Prisma.sql`l."campaignId"`, Prisma.sql`k."day"`], {
    trackedClicks: Prisma.sql`sum(k."clicks")`,
  });
  const totals = columnTypes.map(([column]) =>
    (rollupCountColumns as readonly string[]).includes(column)
      ? Prisma.sql`COALESCE(sum(${quoted(column)}), 0) AS ${quoted(column)}`
      : Prisma.sql`sum(${quoted(column)}) AS ${quoted(column)}`,
  );
  return Prisma.sql`
    WITH lines AS MATERIALIZED (
      ${spendLinesSql(filter, basis)}
      UNION ALL
      SELECT 'revenue', c."partnerId", c."campaignId", c."publishedOn", c."revenueCurrency", c."revenueMinor"::bigint
      FROM "CoverageItem" c WHERE c."revenueMinor" IS NOT NULL ${where("c")}
      UNION ALL
      SELECT 'order', o."partnerId", o."campaignId", o."orderedAt"::date, o."currency", o."totalMinor"::bigint
      FROM "ShopOrder" o WHERE o."partnerId" IS NOT NULL ${where("o")}
      UNION ALL
      SELECT 'refund', o."partnerId", o."campaignId", a."day", o."currency", -a."amountMinor"::bigint
      FROM "OrderAdjustment" a JOIN "ShopOrder" o ON o."id" = a."orderId" WHERE o."partnerId" IS NOT NULL ${where("o")}
    ),
    ${convertedCtes({ partner_id: Prisma.sql`partner_id`, campaign_id: Prisma.sql`campaign_id` }, currency)},
    parts AS (
      ${money} FROM converted GROUP BY 1, 2, 3
      UNION ALL
      ${benefit} FROM "CoverageItem" c WHERE TRUE ${where("c")} GROUP BY 1, 2, 3
      UNION ALL
      ${disclosure} FROM "DisclosureCheck" d WHERE d."current" ${where("d")} GROUP BY 1, 2, 3
      UNION ALL
      ${tracked} FROM "LinkClickDay" k JOIN "TrackedLink" l ON l."id" = k."linkId" WHERE TRUE ${where("l")} GROUP BY 1, 2, 3
    )
    SELECT partner_id AS "partnerId", campaign_id AS "campaignId", on_day AS "day", ${Prisma.join(totals)}
    FROM parts GROUP BY 1, 2, 3`;
}

/** Beyond this many stale partners, summing everything again is faster than partner by partner. */
const FULL_REBUILD_ABOVE = 1000;
const REFRESH_LOCK = 604_201;

/**
 * Recomputes the rollup rows of every stale partner; returns how many were refreshed. Refreshes
 * run one at a time (an advisory lock), and a partner marked stale while one runs is picked up by
 * the next. The settings are read after the claim, so a currency change is never half applied.
 */
export async function refreshCostBenefitRollups(): Promise<number> {
  const [{ stale }] = await db().$queryRaw<{ stale: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "CostBenefitStale") AS stale`;
  if (!stale) return 0;
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
      const claimed = await tx.$queryRaw<{ partnerId: string }[]>`DELETE FROM "CostBenefitStale" RETURNING "partnerId"`;
      if (!claimed.length) return 0;
      const settings = await getSettings(tx);
      const partnerIds = claimed.length > FULL_REBUILD_ABOVE ? null : claimed.map((row) => row.partnerId);
      if (partnerIds) await tx.$executeRaw`DELETE FROM "CostBenefitRollup" WHERE "partnerId" = ANY(${partnerIds}::text[])`;
      else await tx.$executeRaw`TRUNCATE "CostBenefitRollup"`;
      await tx.$executeRaw`
        INSERT INTO "CostBenefitRollup" ("partnerId", "campaignId", "day", ${Prisma.join(rollupColumns.map(quoted))})
        ${rollupSourceSql(partnerIds, settings.reportingCurrency, settings.giftValuationBasis)}`;
      return claimed.length;
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
}

/** What every report calls before reading: one refresh per page request, however many sums it reads. */
export function ensureCostBenefitRollupsFresh(): Promise<number> {
  return oncePerRequest("costBenefitRollups", refreshCostBenefitRollups);
}

export interface MonthActivity {
  giftsMinor: number;
  placementsMinor: number;
  giftCount: number;
  coverageCount: number;
}

/**
 * Per month since `from`: gifts and committed placements in the reporting currency, gifts shipped
 * and coverage published, from the rollup. The spend views convert the same way; one pass over
 * the rollup is much cheaper than converting and counting a year of raw rows on every dashboard.
 */
export function activityByMonthSql(from: string) {
  return Prisma.sql`
    SELECT to_char(date_trunc('month', "day"), 'YYYY-MM') AS month,
           COALESCE(round(sum("giftsMinor")), 0)::float8 AS gifts, COALESCE(round(sum("placementsMinor")), 0)::float8 AS placements,
           sum("giftCount")::int AS gift_count, sum("coverageCount")::int AS coverage_count
    FROM "CostBenefitRollup" WHERE "day" >= ${new Date(`${from}T00:00:00Z`)}
    GROUP BY 1`;
}

/** Read once per request: the CM and marketing panels of one dashboard share it. */
export function activityByMonth(from: string): Promise<Record<string, MonthActivity>> {
  return oncePerRequest(`activityByMonth:${from}`, async () => {
    await ensureCostBenefitRollupsFresh();
    const rows = await db().$queryRaw<{ month: string; gifts: number; placements: number; gift_count: number; coverage_count: number }[]>(
      activityByMonthSql(from),
    );
    return Object.fromEntries(
      rows.map((row) => [
        row.month,
        {
          giftsMinor: Number(row.gifts),
          placementsMinor: Number(row.placements),
          giftCount: Number(row.gift_count),
          coverageCount: Number(row.coverage_count),
        },
      ]),
    );
  });
}
