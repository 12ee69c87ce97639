import type { Prisma } from "~/generated/prisma/client";
import { dayRange, isoDay, todayUtc, utcDay } from "~/shared/days";
import { convertAmount, outstandingMinor, toMinorUnits } from "~/shared/money";
import { RuleViolation } from "~/shared/violations";
import { DuplicatePayment, duplicatePaymentReason, type PlacementInput, type PlacementListQuery } from "./spend";
import { acceptsPayments, overpays, statusAfterPayments } from "./payments";
import { approvalsNeeded, nextPlacementStatuses, type PlacementSort, type PlacementStatus } from "./spend-terms";
import { checkAgreementThreshold } from "./agreements.server";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { checkCampaignBudget } from "./campaign.server";
import { assertMayReceive } from "./gift.server";
import { getSettings, ratesInto } from "~/features/accounts/index.server";

const PAGE_SIZE = 50;

export async function proposePlacement(actorId: string, input: PlacementInput) {
  return db().$transaction(async (tx) => {
    await assertMayReceive(tx, [input.partnerId]);
    const overBudget = await checkCampaignBudget(
      tx,
      input.campaignId,
      { amountMinor: input.fee, currency: input.currency, on: input.agreedOn },
      input.overBudgetConfirmed,
    );
    const placement = await tx.placement.create({
      data: {
        partnerId: input.partnerId,
        campaignId: input.campaignId ?? null,
        title: input.title,
        feeMinor: input.fee,
        currency: input.currency,
        agreedOn: utcDay(input.agreedOn),
        usageRights: input.usageRights ?? null,
        contractRef: input.contractRef ?? null,
        proposedById: actorId,
        budgetOverrideById: overBudget ? actorId : null,
        deliverables: input.deliverable
          ? { create: { description: input.deliverable, dueOn: input.deliverableDueOn ? utcDay(input.deliverableDueOn) : null } }
          : undefined,
      },
      include: { deliverables: true },
    });
    await recordAudit(tx, {
      actorId,
      action: overBudget ? "placement.propose_over_budget" : "placement.propose",
      entityType: "Placement",
      entityId: placement.id,
      after: placement,
    });
    return placement;
  });
}

/** Locks the placement row so that concurrent approvals and payments see each other. */
export async function lockPlacement(tx: DbClient, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Placement" WHERE "id" = ${id} FOR UPDATE`;
  if (!locked.length) throw new RuleViolation("errors.notFound", 404);
  return tx.placement.findUniqueOrThrow({ where: { id }, include: { approvals: true, payments: true } });
}

/** How many approvers this fee needs, from the workspace's single-approval limit. */
export async function approversNeeded(tx: DbClient, placement: { feeMinor: number; currency: string; agreedOn: Date }) {
  const settings = await getSettings(tx);
  const rates = placement.currency === settings.reportingCurrency ? [] : await ratesInto(tx, settings.reportingCurrency);
  const fee = convertAmount(
    { amountMinor: placement.feeMinor, currency: placement.currency, on: isoDay(placement.agreedOn) },
    settings.reportingCurrency,
    rates,
  );
  return approvalsNeeded(fee, settings.singleApprovalLimitMinor);
}

/**
 * The caller holds spend:approve (the route checks). Nobody approves their own proposal, nobody
 * approves twice, and above the limit a second, different approver is needed.
 */
