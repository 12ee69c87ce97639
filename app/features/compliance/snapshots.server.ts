/**
 * Snapshots of coverage pages as evidence: the document as fetched (gzip), its SHA-256, the time
 * and the response headers, and its readable text. A snapshot whose text lost a disclosure that
 * the item had when it was approved or reviewed sends the item back to the compliance queue.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Prisma } from "~/generated/prisma/client";
import { isFailing } from "./coverage-terms";
import { htmlToText } from "~/features/attribution";
import { ERASED_COVERAGE_URL_PREFIX, isErasedCoverageUrl } from "~/shared/personal-data";
import { RuleViolation } from "~/shared/violations";
import { db } from "~/utils/db.server";
import { inParallel } from "~/utils/in-parallel.server";
import { documentText, safeFetch, type FetchedDocument } from "~/utils/safe-fetch.server";
import { recordAudit } from "~/utils/audit.server";
import { checkContext, checksFor, type CheckableItem } from "./disclosure.server";
import { enqueueJob } from "~/utils/jobs.server";
import { lockRow } from "~/utils/row-locks.server";

const MAX_SNAPSHOT_BYTES = 10 * 1024 * 1024;

export type SnapshotVerdicts = { jurisdiction: string; verdict: "not_required" | "compliant" | "missing" | "insufficient" }[];

export async function requestSnapshot(actorId: string, coverageItemId: string) {
  return db().$transaction(async (tx) => {
    const item = await tx.coverageItem.findUnique({ where: { id: coverageItemId }, select: { url: true } });
    if (!item) throw new RuleViolation("errors.notFound", 404);
    if (isErasedCoverageUrl(item.url)) throw new RuleViolation("snapshots.erased", 409);
    return enqueueJob(tx, "coverage.snapshot", { coverageItemId }, actorId, 1);
  });
}

/** The page's words: HTML made readable, other text as it is, nothing for binary documents. */
export function readableText(document: Pick<FetchedDocument, "body" | "headers">): string {
  const type = (document.headers["content-type"] ?? "").toLowerCase();
  const decoded = documentText(document);
  if (type.includes("html") || (!type && /^\s*<(!doctype|html)/i.test(decoded))) return htmlToText(decoded);
  if (type.startsWith("text/") || type.includes("xml") || type.includes("json")) return decoded.trim();
  return "";
}

/**
 * Which jurisdictions lost their disclosure: the item stood settled there (its current check
 * passed, or compliance reviewed it as a false positive or fixed) and the page passed at the last
 * snapshot, and now the page fails.
 */
export function disclosureRemovedIn(
  now: SnapshotVerdicts,
  previous: SnapshotVerdicts | null,
  currentChecks: readonly { jurisdiction: string; verdict: string; needsReview: boolean; reviewDecision: string | null }[],
): string[] {
  return now
    .filter(({ jurisdiction, verdict }) => {
      if (!isFailing(verdict)) return false;
      const check = currentChecks.find((row) => row.jurisdiction === jurisdiction);
      if (!check || check.needsReview) return false;
      const settled =
        check.verdict === "compliant" || check.reviewDecision === "false_positive" || check.reviewDecision === "fixed_by_partner";
      if (!settled) return false;
      const before = previous?.find((row) => row.jurisdiction === jurisdiction);
      return !before || before.verdict === "compliant";
    })
    .map(({ jurisdiction }) => jurisdiction);
}

/** Fetches the item's page through the safe fetcher and keeps it; a fetch that is refused fails with its reason. */
export async function takeSnapshot(coverageItemId: string, actorId: string | null, options: { timeoutMs?: number } = {}) {
  const item = await db().coverageItem.findUnique({
    where: { id: coverageItemId },
    include: { campaign: { select: { jurisdictions: true } } },
  });
  if (!item) throw new RuleViolation("errors.notFound", 404);
  if (isErasedCoverageUrl(item.url)) throw new RuleViolation("snapshots.erased", 409);
  const fetched = await safeFetch(item.url, {
    maxBytes: MAX_SNAPSHOT_BYTES,
    timeoutMs: options.timeoutMs ?? 20_000,
    headers: { Accept: "text/html,*/*;q=0.8" },
  });
  return recordSnapshot(item, fetched, actorId);
}

