/** What each role sees first on the home page; each panel is loaded only for the roles that see it. */
import { committedMinor } from "~/shared/money";
import { presetPeriod } from "./metrics";
import { DEFAULT_PERIOD_PRESET } from "./period-query";
import { addDays } from "~/shared/days";
import { isoDay, todayUtc } from "~/shared/days";
import { DASHBOARD_COUNT_CAP, NEW_COVERAGE_DAYS, WAITING_DAYS } from "./dashboard";
import { db } from "~/utils/db.server";
import { campaignSpend, waitingForCoverage } from "~/features/spend/index.server";
import { complianceByJurisdictionAndMonth, openQueueCount } from "~/features/compliance/index.server";
import { activityByMonth } from "./cost-benefit-rollup.server";
import { bestAndBelowBreakEven, type MetricsContext } from "./metrics.server";
import { myFollowUps, myRepliedFollowUps } from "~/features/outreach/index.server";

/** Whether anyone has recorded anything yet: the welcome text is for an empty workspace only. */
export async function workspaceHasData() {
  return (await db().partner.findFirst({ select: { id: true } })) !== null;
}

export async function cmDashboard(userId: string) {
  const today = isoDay(todayUtc());
  const since = addDays(today, -NEW_COVERAGE_DAYS);
  const year = presetPeriod("12m", today);
  const [followUps, replied, waitingGifts, newCoverageCount, newCoverage, byMonth, capturedWaiting] = await Promise.all([
    myFollowUps(userId),
    myRepliedFollowUps(userId),
    db().gift.count({ where: waitingForCoverage(WAITING_DAYS), take: DASHBOARD_COUNT_CAP }),
    db().coverageItem.count({ where: { publishedOn: { gte: new Date(`${since}T00:00:00Z`) } }, take: DASHBOARD_COUNT_CAP }),
    db().coverageItem.findMany({
      where: { publishedOn: { gte: new Date(`${since}T00:00:00Z`) } },
      orderBy: [{ publishedOn: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, title: true, url: true, platform: true, publishedOn: true, partner: { select: { id: true, name: true } } },
    }),
    activityByMonth(year.from),
    db().capturedPost.count({ where: { status: "captured" }, take: DASHBOARD_COUNT_CAP }),
  ]);
  return {
    capturedWaiting,
    overdue: followUps.overdue.slice(0, 5),
    overdueCount: followUps.overdue.length,
    upcomingCount: followUps.upcoming.length,
    replied: replied.slice(0, 5),
    waitingGifts,
    newCoverageCount,
    newCoverage,
    since,
    year,
    byMonth,
  };
}

export async function marketingDashboard(context: MetricsContext) {
  const today = isoDay(todayUtc());
  // The ranking's own default period, so the dashboard and the ranking never disagree.
  const period = presetPeriod(DEFAULT_PERIOD_PRESET, today);
  const campaigns = await db().campaign.findMany({
    where: { archivedAt: null, budgetMinor: { not: null }, OR: [{ endsOn: null }, { endsOn: { gte: todayUtc() } }] },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
    take: 5,
    select: { id: true, name: true, budgetMinor: true, currency: true },
  });
  const year = presetPeriod("12m", today);
  const [spends, ranking, awaitingApproval, monthlySpend] = await Promise.all([
    Promise.all(campaigns.map((c) => campaignSpend(c))),
    bestAndBelowBreakEven(period, context),
    db().placement.count({ where: { status: "proposed" }, take: DASHBOARD_COUNT_CAP }),
    activityByMonth(year.from),
  ]);
  return {
    period,
    year,
    awaitingApproval,
    spendByMonth: monthlySpend,
    campaigns: campaigns.map((c, i) => ({
      ...c,
      committedMinor: committedMinor(spends[i].total),
      paidMinor: spends[i].total.paidMinor,
      unconverted: spends[i].total.unconverted,
    })),
    best: ranking.best,
    worst: ranking.worst,
  };
}

export async function complianceDashboard() {
  const year = presetPeriod("12m", isoDay(todayUtc()));
  const [open, byMonth] = await Promise.all([openQueueCount(DASHBOARD_COUNT_CAP), complianceByJurisdictionAndMonth(year.from)]);
  const totals = new Map<string, { jurisdiction: string; required: number; compliant: number; open: number }>();
  for (const row of byMonth) {
    const total = totals.get(row.jurisdiction) ?? { jurisdiction: row.jurisdiction, required: 0, compliant: 0, open: 0 };
    total.required += row.required;
    total.compliant += row.compliant;
    total.open += row.open;
    totals.set(row.jurisdiction, total);
  }
  return { open, byJurisdiction: [...totals.values()], byMonth, from: year.from, year };
}