export async function approvePlacement(actorId: string, id: string, withoutAgreementConfirmed = false) {
  return db().$transaction(async (tx) => {
    const before = await lockPlacement(tx, id);
    if (before.status !== "proposed") throw new RuleViolation("placements.notProposed", 409);
    if (before.proposedById === actorId) throw new RuleViolation("placements.cannotApproveOwn", 403);
    if (before.approvals.some((a) => a.approverId === actorId)) throw new RuleViolation("placements.alreadyApproved", 409);
    await tx.placementApproval.create({ data: { placementId: id, approverId: actorId } });
    const needed = await approversNeeded(tx, before);
    const approved = before.approvals.length + 1 >= needed;
    const after = approved ? await tx.placement.update({ where: { id }, data: { status: "approved" } }) : before;
    const withoutSignedAgreement =
      approved &&
      (await checkAgreementThreshold(
        tx,
        before.partnerId,
        { campaignId: before.campaignId, on: before.agreedOn },
        withoutAgreementConfirmed,
      ));
    await recordAudit(tx, {
      actorId,
      action: approved ? "placement.approve" : "placement.first_approval",
      entityType: "Placement",
      entityId: id,
      before: { status: before.status, approvals: before.approvals.length },
      after: {
        status: after.status,
        approvals: before.approvals.length + 1,
        approvalsNeeded: needed,
        ...(withoutSignedAgreement ? { withoutSignedAgreement } : {}),
      },
    });
    return { approved, needed };
  });
}

