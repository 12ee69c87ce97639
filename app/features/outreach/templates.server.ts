/** Message templates (Settings › Templates) and drafts written from them. */
import { renderTemplate, type DraftFromTemplateInput, type TemplateInput, type TemplateVariable } from "~/features/mail";
import { assertMayContact } from "./outreach";
import { RuleViolation } from "~/shared/violations";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { createDraftIn } from "./outreach.server";
import { createPortalLinkIn } from "~/features/portal/index.server";
import { lockPartnersForShare } from "~/utils/row-locks.server";

export function listTemplates() {
  return db().messageTemplate.findMany({
    where: { archivedAt: null },
    orderBy: [{ name: "asc" }, { language: "asc" }],
    select: { id: true, name: true, language: true, subject: true, body: true, version: true, updatedAt: true },
  });
}

function nameTaken(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createTemplate(actorId: string, input: TemplateInput) {
  try {
    return await db().$transaction(async (tx) => {
      const template = await tx.messageTemplate.create({ data: { ...input, createdById: actorId } });
      await recordAudit(tx, { actorId, action: "template.create", entityType: "MessageTemplate", entityId: template.id, after: input });
      return template;
    });
  } catch (error) {
    if (nameTaken(error)) throw new RuleViolation("templates.nameTaken", 409, "name");
    throw error;
  }
}

/** Saves an edit made from `version`; someone else's edit in between is a conflict, not overwritten. */
export async function updateTemplate(actorId: string, id: string, version: number, input: TemplateInput) {
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.messageTemplate.findFirst({ where: { id, archivedAt: null } });
      if (!before) throw new RuleViolation("errors.notFound", 404);
      const { count } = await tx.messageTemplate.updateMany({ where: { id, version }, data: { ...input, version: { increment: 1 } } });
      if (count === 0) throw new RuleViolation("templates.stale", 409);
      await recordAudit(tx, {
        actorId,
        action: "template.update",
        entityType: "MessageTemplate",
        entityId: id,
        before: { name: before.name, language: before.language, subject: before.subject, body: before.body },
        after: input,
      });
    });
  } catch (error) {
    if (nameTaken(error)) throw new RuleViolation("templates.nameTaken", 409, "name");
    throw error;
  }
}

export async function archiveTemplate(actorId: string, id: string) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.messageTemplate.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
    if (count === 0) throw new RuleViolation("errors.notFound", 404);
    await recordAudit(tx, { actorId, action: "template.archive", entityType: "MessageTemplate", entityId: id });
  });
}

/** What fills a template's variables for the example on the settings page. */
export function sampleValues(language: string): Record<TemplateVariable, string> {
  return {
    partnerName: "Camille Dupont",
    campaign: language === "fr" ? "Printemps au jardin" : "Spring in the garden",
    gift: language === "fr" ? "Coffret thé vert" : "Green tea gift box",
    dueDate: new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 4, 15))),
    portalLink: "https://crm.example.com/p/…",
  };
}

/**
 * Writes a draft from a template: the partner's name, the chosen campaign and gift, the due date
 * (in the template's language) and, when asked, a new portal link fill the variables. What has no
 * value stays as {{name}}, and the draft cannot go to review until someone fills it in.
 */
export async function createDraftFromTemplate(
  actorId: string,
  partnerId: string,
  input: DraftFromTemplateInput,
  portalUrl: (token: string) => string | null,
) {
  return db().$transaction(async (tx) => {
    await lockPartnersForShare(tx, [partnerId]);
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { name: true, stage: true } });
    if (!partner) throw new RuleViolation("errors.notFound", 404);
    assertMayContact(partner.stage);
    const template = await tx.messageTemplate.findFirst({ where: { id: input.templateId, archivedAt: null } });
    if (!template) throw new RuleViolation("templates.unknown", 422, "templateId");
    const values: Partial<Record<TemplateVariable, string>> = { partnerName: partner.name };
    if (input.campaignId) {
      const campaign = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { name: true } });
      if (!campaign) throw new RuleViolation("errors.invalidChoice", 422, "campaignId");
      values.campaign = campaign.name;
    }
    if (input.giftId) {
      const gift = await tx.gift.findFirst({ where: { id: input.giftId, partnerId }, select: { itemName: true } });
      if (!gift) throw new RuleViolation("errors.invalidChoice", 422, "giftId");
      values.gift = gift.itemName;
    }
    if (input.dueOn)
      values.dueDate = new Intl.DateTimeFormat(template.language, { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${input.dueOn}T00:00:00Z`),
      );
    if (input.withPortalLink) {
      const { token } = await createPortalLinkIn(tx, actorId, partnerId);
      const url = portalUrl(token);
      if (!url) throw new RuleViolation("portal.needsAppUrl", 409);
      values.portalLink = url;
    }
    return createDraftIn(
      tx,
      actorId,
      partnerId,
      {
        kind: "message",
        channel: "email",
        subject: renderTemplate(template.subject, values),
        body: renderTemplate(template.body, values),
        templateId: template.id,
      },
      { templateVersion: template.version },
    );
  });
}
