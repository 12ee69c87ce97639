import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { isoDay, utcDay } from "~/shared/days";
import { isDoNotContact, type PartnerStage, type ImportError } from "~/features/partners";
import type { PlannedGift, PlannedPlacement, SpendImportPlan } from "./spend-import";
import { db, type DbClient } from "~/utils/db.server";
import { acceptsPayments, overpays, statusAfterPayments } from "./payments";
import { giftUnitPrices, isCommittedPlacement } from "./spend-terms";
import { outstandingMinor } from "~/shared/money";
import { recordAudit, recordAudits } from "~/utils/audit.server";
import { approversNeeded, lockPlacement } from "./placement.server";

export interface SpendImportResult {
  rowCount: number;
  created: number;
  /** Rows already imported by an earlier run of the same file. */
  unchanged: number;
  rejected: number;
  errors: ImportError[];
}

const day = (iso: string | undefined) => (iso ? utcDay(iso) : null);
export const fingerprint = (value: unknown) => crypto.createHash("sha256").update(JSON.stringify(value)).digest("hex");
const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

type PartnerRef = { id: string; stage: PartnerStage; mergedIntoId: string | null };

/**
 * The partner column holds the partner import's key: external_id, else email, else name.
 * A name shared by several partners is ambiguous and refused.
 */
async function partnerResolver(tx: DbClient, keys: string[]) {
  const select = { id: true, stage: true, mergedIntoId: true, externalId: true, email: true, name: true } as const;
  const lowered = keys.map((k) => k.toLowerCase());
  const [byId, byEmail, byName] = await Promise.all([
    tx.partner.findMany({ where: { externalId: { in: keys } }, select }),
    tx.partner.findMany({ where: { email: { in: lowered } }, select, orderBy: { createdAt: "asc" } }),
    tx.$queryRaw<
      (PartnerRef & { key: string })[]
    >`SELECT "id", "stage", "mergedIntoId", lower("name") AS "key" FROM "Partner" WHERE lower("name") = ANY(${lowered}) AND "mergedIntoId" IS NULL`,
  ]);
  const ids = new Map(byId.map((p) => [p.externalId!, p]));
  const emails = new Map<string, PartnerRef>();
  for (const p of byEmail) if (!emails.has(p.email!)) emails.set(p.email!, p);
  const names = new Map<string, PartnerRef[]>();
  for (const p of byName) names.set(p.key, [...(names.get(p.key) ?? []), p]);
  return (key: string): PartnerRef | "ambiguous" | undefined => {
    const found = ids.get(key) ?? emails.get(key.toLowerCase());
    if (found) return found;
    const named = names.get(key.toLowerCase());
    if (named && named.length > 1) return "ambiguous";
    return named?.[0];
  };
}

async function campaignResolver(tx: DbClient, names: string[]) {
  const lowered = names.map((n) => n.toLowerCase());
  const rows = await tx.$queryRaw<
    { id: string; key: string }[]
  >`SELECT "id", lower("name") AS "key" FROM "Campaign" WHERE lower("name") = ANY(${lowered})`;
  const map = new Map(rows.map((r) => [r.key, r.id]));
  return (name: string) => map.get(name.toLowerCase());
}

/** Resolves the partner and campaign of a row; a problem becomes an error on its column. */
export async function rowResolver(tx: DbClient, rows: { partner: string; campaign?: string }[], { allowDoNotContact = false } = {}) {
  const findPartner = await partnerResolver(tx, unique(rows.map((r) => r.partner)));
  const findCampaign = await campaignResolver(tx, unique(rows.map((r) => r.campaign)));
  return (row: { line: number; partner: string; campaign?: string }, errors: ImportError[]) => {
    const partner = findPartner(row.partner);
    if (partner === "ambiguous")
      errors.push({ line: row.line, column: "partner", messageKey: "import.ambiguousPartner", value: row.partner });
    else if (!partner || partner.mergedIntoId)
      errors.push({ line: row.line, column: "partner", messageKey: "import.unknownPartner", value: row.partner });
    else if (!allowDoNotContact && isDoNotContact(partner.stage))
      errors.push({ line: row.line, column: "partner", messageKey: "spend.doNotContact", value: row.partner });
    const campaignId = row.campaign ? findCampaign(row.campaign) : null;
    if (campaignId === undefined)
      errors.push({ line: row.line, column: "campaign", messageKey: "import.unknownCampaign", value: row.campaign });
    return partner && partner !== "ambiguous" ? { partnerId: partner.id, campaignId: campaignId ?? null } : null;
  };
}

export function summary(plan: SpendImportPlan<unknown>, errors: ImportError[], created: number, unchanged: number): SpendImportResult {
  return {
    rowCount: plan.rowCount,
    created,
    unchanged,
    rejected: new Set(errors.map((e) => e.line)).size,
    errors: errors.sort((a, b) => a.line - b.line),
  };
}

