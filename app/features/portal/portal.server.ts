import { isDoNotContact } from "~/features/partners";
import { committedGiftStatuses } from "~/features/spend";
import { agreementCampaigns } from "~/features/spend/index.server";
import { toMinorUnits } from "~/shared/money";
import { type GiftAddressInput, type OfferAnswerInput } from "./portal";
import { PORTAL_LINK_DAYS, PORTAL_SESSION_HOURS } from "./portal-terms";
import { RuleViolation } from "~/shared/violations";
import { db, type DbClient } from "~/utils/db.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { recordAudit } from "~/utils/audit.server";
import { lockPartnersRecord } from "~/utils/row-locks.server";

const days = (n: number) => n * 86_400_000;

/** A new link for the partner; the token is returned once, and only its hash is kept. */
export async function createPortalLink(actorId: string, partnerId: string) {
  return db().$transaction((tx) => createPortalLinkIn(tx, actorId, partnerId));
}

/** The same, inside the caller's transaction (a draft written from a template carries a link). */
export async function createPortalLinkIn(tx: DbClient, actorId: string, partnerId: string) {
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { erasedAt: true, stage: true } });
  if (!partner) throw new RuleViolation("errors.notFound", 404);
  if (partner.erasedAt) throw new RuleViolation("privacy.alreadyErased", 409);
  if (isDoNotContact(partner.stage)) throw new RuleViolation("outreach.doNotContact", 409);
  const token = newToken();
  const link = await tx.portalLink.create({
    data: { partnerId, tokenHash: hashToken(token), createdById: actorId, expiresAt: new Date(Date.now() + days(PORTAL_LINK_DAYS)) },
    select: { id: true, expiresAt: true },
  });
  await recordAudit(tx, {
    actorId,
    action: "portal_link.create",
    entityType: "PortalLink",
    entityId: link.id,
    after: { partnerId, expiresAt: link.expiresAt },
  });
  return { token, ...link };
}

/** The link, locked, when it is this partner's; else a 404 that says nothing more. */
async function lockLink(tx: DbClient, partnerId: string, linkId: string) {
  if (!(await lockPartnersRecord(tx, "PortalLink", linkId, partnerId))) throw new RuleViolation("errors.notFound", 404);
  return tx.portalLink.findUniqueOrThrow({ where: { id: linkId } });
}

export async function renewPortalLink(actorId: string, partnerId: string, linkId: string) {
  return db().$transaction(async (tx) => {
    const before = await lockLink(tx, partnerId, linkId);
    if (before.revokedAt) throw new RuleViolation("portal.linkRevoked", 409);
    const expiresAt = new Date(Date.now() + days(PORTAL_LINK_DAYS));
    await tx.portalLink.update({ where: { id: linkId }, data: { expiresAt } });
    await recordAudit(tx, {
      actorId,
      action: "portal_link.renew",
      entityType: "PortalLink",
      entityId: linkId,
      before: { expiresAt: before.expiresAt },
      after: { expiresAt },
    });
  });
}

/** Revoking also ends every portal session the link opened. */
export async function revokePortalLink(actorId: string, partnerId: string, linkId: string) {
  return db().$transaction(async (tx) => {
    const before = await lockLink(tx, partnerId, linkId);
    if (before.revokedAt) return;
    const revokedAt = new Date();
    await tx.portalLink.update({ where: { id: linkId }, data: { revokedAt } });
    const ended = await tx.portalSession.deleteMany({ where: { linkId } });
    await recordAudit(tx, {
      actorId,
      action: "portal_link.revoke",
      entityType: "PortalLink",
      entityId: linkId,
      after: { revokedAt, sessionsEnded: ended.count },
    });
  });
}