/** Keeps a fetched page as the item's next snapshot and compares it with the last one. */
export async function recordSnapshot(
  item: CheckableItem & { url: string; campaign: { jurisdictions: string[] } | null },
  fetched: FetchedDocument,
  actorId: string | null,
) {
  const coverageItemId = item.id;
  const text = readableText(fetched);
  const sha256 = createHash("sha256").update(fetched.body).digest("hex");
  const context = await checkContext();
  const checks = checksFor({ ...item, text }, item.campaign?.jurisdictions ?? null, context);
  const verdicts: SnapshotVerdicts = checks.map((check) => ({ jurisdiction: check.jurisdiction, verdict: check.result.verdict }));
  return db().$transaction(async (tx) => {
    // One snapshot of an item at a time, so each compares with the one before it.
    if (!(await lockRow(tx, "CoverageItem", coverageItemId))) throw new RuleViolation("errors.notFound", 404);
    const [previous, currentChecks] = await Promise.all([
      tx.coverageSnapshot.findFirst({
        where: { coverageItemId },
        orderBy: { fetchedAt: "desc" },
        select: { id: true, verdicts: true, sha256: true },
      }),
      tx.disclosureCheck.findMany({ where: { coverageItemId, current: true } }),
    ]);
    const removed =
      fetched.status < 400
        ? disclosureRemovedIn(verdicts, (previous?.verdicts as SnapshotVerdicts | undefined) ?? null, currentChecks)
        : [];
    const snapshot = await tx.coverageSnapshot.create({
      data: {
        coverageItemId,
        requestedUrl: item.url,
        finalUrl: fetched.url,
        httpStatus: fetched.status,
        headers: fetched.headers,
        body: gzipSync(fetched.body),
        sha256,
        byteLength: fetched.body.length,
        text,
        verdicts: verdicts as unknown as Prisma.InputJsonValue,
        disclosureRemoved: removed.length > 0,
        requestedById: actorId,
        fetchedAt: fetched.fetchedAt,
      },
      select: { id: true },
    });
    for (const jurisdiction of removed) {
      const check = checks.find((candidate) => candidate.jurisdiction === jurisdiction)!;
      const previousCheck = currentChecks.find((row) => row.jurisdiction === jurisdiction)!;
      await tx.disclosureCheck.update({ where: { id: previousCheck.id }, data: { current: false, needsReview: false } });
      await tx.disclosureCheck.create({
        data: {
          ...check.row,
          jurisdictionSource: previousCheck.jurisdictionSource,
          reasons: ["DISCLOSURE_REMOVED", ...check.result.reasons],
          needsReview: true,
          supersedesId: previousCheck.id,
          snapshotId: snapshot.id,
        },
      });
    }
    await recordAudit(tx, {
      actorId,
      action: "coverage.snapshot",
      entityType: "CoverageSnapshot",
      entityId: snapshot.id,
      subjectId: item.partnerId,
      after: {
        coverageItemId,
        finalUrl: fetched.url,
        httpStatus: fetched.status,
        sha256,
        byteLength: fetched.body.length,
        sameAsPrevious: previous?.sha256 === sha256,
        disclosureRemovedIn: removed,
      },
    });
    return { snapshotId: snapshot.id, coverageItemId, httpStatus: fetched.status, sha256, disclosureRemovedIn: removed };
  });
}

export function itemSnapshots(coverageItemId: string) {
  return db().coverageSnapshot.findMany({
    where: { coverageItemId },
    orderBy: { fetchedAt: "desc" },
    take: 50,
    select: {
      id: true,
      fetchedAt: true,
      httpStatus: true,
      finalUrl: true,
      sha256: true,
      byteLength: true,
      disclosureRemoved: true,
      verdicts: true,
      requestedBy: { select: { name: true } },
    },
  });
}

/** One snapshot with what the page needs: its text, headers and the text of the one before it. */
export async function getSnapshot(coverageItemId: string, snapshotId: string) {
  const snapshot = await db().coverageSnapshot.findFirst({
    where: { id: snapshotId, coverageItemId },
    select: {
      id: true,
      requestedUrl: true,
      finalUrl: true,
      httpStatus: true,
      headers: true,
      sha256: true,
      byteLength: true,
      text: true,
      verdicts: true,
      disclosureRemoved: true,
      fetchedAt: true,
      requestedBy: { select: { name: true } },
      coverageItem: { select: { id: true, title: true, url: true, partner: { select: { id: true, name: true } } } },
    },
  });
  if (!snapshot) return null;
  const previous = await db().coverageSnapshot.findFirst({
    where: { coverageItemId, fetchedAt: { lt: snapshot.fetchedAt } },
    orderBy: { fetchedAt: "desc" },
    select: { id: true, fetchedAt: true, sha256: true, text: true },
  });
  return { snapshot, previous };
}

/** The document as it was received, for download. */
export async function snapshotDocument(coverageItemId: string, snapshotId: string) {
  const row = await db().coverageSnapshot.findFirst({
    where: { id: snapshotId, coverageItemId },
    select: { body: true, sha256: true, headers: true },
  });
  if (!row) return null;
  const headers = row.headers as Record<string, string>;
  return { body: gunzipSync(row.body), sha256: row.sha256, contentType: headers["content-type"] ?? "application/octet-stream" };
}

/** The schedule's round: recent coverage whose last snapshot is a week old or missing, oldest first. */
export async function snapshotRecentCoverage(now = new Date(), options: { limit?: number; timeoutMs?: number } = {}) {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const due = await db().$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "CoverageItem" c
    LEFT JOIN LATERAL (SELECT max(s."fetchedAt") AS "last" FROM "CoverageSnapshot" s WHERE s."coverageItemId" = c."id") s ON TRUE
    WHERE c."publishedOn" >= ${since} AND c."url" NOT LIKE ${`${ERASED_COVERAGE_URL_PREFIX}%`}
      AND (s."last" IS NULL OR s."last" < ${weekAgo})
    ORDER BY s."last" ASC NULLS FIRST, c."publishedOn" DESC
    LIMIT ${options.limit ?? 200}`;
  const totals = { items: due.length, failed: 0, disclosureRemoved: 0 };
  const { failed } = await inParallel(
    due,
    3,
    async ({ id }) => {
      const result = await takeSnapshot(id, null, { timeoutMs: options.timeoutMs });
      if (result.disclosureRemovedIn.length) totals.disclosureRemoved++;
    },
    ({ id }) => `Snapshot of coverage ${id}`,
  );
  totals.failed = failed;
  return totals;
}
