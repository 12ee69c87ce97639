/**
 * Written agreements: made from a template with the partner's figures, signed by the partner in the
 * portal (a simple electronic signature with its evidence), and the check that asks for a
 * confirmation when the French threshold is reached without one (ADR 0011, ADR 0012).
 */
import { createHash, createHmac } from "node:crypto";
import { AGREEMENT_TEMPLATE_VERSION, renderAgreement, type AgreementCreateInput, type AgreementSignInput } from "./agreements";
import { isoDay } from "~/shared/days";
import { giftBenefitMinor, giftsCountTowardAgreement, placementsCountTowardAgreement, FR_AGREEMENT_CURRENCY } from "./written-agreement";
import { RuleViolation } from "~/shared/violations";
import { formatDay, formatMoney } from "~/shared/format";
import { db, type DbClient } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import type { PortalVisitor } from "~/features/portal/index.server";
import { lockPartnersRecord } from "~/utils/row-locks.server";
import { getSettings } from "~/features/accounts/index.server";
import { partnerAgreementTotals } from "./written-agreement.server";

const yearRange = (year: number) => ({ gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) });

/** The text of an agreement for one partner, year and objective (campaign), from what is recorded today. */
async function agreementText(tx: DbClient, partnerId: string, input: AgreementCreateInput) {
  const locale = input.language === "fr" ? "fr-FR" : "en-GB";
  const campaignId = input.campaignId ?? null;
  const [settings, partner, campaign, placements, gifts, totals] = await Promise.all([
    getSettings(tx),
    tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { name: true, email: true, country: true } }),
    campaignId ? tx.campaign.findUnique({ where: { id: campaignId }, select: { name: true } }) : null,
    tx.placement.findMany({
      where: { partnerId, campaignId, agreedOn: yearRange(input.year) },
      orderBy: { agreedOn: "asc" },
      select: { title: true, status: true, feeMinor: true, currency: true, deliverables: { select: { description: true, dueOn: true } } },
    }),
    tx.gift.findMany({
      where: { partnerId, campaignId, createdAt: { lt: yearRange(input.year).lt } },
      orderBy: { createdAt: "asc" },
      select: {
        itemName: true,
        quantity: true,
        status: true,
        shippedOn: true,
        createdAt: true,
        unitCostMinor: true,
        unitRetailMinor: true,
        shippingMinor: true,
        currency: true,
      },
    }),
    partnerAgreementTotals(partnerId, tx),
  ]);
  if (campaignId && !campaign) throw new RuleViolation("coverage.unknownCampaign", 422, "campaignId");
  // The advertiser's identity is a clause the law requires.
  if (!settings.brandName) throw new RuleViolation("agreements.brandNameNeeded", 409);
  const counted = placements.filter((p) => p.status === "proposed" || placementsCountTowardAgreement(p.status));
  const giftsInYear = gifts.filter(
    (g) => giftsCountTowardAgreement(g.status) && isoDay(g.shippedOn ?? g.createdAt).startsWith(String(input.year)),
  );
  const total = totals.find((bucket) => bucket.year === input.year && bucket.campaignId === campaignId);
  const text = renderAgreement(input.language, {
    brandName: settings.brandName ?? "",
    partnerName: partner.name,
    partnerEmail: partner.email,
    partnerCountry: partner.country,
    year: input.year,
    campaignName: campaign?.name ?? null,
    services: counted.map((p) =>
      [p.title, ...p.deliverables.map((d) => (d.dueOn ? `${d.description} (${formatDay(locale, d.dueOn)})` : d.description))].join(" — "),
    ),
    fees: counted.map((p) => `${p.title}: ${formatMoney(locale, p.feeMinor, p.currency)}`),
    benefitsInKind: giftsInYear.map((g) => `${g.quantity} × ${g.itemName}: ${formatMoney(locale, giftBenefitMinor(g), g.currency)}`),
    totalExcludingVat: formatMoney(locale, total?.totalMinor ?? 0, FR_AGREEMENT_CURRENCY),
    usageRights: input.usageRights ?? null,
    // The French law names these words whatever language the agreement is in.
    disclosureMarkers: ["Publicité", "Collaboration commerciale"],
    madeOn: formatDay(locale, new Date()),
  });
  return text;
}

export const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export async function createAgreement(actorId: string, partnerId: string, input: AgreementCreateInput) {
  return db().$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { erasedAt: true } });
    if (!partner) throw new RuleViolation("errors.notFound", 404);
    if (partner.erasedAt) throw new RuleViolation("privacy.alreadyErased", 409);
    const text = await agreementText(tx, partnerId, input);
    const agreement = await tx.agreement.create({
      data: {
        partnerId,
        campaignId: input.campaignId ?? null,
        year: input.year,
        language: input.language,
        templateVersion: AGREEMENT_TEMPLATE_VERSION,
        text,
        textHash: textHash(text),
        createdById: actorId,
      },
      select: { id: true, textHash: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "agreement.create",
      entityType: "Agreement",
      entityId: agreement.id,
      subjectId: partnerId,
      after: { partnerId, year: input.year, campaignId: input.campaignId ?? null, language: input.language, textHash: agreement.textHash },
    });
    return agreement;
  });
}

