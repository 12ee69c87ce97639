/** The disclosure counts: one SQL fragment per count, the partner record, the monthly summary and the dashboard figures. */
import { Prisma } from "~/generated/prisma/client";
import { monthBounds } from "./coverage";
import { utcDay } from "~/shared/days";
import { db } from "~/utils/db.server";

/**
 * The disclosure counts, written once for every query that reports them, over the checks named
 * `check`: required (a disclosure was needed), compliant, awaiting review, confirmed issue.
 */
export function disclosureCountsSql(check: Prisma.Sql) {
  return {
    required: Prisma.sql`count(*) FILTER (WHERE ${check}."verdict" <> 'not_required')`,
    compliant: Prisma.sql`count(*) FILTER (WHERE ${check}."verdict" = 'compliant')`,
    awaitingReview: Prisma.sql`count(*) FILTER (WHERE ${check}."needsReview")`,
    confirmedIssue: Prisma.sql`count(*) FILTER (WHERE ${check}."verdict" IN ('missing', 'insufficient') AND ${check}."reviewDecision" = 'confirmed_issue')`,
  };
}

/** A check that is an open issue: flagged and waiting for review, or confirmed by compliance. */
const openIssueWhere = {
  verdict: { in: ["missing", "insufficient"] },
  OR: [{ needsReview: true }, { reviewDecision: "confirmed_issue" }],
} satisfies Prisma.DisclosureCheckWhereInput;

/** The partner page's disclosure record, from the current checks of the partner's coverage. */
export async function partnerDisclosureRecord(partnerId: string) {
  const count = disclosureCountsSql(Prisma.sql`c`);
  const [counts] = await db().$queryRaw<{ needed: bigint; compliant: bigint; awaiting: bigint; confirmed: bigint }[]>`
    SELECT ${count.required} AS needed, ${count.compliant} AS compliant,
           ${count.awaitingReview} AS awaiting, ${count.confirmedIssue} AS confirmed
    FROM "DisclosureCheck" c WHERE c."partnerId" = ${partnerId} AND c."current"`;
  const openIssues = await db().disclosureCheck.findMany({
    where: {
      partnerId,
      current: true,
      ...openIssueWhere,
    },
    orderBy: [{ publishedOn: "desc" }],
    take: 10,
    select: {
      id: true,
      jurisdiction: true,
      verdict: true,
      reasons: true,
      reviewDecision: true,
      publishedOn: true,
      coverageItem: { select: { id: true, title: true, url: true } },
    },
  });
  return {
    needed: Number(counts.needed),
    compliant: Number(counts.compliant),
    awaitingReview: Number(counts.awaiting),
    confirmedIssues: Number(counts.confirmed),
    openIssueCount: Number(counts.awaiting) + Number(counts.confirmed),
    openIssues,
  };
}

interface SummaryRow {
  key: string;
  label: string;
  checked: bigint;
  required: bigint;
  compliant: bigint;
  insufficient: bigint;
  missing: bigint;
  not_required: bigint;
  awaiting: bigint;
  confirmed: bigint;
}

const summaryCount = disclosureCountsSql(Prisma.sql`c`);
const summaryColumns = Prisma.sql`
  count(*) AS checked,
  ${summaryCount.required} AS required,
  ${summaryCount.compliant} AS compliant,
  count(*) FILTER (WHERE c."verdict" = 'insufficient') AS insufficient,
  count(*) FILTER (WHERE c."verdict" = 'missing') AS missing,
  count(*) FILTER (WHERE c."verdict" = 'not_required') AS not_required,
  ${summaryCount.awaitingReview} AS awaiting,
  ${summaryCount.confirmedIssue} AS confirmed`;

const asCounts = (row: SummaryRow) => ({
  key: row.key,
  label: row.label,
  checked: Number(row.checked),
  required: Number(row.required),
  compliant: Number(row.compliant),
  insufficient: Number(row.insufficient),
  missing: Number(row.missing),
  notRequired: Number(row.not_required),
  awaitingReview: Number(row.awaiting),
  confirmedIssues: Number(row.confirmed),
});
export type SummaryCounts = ReturnType<typeof asCounts>;

/** The monthly compliance summary: the current checks of coverage published in the month, by jurisdiction and by partner. */
export async function complianceSummary(month: string, { byPartner: withPartners = true } = {}) {
  const { from, until } = monthBounds(month);
  const inMonth = Prisma.sql`c."current" AND c."publishedOn" >= ${utcDay(from)} AND c."publishedOn" < ${utcDay(until)}`;
  const [byJurisdiction, byPartner, totals] = await Promise.all([
    db().$queryRaw<SummaryRow[]>`SELECT c."jurisdiction" AS key, c."jurisdiction" AS label, ${summaryColumns}
      FROM "DisclosureCheck" c WHERE ${inMonth} GROUP BY c."jurisdiction" ORDER BY c."jurisdiction"`,
    !withPartners
      ? []
      : db().$queryRaw<SummaryRow[]>`SELECT c."partnerId" AS key, p."name" AS label, ${summaryColumns}
      FROM "DisclosureCheck" c JOIN "Partner" p ON p."id" = c."partnerId" WHERE ${inMonth}
      GROUP BY c."partnerId", p."name" ORDER BY count(*) FILTER (WHERE c."verdict" IN ('missing', 'insufficient')) DESC, p."name", c."partnerId"`,
    db().$queryRaw<SummaryRow[]>`SELECT 'all' AS key, 'all' AS label, ${summaryColumns} FROM "DisclosureCheck" c WHERE ${inMonth}`,
  ]);
  return { month, byJurisdiction: byJurisdiction.map(asCounts), byPartner: byPartner.map(asCounts), totals: asCounts(totals[0]) };
}

/** Current checks of coverage published since `from`, by jurisdiction, for the compliance dashboard. */
/** Current checks since `from`, per jurisdiction and month of publication (YYYY-MM): one index-only scan. */
export async function complianceByJurisdictionAndMonth(from: string) {
  const count = disclosureCountsSql(Prisma.sql`c`);
  const rows = await db().$queryRaw<{ jurisdiction: string; month: string; required: bigint; compliant: bigint; open: bigint }[]>`
    SELECT c."jurisdiction", to_char(date_trunc('month', c."publishedOn"), 'YYYY-MM') AS month,
           ${count.required} AS required, ${count.compliant} AS compliant, ${count.awaitingReview} AS open
    FROM "DisclosureCheck" c WHERE c."current" AND c."publishedOn" >= ${utcDay(from)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({
    jurisdiction: r.jurisdiction,
    month: r.month,
    required: Number(r.required),
    compliant: Number(r.compliant),
    open: Number(r.open),
  }));
}

/** How many current checks wait for a compliance decision (counting stops at `cap`). */
export function openQueueCount(cap?: number) {
  return db().disclosureCheck.count({ where: { needsReview: true }, take: cap });
}
