/**
 * The monthly report ("bilan mensuel"): a month's spend, coverage and KPIs against the month
 * before and the same month a year earlier, new partners, stage changes and the disclosure summary.
 */
import { Prisma } from "~/generated/prisma/client";
import { monthBounds } from "~/features/compliance";
import { isoDay, utcDay } from "~/shared/days";
import { comparedPeriods, type CostBenefit } from "./metrics";
import { db } from "~/utils/db.server";
import { stageChangeCondition } from "~/utils/audit.server";
import { complianceSummary } from "~/features/compliance/index.server";
import { costBenefitTotal, type MetricsContext } from "./metrics.server";
import { partnerScopes } from "~/features/partners/index.server";

export async function monthlyReport(month: string, context: MetricsContext, today = isoDay(new Date())) {
  const { months, periods, throughDay } = comparedPeriods(month, today);
  const { from, until } = monthBounds(month);
  const inMonth = (column: Prisma.Sql) => Prisma.sql`${column} >= ${utcDay(from)} AND ${column} < ${utcDay(until)}`;
  const [current, previous, lastYear, newPartners, newPartnerCount, stageChanges, platforms, disclosure] = await Promise.all([
    costBenefitTotal(periods.current, context),
    costBenefitTotal(periods.previous, context),
    costBenefitTotal(periods.lastYear, context),
    db().partner.findMany({
      where: { createdAt: { gte: utcDay(from), lt: utcDay(until) }, ...partnerScopes.standing },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 20,
      select: { id: true, name: true, stage: true, createdAt: true },
    }),
    db().partner.count({ where: { createdAt: { gte: utcDay(from), lt: utcDay(until) }, ...partnerScopes.standing } }),
    // Stage changes come from the audit log, which every partner write goes through.
    db().$queryRaw<{ from_stage: string; to_stage: string; n: bigint }[]>`
      SELECT a."before"->>'stage' AS from_stage, a."after"->>'stage' AS to_stage, count(*) AS n
      FROM "AuditEvent" a
      WHERE ${inMonth(Prisma.sql`a."createdAt"`)} AND ${stageChangeCondition("a")} AND a."before" ? 'stage'
      GROUP BY 1, 2 ORDER BY n DESC, 1, 2`,
    db().$queryRaw<{ platform: string; n: bigint; impressions: bigint | null }[]>`
      SELECT c."platform"::text AS platform, count(*) AS n, sum(c."impressions") AS impressions
      FROM "CoverageItem" c WHERE ${inMonth(Prisma.sql`c."publishedOn"`)}
      GROUP BY 1 ORDER BY n DESC, 1`,
    complianceSummary(month, { byPartner: false }),
  ]);
  const figures: Record<"current" | "previous" | "lastYear", CostBenefit> = { current, previous, lastYear };
  return {
    months,
    periods,
    throughDay,
    currency: context.currency,
    basis: context.basis,
    rates: context.rates,
    figures,
    newPartners: { count: newPartnerCount, first: newPartners },
    stageChanges: stageChanges.map((row) => ({ from: row.from_stage, to: row.to_stage, count: Number(row.n) })),
    coverageByPlatform: platforms.map((row) => ({
      platform: row.platform,
      count: Number(row.n),
      impressions: row.impressions === null ? null : Number(row.impressions),
    })),
    disclosure: { byJurisdiction: disclosure.byJurisdiction, totals: disclosure.totals },
  };
}

export type MonthlyReport = Awaited<ReturnType<typeof monthlyReport>>;