export const IMPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Gifts go in with bulk inserts in one transaction. Each row's fingerprint is kept, so importing
 * the same file again adds nothing. With `dryRun` nothing is written (the preview).
 */
export async function importGifts(actorId: string | null, plan: SpendImportPlan<PlannedGift>, dryRun = false): Promise<SpendImportResult> {
  const run = async (tx: DbClient) => {
    const errors = [...plan.errors];
    const resolve = await rowResolver(tx, plan.rows);
    const skus = unique(plan.rows.map((r) => r.sku));
    const products = new Map((await tx.product.findMany({ where: { sku: { in: skus } } })).map((p) => [p.sku!, p]));
    const ready: Prisma.GiftCreateManyInput[] = [];
    for (const row of plan.rows) {
      const rowErrors: ImportError[] = [];
      const refs = resolve(row, rowErrors);
      const product = row.sku ? products.get(row.sku) : undefined;
      if (row.sku && !product) rowErrors.push({ line: row.line, column: "sku", messageKey: "import.unknownSku", value: row.sku });
      const { unitCostMinor, unitRetailMinor } = product
        ? giftUnitPrices(product, row.currency, row.unitValueMinor)
        : { unitCostMinor: row.unitValueMinor, unitRetailMinor: null };
      if (product && unitCostMinor === undefined)
        rowErrors.push({ line: row.line, column: "unit_value", messageKey: "gifts.unitValueInCurrency" });
      if (rowErrors.length || !refs) {
        errors.push(...rowErrors);
        continue;
      }
      const { line: _line, ...content } = row;
      ready.push({
        ...refs,
        productId: product?.id ?? null,
        itemName: row.product ?? product!.name,
        quantity: row.quantity,
        unitCostMinor: unitCostMinor!,
        unitRetailMinor,
        shippingMinor: row.shippingMinor,
        currency: row.currency,
        requestedByPartner: row.requested,
        status: row.status,
        carrier: row.carrier ?? null,
        trackingNumber: row.trackingNumber ?? null,
        shippedOn: day(row.shippedOn),
        deliveredOn: day(row.deliveredOn),
        importKey: fingerprint({ kind: "gift", ...content, partnerId: refs.partnerId }),
        createdById: actorId,
      });
    }
    const existing = new Set(
      (await tx.gift.findMany({ where: { importKey: { in: ready.map((g) => g.importKey!) } }, select: { importKey: true } })).map(
        (g) => g.importKey,
      ),
    );
    const seen = new Set<string>();
    const fresh = ready.filter((g) => !existing.has(g.importKey!) && !seen.has(g.importKey!) && seen.add(g.importKey!));
    if (!dryRun) {
      for (let start = 0; start < fresh.length; start += 1000) {
        const batch = fresh.slice(start, start + 1000).map((g) => ({ ...g, id: crypto.randomUUID() }));
        await tx.gift.createMany({ data: batch });
        await recordAudits(
          tx,
          batch.map((g) => ({ actorId, action: "gift.import", entityType: "Gift", entityId: g.id, after: g })),
        );
      }
    }
    return summary(plan, errors, fresh.length, ready.length - fresh.length);
  };
  return dryRun ? run(db()) : db().$transaction(run, { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 });
}

/** Who runs an import, and whether they may approve spend (the form's rule for placements past "proposed"). */
export interface ImportActor {
  id: string | null;
  mayApprove: boolean;
}

/**
 * Rows with the same partner, campaign, title, fee, currency and agreed date are one placement;
 * each row's payment is added once (the same payment in a later run is recognised and skipped).
 * The file's status goes through the app's rules: a placement past "proposed" needs an importer
 * who may approve spend and a fee that one approval covers, and is recorded as approved by them;
 * "paid" needs the fee paid in full; payments go to committed placements only, never above the
 * fee, with the placement locked as the payment form locks it.
 */