export function listPortalLinks(partnerId: string) {
  return db().portalLink.findMany({
    where: { partnerId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
}

export type OpenLinkResult = { kind: "opened"; sessionSecret: string; expiresAt: Date } | { kind: "unknown" } | { kind: "expired" };

/** Opening a link starts a portal session (audited); a wrong token and a used-up one say nothing of the partner. */
export async function openPortalLink(token: string): Promise<OpenLinkResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: "unknown" };
  return db().$transaction(async (tx) => {
    const link = await tx.portalLink.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { partner: { select: { erasedAt: true } } },
    });
    if (!link) return { kind: "unknown" as const };
    const now = new Date();
    if (link.revokedAt || link.expiresAt <= now || link.partner.erasedAt) return { kind: "expired" as const };
    const sessionSecret = newToken();
    const expiresAt = new Date(Math.min(link.expiresAt.getTime(), now.getTime() + PORTAL_SESSION_HOURS * 3_600_000));
    const session = await tx.portalSession.create({
      data: { id: hashToken(sessionSecret), partnerId: link.partnerId, linkId: link.id, expiresAt },
    });
    await tx.portalLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
    await recordAudit(tx, {
      actorId: null,
      actorPartnerId: link.partnerId,
      action: "portal.open",
      entityType: "PortalLink",
      entityId: link.id,
      after: { session: session.id.slice(0, 12) },
    });
    return { kind: "opened" as const, sessionSecret, expiresAt };
  });
}

export interface PortalVisitor {
  sessionId: string;
  partnerId: string;
  partnerName: string;
  language: string | null;
}

/** The partner behind a portal cookie, while the session, its link and the partner's data all still hold. */
export async function portalVisitor(sessionSecret: string): Promise<PortalVisitor | null> {
  const session = await db().portalSession.findUnique({
    where: { id: hashToken(sessionSecret) },
    include: {
      link: { select: { revokedAt: true, expiresAt: true, partner: { select: { id: true, name: true, language: true, erasedAt: true } } } },
    },
  });
  const now = new Date();
  if (!session || session.expiresAt <= now || session.link.revokedAt || session.link.expiresAt <= now || session.link.partner.erasedAt)
    return null;
  const { partner } = session.link;
  return { sessionId: session.id, partnerId: partner.id, partnerName: partner.name, language: partner.language };
}

export async function endPortalSession(sessionSecret: string) {
  await db().portalSession.deleteMany({ where: { id: hashToken(sessionSecret) } });
}

/** What the partner sees: their own briefs, gifts, offers and payments, and nothing of anyone else. */
export async function portalOverview(partnerId: string) {
  const [briefs, gifts, placements, agreements] = await Promise.all([
    db().draft.findMany({
      where: { partnerId, kind: "brief", status: { in: ["approved", "sent"] } },
      orderBy: { updatedAt: "desc" },
      select: { id: true, subject: true, body: true, updatedAt: true },
    }),
    db().gift.findMany({
      where: { partnerId, status: { in: [...committedGiftStatuses] } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        itemName: true,
        quantity: true,
        status: true,
        shippedOn: true,
        deliveredOn: true,
        carrier: true,
        trackingNumber: true,
        // That they gave an address, and when; its text stays with the team that ships.
        address: { select: { setAt: true } },
      },
    }),
    db().placement.findMany({
      where: { partnerId, status: { not: "cancelled" } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        title: true,
        feeMinor: true,
        currency: true,
        status: true,
        agreedOn: true,
        usageRights: true,
        campaign: { select: { name: true, startsOn: true, endsOn: true } },
        partnerAnswer: true,
        partnerAnsweredAt: true,
        counterFeeMinor: true,
        counterNote: true,
        deliverables: { orderBy: { dueOn: "asc" }, select: { id: true, description: true, dueOn: true, deliveredOn: true } },
        payments: { orderBy: { paidOn: "asc" }, select: { id: true, amountMinor: true, paidOn: true } },
        invoices: { orderBy: { createdAt: "desc" }, select: { id: true, number: true, createdAt: true, fileId: true } },
      },
    }),
    db().agreement.findMany({
      where: { partnerId, withdrawnAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, year: true, signedAt: true, signerName: true, campaignId: true },
    }),
  ]);
  const campaigns = await agreementCampaigns(agreements);
  return {
    briefs,
    gifts,
    placements,
    agreements: agreements.map((agreement) => ({ ...agreement, campaign: campaigns.get(agreement.campaignId ?? "") ?? null })),
  };
}

/**
 * The partner's answer to a proposed placement. It goes into the outreach log as a message from
 * them; a counter-offer also gives the partner's owner a follow-up.
 */
