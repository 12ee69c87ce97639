/** Captured posts: the queue of feed entries that look like coverage, and the decision on each. */
import type { Prisma } from "~/generated/prisma/client";
import { CoverageFormSchema, MAX_TEXT_LENGTH } from "~/features/compliance";
import { isoDay } from "~/shared/days";
import { RuleViolation } from "~/shared/violations";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { insertCoverage } from "~/features/compliance/index.server";
import { enqueueJob } from "~/utils/jobs.server";
import { lockRow } from "~/utils/row-locks.server";

const PAGE_SIZE = 25;

export type CaptureStatusFilter = "captured" | "confirmed" | "dismissed";

export async function listCaptures(query: { status: CaptureStatusFilter; page: number; partnerId?: string }) {
  const where: Prisma.CapturedPostWhereInput = { status: query.status, ...(query.partnerId ? { partnerId: query.partnerId } : {}) };
  const [rows, total] = await Promise.all([
    db().capturedPost.findMany({
      where,
      orderBy: [{ publishedOn: query.status === "captured" ? "asc" : "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        status: true,
        url: true,
        title: true,
        text: true,
        publishedOn: true,
        matches: true,
        checks: true,
        giftId: true,
        placementId: true,
        coverageItemId: true,
        decidedAt: true,
        partner: { select: { id: true, name: true } },
        campaign: { select: { id: true, name: true } },
        decidedBy: { select: { name: true } },
        feed: { select: { kind: true, channel: { select: { platform: true, handle: true } } } },
      },
    }),
    db().capturedPost.count({ where }),
  ]);
  const [gifts, placements] = await Promise.all([
    db().gift.findMany({
      where: { id: { in: rows.flatMap((row) => (row.giftId ? [row.giftId] : [])) } },
      select: { id: true, itemName: true, quantity: true },
    }),
    db().placement.findMany({
      where: { id: { in: rows.flatMap((row) => (row.placementId ? [row.placementId] : [])) } },
      select: { id: true, title: true },
    }),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      gift: gifts.find((gift) => gift.id === row.giftId) ?? null,
      placement: placements.find((placement) => placement.id === row.placementId) ?? null,
    })),
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
  };
}

export function countPendingCaptures() {
  return db().capturedPost.count({ where: { status: "captured" } });
}

/**
 * Confirms a capture: it becomes a coverage item (through the same schema and checks as one typed
 * in), linked to the gift and placement found in the window, and a first snapshot of the page is
 * queued as evidence. A capture already decided gets a 409.
 */
export async function confirmCapture(actorId: string, captureId: string) {
  return db().$transaction(async (tx) => {
    if (!(await lockRow(tx, "CapturedPost", captureId))) throw new RuleViolation("errors.notFound", 404);
    const capture = await tx.capturedPost.findUniqueOrThrow({ where: { id: captureId } });
    if (capture.status !== "captured") throw new RuleViolation("captures.alreadyDecided", 409);
    const channel = await tx.channel.findUnique({ where: { id: capture.channelId }, select: { platform: true, partnerId: true } });
    const parsed = CoverageFormSchema.safeParse({
      partnerId: capture.partnerId,
      channelId: channel?.partnerId === capture.partnerId ? capture.channelId : undefined,
      campaignId: capture.campaignId ?? undefined,
      url: capture.url,
      platform: channel?.platform ?? "blog",
      publishedOn: isoDay(capture.publishedOn),
      title: capture.title ?? undefined,
      text: capture.text.slice(0, MAX_TEXT_LENGTH),
      giftIds: capture.giftId ? [capture.giftId] : [],
      placementIds: capture.placementId ? [capture.placementId] : [],
    });
    if (!parsed.success) throw new RuleViolation("captures.notCoverage", 422, undefined, { reason: parsed.error.issues[0]?.message ?? "" });
    const { item, checks } = await insertCoverage(tx, actorId, parsed.data);
    await tx.capturedPost.update({
      where: { id: captureId },
      data: { status: "confirmed", coverageItemId: item.id, decidedById: actorId, decidedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId,
      action: "capture.confirm",
      entityType: "CapturedPost",
      entityId: captureId,
      subjectId: capture.partnerId,
      before: { status: capture.status },
      after: { status: "confirmed", coverageItemId: item.id },
    });
    await enqueueJob(tx, "coverage.snapshot", { coverageItemId: item.id }, actorId, 1);
    return { item, checks };
  });
}

export async function dismissCapture(actorId: string, captureId: string) {
  return db().$transaction(async (tx) => {
    if (!(await lockRow(tx, "CapturedPost", captureId))) throw new RuleViolation("errors.notFound", 404);
    const capture = await tx.capturedPost.findUniqueOrThrow({ where: { id: captureId }, select: { status: true, partnerId: true } });
    if (capture.status !== "captured") throw new RuleViolation("captures.alreadyDecided", 409);
    await tx.capturedPost.update({ where: { id: captureId }, data: { status: "dismissed", decidedById: actorId, decidedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      action: "capture.dismiss",
      entityType: "CapturedPost",
      entityId: captureId,
      subjectId: capture.partnerId,
      before: { status: capture.status },
      after: { status: "dismissed" },
    });
  });
}