export async function importPlacements(
  actor: ImportActor,
  plan: SpendImportPlan<PlannedPlacement>,
  dryRun = false,
): Promise<SpendImportResult> {
  const actorId = actor.id;
  const run = async (tx: DbClient) => {
    const errors = [...plan.errors];
    const resolve = await rowResolver(tx, plan.rows);
    const groups = new Map<string, { rows: PlannedPlacement[]; partnerId: string; campaignId: string | null }>();
    for (const row of plan.rows) {
      const rowErrors: ImportError[] = [];
      const refs = resolve(row, rowErrors);
      if (rowErrors.length || !refs) {
        errors.push(...rowErrors);
        continue;
      }
      const key = fingerprint({
        kind: "placement",
        ...refs,
        title: row.title,
        feeMinor: row.feeMinor,
        currency: row.currency,
        agreedOn: row.agreedOn,
      });
      const group = groups.get(key) ?? { rows: [], ...refs };
      group.rows.push(row);
      groups.set(key, group);
    }
    const existing = new Map(
      (await tx.placement.findMany({ where: { importKey: { in: [...groups.keys()] } }, include: { payments: true } })).map((p) => [
        p.importKey!,
        p,
      ]),
    );
    let created = 0;
    let unchanged = 0;
    const paymentKey = (payment: { amountMinor: number; paidOn: string; invoiceRef?: string | null }) =>
      `${payment.amountMinor}|${payment.paidOn}|${payment.invoiceRef ?? ""}`;
    const newPayments = (rows: PlannedPlacement[], recorded: { amountMinor: number; paidOn: Date; invoiceRef: string | null }[]) => {
      const known = new Set(recorded.map((p) => paymentKey({ ...p, paidOn: isoDay(p.paidOn) })));
      return rows.filter((r) => r.payment && !known.has(paymentKey(r.payment)));
    };
    for (const [key, group] of groups) {
      const first = group.rows[0];
      const refuse = (messageKey: string, column = "status", line = first.line) => errors.push({ line, column, messageKey });
      let known = existing.get(key) ?? null;
      let payments = newPayments(group.rows, known?.payments ?? []);
      // A known placement that gets payments is locked and read again, so an import and the
      // payment form cannot both pay the same outstanding amount.
      if (known && payments.length && !dryRun) {
        known = await lockPlacement(tx, known.id);
        payments = newPayments(group.rows, known.payments);
      }
      const status = known?.status ?? first.status;
      const recordedMinor = (known?.payments ?? []).map((p) => p.amountMinor);
      const newMinor = payments.map((r) => r.payment!.amountMinor);
      if (overpays(first.feeMinor, recordedMinor, newMinor)) {
        refuse("placements.overpayment", "paid_amount", payments.at(-1)!.line);
        continue;
      }
      if (payments.length && !acceptsPayments(status, { newPlacement: !known })) {
        refuse("placements.notPayable", "paid_amount", payments[0].line);
        continue;
      }
      if (known && !payments.length) {
        unchanged += group.rows.length;
        continue;
      }
      const committed = !known && isCommittedPlacement(status);
      if (committed) {
        if (!actor.mayApprove) {
          refuse("import.placementNeedsApprover");
          continue;
        }
        if ((await approversNeeded(tx, { feeMinor: first.feeMinor, currency: first.currency, agreedOn: utcDay(first.agreedOn) })) > 1) {
          refuse("import.placementNeedsTwoApprovals");
          continue;
        }
      }
      if (!known && status === "paid" && outstandingMinor(first.feeMinor, newMinor) > 0) {
        refuse("placements.notPaidInFull");
        continue;
      }
      created += known ? payments.length : group.rows.length;
      if (dryRun) continue;
      const placementId = known?.id ?? crypto.randomUUID();
      if (!known) {
        const data = {
          id: placementId,
          partnerId: group.partnerId,
          campaignId: group.campaignId,
          title: first.title,
          feeMinor: first.feeMinor,
          currency: first.currency,
          agreedOn: day(first.agreedOn)!,
          status: statusAfterPayments(first.status, first.feeMinor, newMinor),
          // Nobody approves their own proposal: a committed deal from a file is approved, not proposed, by the importer.
          proposedById: committed ? null : actorId,
          importKey: key,
        };
        await tx.placement.create({ data });
        if (committed && actorId) await tx.placementApproval.create({ data: { placementId, approverId: actorId } });
        const dues = unique(group.rows.map((r) => r.dueOn));
        if (dues.length)
          await tx.placementDeliverable.createMany({
            data: dues.map((due) => ({ placementId, description: first.title, dueOn: day(due) })),
          });
        await recordAudit(tx, {
          actorId,
          action: "placement.import",
          entityType: "Placement",
          entityId: placementId,
          after: { ...data, dues, approvedBy: committed ? (actorId ?? "command line") : null },
        });
      }
      for (const row of payments) {
        const payment = row.payment!;
        await tx.payment.create({
          data: {
            placementId,
            amountMinor: payment.amountMinor,
            paidOn: day(payment.paidOn)!,
            invoiceRef: payment.invoiceRef ?? null,
            recordedById: actorId,
          },
        });
        await recordAudit(tx, { actorId, action: "payment.import", entityType: "Placement", entityId: placementId, after: payment });
      }
      const statusAfter = known && statusAfterPayments(known.status, first.feeMinor, [...recordedMinor, ...newMinor]);
      if (known && statusAfter && statusAfter !== known.status) {
        await tx.placement.update({ where: { id: placementId }, data: { status: statusAfter } });
        await recordAudit(tx, {
          actorId,
          action: "placement.paid",
          entityType: "Placement",
          entityId: placementId,
          before: { status: known.status },
          after: { status: statusAfter },
        });
      }
    }
    return summary(plan, errors, created, unchanged);
  };
  return dryRun ? run(db()) : db().$transaction(run, { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 });
}
