/** The team's side of content review: the queue, the counts, one submission with its reviewers, and a decision. */
import { type ContentReviewInput } from "./content";
import { RuleViolation } from "~/shared/violations";
import { reviewSideFor, type Role } from "~/shared/permissions";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { lockSubmission, submissionRowSelect, versionSelect } from "./content.server";

/** The content review queue: submissions waiting for a decision, oldest first, and the other states on request. */
export async function contentQueue(status: "in_review" | "changes_requested" | "approved" | "published", page: number) {
  const PAGE = 25;
  const where = { status };
  const [rows, total] = await Promise.all([
    db().contentSubmission.findMany({
      where,
      orderBy: [{ updatedAt: status === "in_review" ? "asc" : "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: {
        ...submissionRowSelect,
        weakenedAfterApproval: true,
        partner: { select: { id: true, name: true } },
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { compliant: true, plannedOn: true, reviews: { select: { side: true, decision: true } } },
        },
      },
    }),
    db().contentSubmission.count({ where }),
  ]);
  return { rows, total, page, pageSize: PAGE };
}

/** Counts for the navigation and the dashboard: what waits for each side of the review. */
export async function contentReviewCounts() {
  const [row] = await db().$queryRaw<{ waiting: bigint; community: bigint; compliance: bigint }[]>`
    SELECT count(*) AS waiting,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "ContentReview" r WHERE r."versionId" = v."id" AND r."side" = 'community')) AS community,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "ContentReview" r WHERE r."versionId" = v."id" AND r."side" = 'compliance')) AS compliance
    FROM "ContentSubmission" s
    JOIN "ContentVersion" v ON v."submissionId" = s."id" AND v."number" = s."latestVersion"
    WHERE s."status" = 'in_review'`;
  return { waiting: Number(row.waiting), community: Number(row.community), compliance: Number(row.compliance) };
}

/** One submission for staff: every version, its checks, files and decisions with the reviewers' names. */
export function contentSubmissionForStaff(submissionId: string) {
  return db().contentSubmission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      status: true,
      platform: true,
      latestVersion: true,
      approvedVersion: true,
      weakenedAfterApproval: true,
      createdAt: true,
      partner: { select: { id: true, name: true } },
      gift: { select: { id: true, itemName: true } },
      placement: { select: { id: true, title: true } },
      coverageItem: {
        select: {
          id: true,
          url: true,
          text: true,
          publishedOn: true,
          checks: { where: { current: true }, select: { jurisdiction: true, verdict: true, needsReview: true } },
        },
      },
      versions: {
        orderBy: { number: "desc" },
        select: {
          ...versionSelect,
          reviews: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              side: true,
              decision: true,
              comment: true,
              createdAt: true,
              reviewer: { select: { id: true, name: true } },
            },
          },
        },
      },
    },
  });
}

/**
 * A reviewer's decision on the latest version. Changes requested by either side send it back to the
 * partner; approval needs both sides, from two different people.
 */
export async function reviewContent(reviewer: { id: string; role: Role }, submissionId: string, input: ContentReviewInput) {
  return db().$transaction(async (tx) => {
    const submission = await lockSubmission(tx, submissionId);
    if (submission.status !== "in_review") throw new RuleViolation("content.notInReview", 409);
    if (input.version !== submission.latestVersion) throw new RuleViolation("content.newerVersion", 409);
    const version = await tx.contentVersion.findUniqueOrThrow({
      where: { submissionId_number: { submissionId, number: input.version } },
      include: { reviews: true },
    });
    const side = reviewSideFor(
      reviewer.role,
      version.reviews.map((r) => r.side),
    );
    if (!side || version.reviews.some((r) => r.side === side)) throw new RuleViolation("content.sideDone", 409);
    if (version.reviews.some((r) => r.reviewerId === reviewer.id)) throw new RuleViolation("content.samePerson", 409);
    const review = await tx.contentReview.create({
      data: { versionId: version.id, reviewerId: reviewer.id, side, decision: input.decision, comment: input.comment ?? null },
    });
    const approvedBy = new Set([...version.reviews, review].filter((r) => r.decision === "approved").map((r) => r.side));
    const status =
      input.decision === "changes_requested"
        ? "changes_requested"
        : approvedBy.has("community") && approvedBy.has("compliance")
          ? "approved"
          : "in_review";
    await tx.contentSubmission.update({
      where: { id: submissionId },
      data: { status, approvedVersion: status === "approved" ? version.number : submission.approvedVersion },
    });
    await recordAudit(tx, {
      actorId: reviewer.id,
      action: `content.review.${input.decision}`,
      entityType: "ContentSubmission",
      entityId: submissionId,
      subjectId: submission.partnerId,
      before: { status: submission.status },
      after: { status, version: version.number, side, comment: input.comment ?? null },
    });
    return { status };
  });
}