export async function answerOffer(visitor: PortalVisitor, placementId: string, input: OfferAnswerInput) {
  return db().$transaction(async (tx) => {
    if (!(await lockPartnersRecord(tx, "Placement", placementId, visitor.partnerId))) throw new RuleViolation("errors.notFound", 404);
    const placement = await tx.placement.findUniqueOrThrow({
      where: { id: placementId },
      select: {
        title: true,
        status: true,
        currency: true,
        feeMinor: true,
        partnerAnswer: true,
        proposedById: true,
        partner: { select: { ownerId: true } },
      },
    });
    if (placement.status !== "proposed") throw new RuleViolation("portal.offerClosed", 409);
    const counterFeeMinor = input.answer === "countered" ? toMinorUnits(input.counterFee!, placement.currency) : null;
    if (input.answer === "countered" && counterFeeMinor === null) throw new RuleViolation("errors.tooManyDecimals", 422, "counterFee");
    const now = new Date();
    const after = {
      partnerAnswer: input.answer,
      partnerAnsweredAt: now,
      counterFeeMinor,
      counterNote: input.note ?? null,
    };
    await tx.placement.update({ where: { id: placementId }, data: after });
    const entry = await tx.interaction.create({
      data: {
        partnerId: visitor.partnerId,
        type: "note",
        subject: placement.title,
        body: input.note ?? "",
        offerAnswer: input.answer,
        occurredAt: now,
        authorId: null,
      },
    });
    const audit = { actorId: null, actorPartnerId: visitor.partnerId };
    await recordAudit(tx, { ...audit, action: "interaction.log", entityType: "Interaction", entityId: entry.id, after: entry });
    const owner = placement.partner.ownerId ?? placement.proposedById;
    if (input.answer === "countered" && owner) {
      const task = await tx.task.create({
        data: {
          partnerId: visitor.partnerId,
          title: placement.title,
          dueOn: new Date(now.toISOString().slice(0, 10)),
          assigneeId: owner,
          createdById: null,
        },
      });
      await recordAudit(tx, { ...audit, action: "task.create", entityType: "Task", entityId: task.id, after: task });
    }
    await recordAudit(tx, {
      ...audit,
      action: `placement.partner_${input.answer}`,
      entityType: "Placement",
      entityId: placementId,
      before: { partnerAnswer: placement.partnerAnswer },
      after: { ...after, portalSession: visitor.sessionId.slice(0, 12) },
    });
  });
}

/**
 * The partner says where a gift should go, before it ships. The audit trail records that the
 * address changed, never what it says.
 */
export async function setGiftAddress(visitor: PortalVisitor, giftId: string, input: GiftAddressInput) {
  return db().$transaction(async (tx) => {
    if (!(await lockPartnersRecord(tx, "Gift", giftId, visitor.partnerId))) throw new RuleViolation("errors.notFound", 404);
    const gift = await tx.gift.findUniqueOrThrow({ where: { id: giftId }, select: { status: true, address: { select: { setAt: true } } } });
    if (gift.status !== "planned") throw new RuleViolation("portal.addressTooLate", 409);
    await tx.giftAddress.upsert({
      where: { giftId },
      create: { giftId, partnerId: visitor.partnerId, address: input.address },
      update: { address: input.address, setAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: null,
      actorPartnerId: visitor.partnerId,
      action: gift.address ? "gift.address_changed" : "gift.address_given",
      entityType: "Gift",
      entityId: giftId,
      after: { address: "given in the portal" },
    });
  });
}

/** How long an expired or revoked link stays listed on the partner page before the clean-up removes it. */
export const ENDED_LINK_GRACE_DAYS = 30;

/** Removes ended portal visits, and links that ended more than the grace period ago (the audit trail keeps them). */
export async function purgeEndedPortalAccess(now = new Date()) {
  const cutoff = new Date(now.getTime() - days(ENDED_LINK_GRACE_DAYS));
  return db().$transaction(async (tx) => {
    const sessions = await tx.portalSession.deleteMany({ where: { expiresAt: { lte: now } } });
    const ended = await tx.portalLink.findMany({
      where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
      select: { id: true, partnerId: true },
    });
    const ids = ended.map((link) => link.id);
    if (ids.length) {
      await tx.portalSession.deleteMany({ where: { linkId: { in: ids } } });
      await tx.portalLink.deleteMany({ where: { id: { in: ids } } });
    }
    // Ended visits alone are a change too: the audit trail says how many went.
    if (ids.length || sessions.count)
      await recordAudit(tx, {
        actorId: null,
        action: "portal_link.purge",
        entityType: "PortalLink",
        entityId: "ended",
        after: { links: ids.length, sessions: sessions.count, graceDays: ENDED_LINK_GRACE_DAYS },
      });
    return { sessions: sessions.count, links: ended.length };
  });
}
