import {
  assertMayContact,
  assertMayEdit,
  assertMayReview,
  assertMaySend,
  assertMaySubmit,
  type DraftInput,
  type LogInteractionInput,
} from "./outreach";
import type { PartnerStage } from "~/features/partners";
import { RuleViolation } from "~/shared/violations";
import { recordAudit, stageChangeCondition } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { lockPartnersForShare } from "~/utils/row-locks.server";

/** The partner's stage, with the row held until the transaction ends (see lockPartnersForShare). */
async function partnerStage(tx: DbClient, partnerId: string): Promise<PartnerStage> {
  await lockPartnersForShare(tx, [partnerId]);
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { stage: true } });
  if (!partner) throw new RuleViolation("errors.notFound", 404);
  return partner.stage;
}

/** Adds an entry to the log. A correction must point at an entry of the same partner. */
export async function logInteraction(actorId: string, partnerId: string, input: LogInteractionInput) {
  return db().$transaction(async (tx) => {
    const stage = await partnerStage(tx, partnerId);
    if (input.direction === "outbound") assertMayContact(stage);
    if (input.correctsId) {
      const corrected = await tx.interaction.findUnique({ where: { id: input.correctsId }, select: { partnerId: true } });
      if (corrected?.partnerId !== partnerId) throw new RuleViolation("outreach.unknownCorrection", 422);
    }
    const entry = await tx.interaction.create({
      data: {
        partnerId,
        type: input.type,
        direction: input.type === "note" ? null : (input.direction ?? null),
        subject: input.subject ?? null,
        body: input.body,
        occurredAt: input.occurredAt ?? new Date(),
        authorId: actorId,
        correctsId: input.correctsId ?? null,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: input.correctsId ? "interaction.correct" : "interaction.log",
      entityType: "Interaction",
      entityId: entry.id,
      after: entry,
    });
    return entry;
  });
}

export async function createDraft(actorId: string, partnerId: string, input: DraftInput) {
  return db().$transaction(async (tx) => {
    assertMayContact(await partnerStage(tx, partnerId));
    return createDraftIn(tx, actorId, partnerId, { ...input, subject: input.subject ?? null });
  });
}

/** Writes a draft and its first event, audited, in the caller's transaction (which checked the partner may be contacted). */
export async function createDraftIn(
  tx: DbClient,
  actorId: string,
  partnerId: string,
  input: { kind: DraftInput["kind"]; channel: DraftInput["channel"]; subject: string | null; body: string; templateId?: string },
  auditExtra: Record<string, unknown> = {},
) {
  const draft = await tx.draft.create({
    data: { partnerId, authorId: actorId, ...input, events: { create: { actorId, action: "created" } } },
  });
  await recordAudit(tx, { actorId, action: "draft.create", entityType: "Draft", entityId: draft.id, after: { ...draft, ...auditExtra } });
  return draft;
}

async function loadDraft(tx: DbClient, draftId: string) {
  const draft = await tx.draft.findUnique({ where: { id: draftId }, include: { partner: { select: { stage: true } } } });
  if (!draft) throw new RuleViolation("errors.notFound", 404);
  return draft;
}

export async function editDraft(actorId: string, draftId: string, input: DraftInput) {
  return db().$transaction(async (tx) => {
    const before = await loadDraft(tx, draftId);
    if (before.authorId !== actorId) throw new RuleViolation("outreach.notAuthor", 403);
    assertMayEdit(before.status);
    const after = await tx.draft.update({
      where: { id: draftId },
      data: {
        kind: input.kind,
        channel: input.channel,
        subject: input.subject ?? null,
        body: input.body,
        events: { create: { actorId, action: "edited" } },
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "draft.edit",
      entityType: "Draft",
      entityId: draftId,
      subjectId: before.partnerId,
      before: { subject: before.subject, body: before.body },
      after: { subject: after.subject, body: after.body },
    });
    return after;
  });
}

/** Moves a draft along; `check` says whether this step is allowed from where it is. */
async function step(
  actorId: string,
  draftId: string,
  action: "submitted" | "approved" | "changes_requested",
  check: (draft: Awaited<ReturnType<typeof loadDraft>>) => void,
  comment?: string,
) {
  const status = { submitted: "in_review", approved: "approved", changes_requested: "changes_requested" } as const;
  return db().$transaction(async (tx) => {
    const draft = await loadDraft(tx, draftId);
    check(draft);
    // Only moves if nobody moved it in the meantime.
    const { count } = await tx.draft.updateMany({ where: { id: draftId, status: draft.status }, data: { status: status[action] } });
    if (count === 0) throw new RuleViolation("outreach.changedMeanwhile");
    await tx.draftEvent.create({ data: { draftId, actorId, action, comment: comment ?? null } });
    await recordAudit(tx, {
      actorId,
      action: `draft.${action}`,
      entityType: "Draft",
      entityId: draftId,
      subjectId: draft.partnerId,
      before: { status: draft.status },
      after: { status: status[action], comment: comment ?? null },
    });
  });
}

export function submitDraft(actorId: string, draftId: string) {
  return step(actorId, draftId, "submitted", (draft) => {
    if (draft.authorId !== actorId) throw new RuleViolation("outreach.notAuthor", 403);
    assertMayContact(draft.partner.stage);
    assertMaySubmit(draft.status, draft.subject, draft.body);
  });
}

export function reviewDraft(actorId: string, draftId: string, decision: "approve" | "request_changes", comment?: string) {
  return step(
    actorId,
    draftId,
    decision === "approve" ? "approved" : "changes_requested",
    (draft) => assertMayReview(draft.status, draft.authorId, actorId),
    comment,
  );
}

/** Records that an approved draft went out: it becomes an outgoing entry in the log. */
export async function markDraftSent(actorId: string, draftId: string) {
  return db().$transaction(async (tx) => {
    const draft = await loadDraft(tx, draftId);
    assertMaySend(draft.status);
    assertMayContact(await partnerStage(tx, draft.partnerId));
    const { count } = await tx.draft.updateMany({ where: { id: draftId, status: "approved" }, data: { status: "sent" } });
    if (count === 0) throw new RuleViolation("outreach.changedMeanwhile");
    await tx.draftEvent.create({ data: { draftId, actorId, action: "sent" } });
    const entry = await tx.interaction.create({
      data: {
        partnerId: draft.partnerId,
        type: draft.channel,
        direction: "outbound",
        subject: draft.subject,
        body: draft.body,
        occurredAt: new Date(),
        authorId: actorId,
        draftId,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "draft.sent",
      entityType: "Draft",
      entityId: draftId,
      before: { status: "approved" },
      after: { status: "sent", interactionId: entry.id },
    });
    return entry;
  });
}

export function getDraft(draftId: string) {
  return db().draft.findUnique({
    where: { id: draftId },
    include: {
      partner: { select: { id: true, name: true, stage: true } },
      author: { select: { id: true, name: true } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
}

export const REVIEW_QUEUE_SIZE = 50;

/** Drafts waiting for a decision, oldest first. */
export function draftsInReview() {
  return db().draft.findMany({
    where: { status: "in_review" },
    orderBy: { updatedAt: "asc" },
    take: REVIEW_QUEUE_SIZE,
    select: {
      id: true,
      kind: true,
      subject: true,
      updatedAt: true,
      partner: { select: { id: true, name: true } },
      author: { select: { name: true } },
    },
  });
}

const TIMELINE_SIZE = 100;

/** Messages, drafts and stage changes of one partner, newest first. */
export async function partnerTimeline(partnerId: string) {
  const [interactions, drafts, stageChanges] = await Promise.all([
    db().interaction.findMany({
      where: { partnerId },
      orderBy: { occurredAt: "desc" },
      take: TIMELINE_SIZE,
      select: {
        id: true,
        type: true,
        direction: true,
        subject: true,
        body: true,
        occurredAt: true,
        correctsId: true,
        draftId: true,
        offerAnswer: true,
        mailMessageId: true,
        inReplyToId: true,
        author: { select: { name: true } },
      },
    }),
    db().draft.findMany({
      where: { partnerId, status: { not: "sent" } },
      orderBy: { updatedAt: "desc" },
      select: { id: true, kind: true, subject: true, status: true, updatedAt: true, author: { select: { name: true } } },
    }),
    // Stage changes live in the audit trail: compared in SQL, not by loading every event.
    db().$queryRaw<{ id: string; createdAt: Date; from: string | null; to: string; actor: string | null }[]>`
      SELECT e."id", e."createdAt", e."before"->>'stage' AS "from", e."after"->>'stage' AS "to", u."name" AS "actor"
      FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
      WHERE e."entityId" = ${partnerId} AND ${stageChangeCondition("e")}
      ORDER BY e."createdAt" DESC
      LIMIT ${TIMELINE_SIZE}`,
  ]);
  return { interactions, drafts, stageChanges };
}