export async function setPlacementStatus(actorId: string, id: string, status: PlacementStatus) {
  return db().$transaction(async (tx) => {
    const before = await lockPlacement(tx, id);
    if (!nextPlacementStatuses(before.status).includes(status)) throw new RuleViolation("placements.badTransition", 409);
    if (
      status === "paid" &&
      outstandingMinor(
        before.feeMinor,
        before.payments.map((p) => p.amountMinor),
      ) > 0
    )
      throw new RuleViolation("placements.notPaidInFull", 409);
    const after = await tx.placement.update({ where: { id }, data: { status } });
    await recordAudit(tx, {
      actorId,
      action: `placement.${status}`,
      entityType: "Placement",
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
    return after;
  });
}

/** A payment above what is outstanding is refused; paying a delivered placement in full marks it paid. */
export async function recordPayment(
  actorId: string | null,
  id: string,
  input: { amount: string; paidOn: string; invoiceRef?: string; duplicateConfirmed?: boolean },
  client?: DbClient,
) {
  const run = async (tx: DbClient) => {
    const placement = await lockPlacement(tx, id);
    if (!acceptsPayments(placement.status)) throw new RuleViolation("placements.notPayable", 409);
    const amountMinor = toMinorUnits(input.amount, placement.currency);
    if (amountMinor === null) throw new RuleViolation("errors.tooManyDecimals", 422, "amount");
    const recordedMinor = placement.payments.map((p) => p.amountMinor);
    if (overpays(placement.feeMinor, recordedMinor, [amountMinor])) throw new RuleViolation("placements.overpayment", 422, "amount");
    if (!input.duplicateConfirmed) {
      const recorded = placement.payments.map((p) => ({
        amountMinor: p.amountMinor,
        paidOn: isoDay(p.paidOn),
        invoiceRef: p.invoiceRef,
        createdAt: p.createdAt.toISOString(),
      }));
      const reason = duplicatePaymentReason({ amountMinor, paidOn: input.paidOn, invoiceRef: input.invoiceRef }, recorded, new Date());
      if (reason) throw new DuplicatePayment(reason);
    }
    const payment = await tx.payment.create({
      data: { placementId: id, amountMinor, paidOn: utcDay(input.paidOn), invoiceRef: input.invoiceRef ?? null, recordedById: actorId },
    });
    await recordAudit(tx, { actorId, action: "payment.create", entityType: "Placement", entityId: id, after: payment });
    const status = statusAfterPayments(placement.status, placement.feeMinor, [...recordedMinor, amountMinor]);
    if (status !== placement.status) {
      await tx.placement.update({ where: { id }, data: { status } });
      await recordAudit(tx, {
        actorId,
        action: "placement.paid",
        entityType: "Placement",
        entityId: id,
        before: { status: placement.status },
        after: { status },
      });
    }
    return payment;
  };
  return client ? run(client) : db().$transaction(run);
}

export async function addDeliverable(actorId: string, placementId: string, input: { description: string; dueOn?: string }) {
  return db().$transaction(async (tx) => {
    const placement = await tx.placement.findUnique({ where: { id: placementId }, select: { id: true } });
    if (!placement) throw new RuleViolation("errors.notFound", 404);
    const deliverable = await tx.placementDeliverable.create({
      data: { placementId, description: input.description, dueOn: input.dueOn ? utcDay(input.dueOn) : null },
    });
    await recordAudit(tx, { actorId, action: "deliverable.create", entityType: "Placement", entityId: placementId, after: deliverable });
    return deliverable;
  });
}

export async function setDeliverableDone(actorId: string, placementId: string, deliverableId: string, done: boolean) {
  return db().$transaction(async (tx) => {
    const before = await tx.placementDeliverable.findFirst({ where: { id: deliverableId, placementId } });
    if (!before) throw new RuleViolation("errors.notFound", 404);
    const after = await tx.placementDeliverable.update({ where: { id: deliverableId }, data: { deliveredOn: done ? todayUtc() : null } });
    await recordAudit(tx, {
      actorId,
      action: done ? "deliverable.done" : "deliverable.reopen",
      entityType: "Placement",
      entityId: placementId,
      before,
      after,
    });
    return after;
  });
}

export async function getPlacement(id: string) {
  const placement = await db().placement.findUnique({
    where: { id },
    include: {
      partner: { select: { id: true, name: true, stage: true } },
      campaign: { select: { id: true, name: true } },
      proposedBy: { select: { id: true, name: true } },
      budgetOverrideBy: { select: { name: true } },
      deliverables: { orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }] },
      approvals: { include: { approver: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      payments: { include: { recordedBy: { select: { name: true } } }, orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!placement) return null;
  const paidMinor = placement.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  return {
    placement,
    paidMinor,
    outstandingMinor: outstandingMinor(
      placement.feeMinor,
      placement.payments.map((p) => p.amountMinor),
    ),
    approvalsNeeded: placement.status === "proposed" ? await approversNeeded(db(), placement) : null,
  };
}

/** How each sortable column of the placement list orders rows. */
const placementOrder: Record<PlacementSort, (dir: Prisma.SortOrder) => Prisma.PlacementOrderByWithRelationInput[]> = {
  agreedOn: (dir) => [{ agreedOn: dir }],
  title: (dir) => [{ title: dir }],
  partner: (dir) => [{ partner: { name: dir } }],
  campaign: (dir) => [{ campaign: { name: dir } }],
  status: (dir) => [{ status: dir }],
};

/** The list's URL query, and for "mine": the user whose approval the placements wait for. */
export async function listPlacements(query: PlacementListQuery & { awaitingApprovalBy?: string }) {
  const where: Prisma.PlacementWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
    ...(query.partnerId ? { partnerId: query.partnerId } : {}),
    ...(query.from || query.to ? { agreedOn: dayRange(query.from, query.to) } : {}),
    ...(query.awaitingApprovalBy
      ? {
          status: "proposed",
          NOT: { proposedById: query.awaitingApprovalBy },
          approvals: { none: { approverId: query.awaitingApprovalBy } },
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db().placement.findMany({
      where,
      orderBy: [...placementOrder[query.sort](query.dir), { id: query.dir }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        feeMinor: true,
        currency: true,
        status: true,
        agreedOn: true,
        partner: { select: { id: true, name: true, stage: true } },
        campaign: { select: { id: true, name: true } },
        proposedBy: { select: { name: true } },
      },
    }),
    db().placement.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: PAGE_SIZE };
}

export function partnerPlacements(partnerId: string) {
  return db().placement.findMany({
    where: { partnerId },
    orderBy: [{ agreedOn: "desc" }],
    take: 20,
    select: {
      id: true,
      title: true,
      feeMinor: true,
      currency: true,
      status: true,
      agreedOn: true,
      campaign: { select: { id: true, name: true } },
      payments: { select: { amountMinor: true } },
    },
  });
}
