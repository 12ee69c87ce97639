/** Invoices partners upload in the portal for their placements, with the legal identity they issue them under. */
import type { InvoiceInput } from "./content";
import { RuleViolation } from "~/shared/violations";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { storePortalFiles } from "./content.server";
import { type UploadedFile } from "~/utils/upload.server";
import type { PortalVisitor } from "./portal.server";
import { lockPartnersRecord } from "~/utils/row-locks.server";

const INVOICEABLE = ["approved", "contracted", "delivered", "paid"];

export async function uploadInvoice(visitor: PortalVisitor, placementId: string, input: InvoiceInput, file: UploadedFile) {
  return db().$transaction(async (tx) => {
    if (!(await lockPartnersRecord(tx, "Placement", placementId, visitor.partnerId))) throw new RuleViolation("errors.notFound", 404);
    const placement = await tx.placement.findUniqueOrThrow({ where: { id: placementId }, select: { status: true } });
    if (!INVOICEABLE.includes(placement.status)) throw new RuleViolation("portal.invoice.notForThis", 409);
    const [stored] = await storePortalFiles(tx, visitor.partnerId, "invoice", [file]);
    const invoice = await tx.partnerInvoice.create({
      data: {
        partnerId: visitor.partnerId,
        placementId,
        fileId: stored.id,
        number: input.number ?? null,
        legalIdKind: input.legalIdKind,
        legalId: input.legalId,
      },
    });
    await recordAudit(tx, {
      actorId: null,
      actorPartnerId: visitor.partnerId,
      action: "invoice.upload",
      entityType: "PartnerInvoice",
      entityId: invoice.id,
      subjectId: visitor.partnerId,
      after: { placementId, number: invoice.number, legalIdKind: invoice.legalIdKind, legalId: invoice.legalId, sha256: stored.sha256 },
    });
    return invoice;
  });
}

/** A placement's invoices, newest first, for the team next to its payments. */
export function placementInvoices(placementId: string) {
  return db().partnerInvoice.findMany({
    where: { placementId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      number: true,
      legalIdKind: true,
      legalId: true,
      createdAt: true,
      file: { select: { id: true, fileName: true, byteSize: true } },
    },
  });
}