const listSelect = {
  id: true,
  year: true,
  language: true,
  campaignId: true,
  templateVersion: true,
  textHash: true,
  createdAt: true,
  signedAt: true,
  signerName: true,
  withdrawnAt: true,
} as const;

export function partnerAgreements(partnerId: string) {
  return db().agreement.findMany({ where: { partnerId }, orderBy: { createdAt: "desc" }, select: listSelect });
}

/** One agreement with its text, only when it is this partner's (the portal) or for staff (partnerId omitted). */
export async function agreementFor(agreementId: string, partnerId?: string) {
  const agreement = await db().agreement.findFirst({
    where: { id: agreementId, ...(partnerId ? { partnerId } : {}) },
    select: { ...listSelect, text: true, partnerId: true, signedInSession: true, partner: { select: { name: true } } },
  });
  if (!agreement) return null;
  return { ...agreement, campaign: (await agreementCampaigns([agreement])).get(agreement.campaignId ?? "") ?? null };
}

/** The campaigns agreements are for, by id (an agreement keeps only the campaign's id). */
export async function agreementCampaigns(agreements: { campaignId: string | null }[]) {
  const ids = [...new Set(agreements.map((a) => a.campaignId).filter((id): id is string => id !== null))];
  const campaigns = ids.length ? await db().campaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(campaigns.map((c) => [c.id, { name: c.name }]));
}

/** The client address is kept only as a keyed hash: it can confirm a claimed address, not reveal one. */
export function hashClientAddress(address: string) {
  return createHmac("sha256", process.env.SESSION_SECRET ?? "")
    .update(address)
    .digest("hex");
}

/**
 * The partner signs in the portal by typing their name and consenting. The evidence is the time,
 * the text's hash and the template version (already on the row), the portal session, and the
 * hashed client address.
 */
export async function signAgreement(visitor: PortalVisitor, agreementId: string, input: AgreementSignInput, clientAddress: string) {
  return db().$transaction(async (tx) => {
    if (!(await lockPartnersRecord(tx, "Agreement", agreementId, visitor.partnerId))) throw new RuleViolation("errors.notFound", 404);
    const agreement = await tx.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    if (agreement.withdrawnAt) throw new RuleViolation("portal.agreement.withdrawn", 409);
    if (agreement.signedAt) throw new RuleViolation("portal.agreement.alreadySigned", 409);
    if (textHash(agreement.text) !== agreement.textHash) throw new Error(`Agreement ${agreementId}: its text no longer matches its hash`);
    const evidence = {
      signedAt: new Date(),
      signerName: input.signerName,
      signedInSession: visitor.sessionId,
      signerAddressHash: hashClientAddress(clientAddress),
    };
    await tx.agreement.update({ where: { id: agreementId }, data: evidence });
    await recordAudit(tx, {
      actorId: null,
      actorPartnerId: visitor.partnerId,
      action: "agreement.sign",
      entityType: "Agreement",
      entityId: agreementId,
      subjectId: visitor.partnerId,
      after: { ...evidence, textHash: agreement.textHash, templateVersion: agreement.templateVersion },
    });
  });
}

/** A refusal that is a question: the French threshold is reached and no signed agreement covers it. */
export class AgreementNeeded extends RuleViolation {
  constructor(bucket: { year: number; campaignName: string | null; totalMinor: number }) {
    super("agreements.neededQuestion", 409);
    this.details = { agreementNeeded: bucket };
  }
}

/**
 * Run inside the transaction that approves a placement or ships a gift, after the change: when
 * the item's year and objective reach the threshold and no signed agreement covers them, the
 * change needs a confirmation. Returns whether it went ahead without one, for the audit event.
 */
export async function checkAgreementThreshold(
  tx: DbClient,
  partnerId: string,
  item: { campaignId: string | null; on: Date },
  confirmed: boolean,
): Promise<boolean> {
  const year = Number(isoDay(item.on).slice(0, 4));
  const bucket = (await partnerAgreementTotals(partnerId, tx)).find((b) => b.year === year && b.campaignId === item.campaignId);
  if (!bucket || (!bucket.reached && bucket.unconverted === 0)) return false;
  const signed = await tx.agreement.count({
    where: { partnerId, year, campaignId: item.campaignId, signedAt: { not: null }, withdrawnAt: null },
  });
  if (signed > 0) return false;
  if (!confirmed) throw new AgreementNeeded({ year, campaignName: bucket.campaignName, totalMinor: bucket.totalMinor });
  return true;
}
