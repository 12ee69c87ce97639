import { strToU8, zipSync } from "fflate";
import { toCsv } from "~/shared/csv";
import { isoDay } from "~/shared/days";
import { ERASED_COVERAGE_URL_PREFIX, erasedPartnerName, retentionCutoff } from "~/shared/personal-data";
import { RuleViolation } from "~/shared/violations";
import { Prisma } from "~/generated/prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import { openAuditPayloads, recordAudit } from "~/utils/audit.server";
import { destroySubjectKeys } from "~/utils/personal-data-keys.server";
import { lockPartnersForUpdate } from "~/utils/row-locks.server";

/** The partner and every partner merged into it: one person, one request. */
async function personIds(tx: DbClient, partnerId: string): Promise<string[]> {
  const merged = await tx.partner.findMany({ where: { mergedIntoId: partnerId }, select: { id: true }, orderBy: { id: "asc" } });
  return [partnerId, ...merged.map((row) => row.id)];
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Everything held about one partner (GDPR art. 15), as a ZIP of JSON and CSV files, with the
 * audit entries about them opened. The export is audited; its content is not.
 */
export async function exportPersonalData(actorId: string, partnerId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  return db().$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({
      where: { id: partnerId },
      include: { owner: { select: { name: true } }, channels: { include: { measurements: { orderBy: { measuredOn: "asc" } } } } },
    });
    if (!partner) throw new RuleViolation("errors.notFound", 404);
    const ids = await personIds(tx, partnerId);
    const forPerson = { partnerId: { in: ids } };
    const [others, interactions, drafts, tasks, gifts, placements, coverage, submissions, agreements, invoices] = await Promise.all([
      tx.partner.findMany({ where: { id: { in: ids.slice(1) } } }),
      tx.interaction.findMany({ where: forPerson, orderBy: { occurredAt: "asc" }, include: { author: { select: { name: true } } } }),
      tx.draft.findMany({ where: forPerson, orderBy: { createdAt: "asc" }, include: { events: { orderBy: { createdAt: "asc" } } } }),
      tx.task.findMany({ where: forPerson, orderBy: { dueOn: "asc" } }),
      tx.gift.findMany({
        where: forPerson,
        orderBy: { createdAt: "asc" },
        include: { campaign: { select: { name: true } }, address: { select: { address: true, setAt: true } } },
      }),
      tx.placement.findMany({
        where: forPerson,
        orderBy: { createdAt: "asc" },
        include: { payments: { orderBy: { paidOn: "asc" } }, deliverables: true, campaign: { select: { name: true } } },
      }),
      tx.coverageItem.findMany({
        where: forPerson,
        orderBy: { publishedOn: "asc" },
        include: { checks: { orderBy: { checkedAt: "asc" } } },
      }),
      tx.contentSubmission.findMany({
        where: forPerson,
        orderBy: { createdAt: "asc" },
        include: {
          versions: {
            orderBy: { number: "asc" },
            include: {
              reviews: { select: { side: true, decision: true, comment: true, createdAt: true } },
              files: { select: { fileName: true, contentType: true, byteSize: true, sha256: true } },
            },
          },
        },
      }),
      tx.agreement.findMany({ where: forPerson, orderBy: { createdAt: "asc" }, omit: { signerAddressHash: true } }),
      tx.partnerInvoice.findMany({ where: forPerson, orderBy: { createdAt: "asc" } }),
    ]);
    const entityIds = [
      ...ids,
      ...partner.channels.map((c) => c.id),
      ...interactions.map((i) => i.id),
      ...drafts.map((d) => d.id),
      ...tasks.map((t) => t.id),
      ...gifts.map((g) => g.id),
      ...placements.map((p) => p.id),
      ...coverage.map((c) => c.id),
    ];
    const audit = await openAuditPayloads(
      tx,
      await tx.auditEvent.findMany({
        where: { entityId: { in: entityIds } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { actor: { select: { name: true } } },
      }),
    );
    const day = (value: Date | null) => (value ? isoDay(value) : null);
    const files: Record<string, Uint8Array> = {
      "README.txt": strToU8(
        [
          `Personal data held about partner ${partner.id}, exported ${new Date().toISOString()}.`,
          `Lawful basis: ${partner.lawfulBasis}. Source: ${partner.dataSource ?? "not recorded"}.`,
          "partner.json: the profile, channels and audience measurements; merged records are under mergedRecords.",
          "messages.csv / messages.json: the outreach log. drafts.json, follow-ups.json.",
          "gifts.csv, placements.csv (with payments in placements.json), coverage.csv (with disclosure checks in coverage.json).",
          "portal.json: what they sent from the partner portal (drafts and their reviews, agreements, invoices).",
          "audit.json: every audit entry about these records.",
          "",
        ].join("\n"),
      ),
      "partner.json": strToU8(json({ ...partner, mergedRecords: others })),
      "messages.json": strToU8(json(interactions)),
      "messages.csv": strToU8(
        toCsv(
          ["occurred_at", "type", "direction", "subject", "body", "author"],
          interactions.map((i) => [
            i.occurredAt.toISOString(),
            i.type,
            i.direction,
            i.subject,
            i.body,
            i.author?.name ?? "partner (portal)",
          ]),
        ),
      ),
      "drafts.json": strToU8(json(drafts)),
      "portal.json": strToU8(json({ contentSubmissions: submissions, agreements, invoices })),
      "follow-ups.json": strToU8(json(tasks)),
      "gifts.csv": strToU8(
        toCsv(
          [
            "id",
            "item",
            "campaign",
            "quantity",
            "unit_cost_minor",
            "shipping_minor",
            "currency",
            "status",
            "shipped_on",
            "delivered_on",
            "carrier",
            "tracking_number",
          ],
          gifts.map((g) => [
            g.id,
            g.itemName,
            g.campaign?.name,
            g.quantity,
            g.unitCostMinor,
            g.shippingMinor,
            g.currency,
            g.status,
            day(g.shippedOn),
            day(g.deliveredOn),
            g.carrier,
            g.trackingNumber,
          ]),
        ),
      ),
      "placements.json": strToU8(json(placements)),
      "placements.csv": strToU8(
        toCsv(
          ["id", "title", "campaign", "fee_minor", "currency", "status", "paid_minor"],
          placements.map((p) => [
            p.id,
            p.title,
            p.campaign?.name,
            p.feeMinor,
            p.currency,
            p.status,
            p.payments.reduce((sum, payment) => sum + payment.amountMinor, 0),
          ]),
        ),
      ),
      "coverage.json": strToU8(json(coverage)),
      "coverage.csv": strToU8(
        toCsv(
          ["id", "published_on", "platform", "url", "title"],
          coverage.map((c) => [c.id, day(c.publishedOn), c.platform, c.url, c.title]),
        ),
      ),
      "audit.json": strToU8(
        json(
          audit.map((event) => ({
            at: event.createdAt,
            actor: event.actor?.name ?? null,
            action: event.action,
            entityType: event.entityType,
            entityId: event.entityId,
            before: event.before,
            after: event.after,
          })),
        ),
      ),
    };
    await recordAudit(tx, {
      actorId,
      action: "partner.personal_data_export",
      entityType: "Partner",
      entityId: partnerId,
      after: { files: Object.keys(files).length, auditEntries: audit.length },
    });
    return { fileName: `personal-data-${partner.id}-${isoDay(new Date())}.zip`, bytes: zipSync(files, { level: 6 }) };
  });
}

export interface ErasureSummary {
  partners: number;
  channels: number;
  messages: number;
  drafts: number;
  followUps: number;
  coverage: number;
  contentVersions: number;
  uploads: number;
  mailMessages: number;
}

/**
 * Erasure (GDPR art. 17): the person's data goes; the money and compliance records stay as
 * pseudonymous rows (gift, placement, payment, check and rollup rows keep their ids and figures).
 * Audit rows are never edited: destroying the partner's key makes their sealed fields unreadable.
 */
export async function erasePersonalData(actorId: string, partnerId: string): Promise<ErasureSummary> {
  return db().$transaction(async (tx) => {
    const ids = await personIds(tx, partnerId);
    await lockPartnersForUpdate(tx, ids);
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { erasedAt: true, mergedIntoId: true } });
    if (!partner) throw new RuleViolation("errors.notFound", 404);
    if (partner.erasedAt) throw new RuleViolation("privacy.alreadyErased", 409);
    // A merged record is erased with the partner it was merged into, never on its own.
    if (partner.mergedIntoId) throw new RuleViolation("privacy.eraseMergedTarget", 409);
    const now = new Date();
    const forPerson = { partnerId: { in: ids } };
    // Read before the partner rows lose them: their addresses leave the mail kept below.
    const addresses = (
      await tx.$queryRaw<{ email: string }[]>`
      SELECT DISTINCT "email" FROM "Partner" WHERE "id" = ANY(${ids}::text[]) AND "email" IS NOT NULL`
    ).map((row) => row.email);
    for (const id of ids) {
      await tx.partner.update({
        where: { id },
        data: {
          name: erasedPartnerName(id),
          email: null,
          emailBouncedAt: null,
          website: null,
          websiteDomain: null,
          externalId: null,
          notes: null,
          riskNotes: null,
          dataSource: null,
          tags: [],
          searchText: "",
          erasedAt: now,
          archivedAt: now,
          version: { increment: 1 },
        },
      });
    }
    const channels = await tx.channel.updateMany({ where: forPerson, data: { handle: null, handleKey: null, url: null } });
    const messages = await tx.interaction.updateMany({ where: forPerson, data: { subject: null, body: "" } });
    const drafts = await tx.draft.updateMany({ where: forPerson, data: { subject: null, body: "" } });
    await tx.draftEvent.updateMany({ where: { draft: forPerson }, data: { comment: null } });
    const followUps = await tx.task.updateMany({ where: forPerson, data: { title: "" } });
    // The address is required to be a web address: a reserved domain (RFC 2606) says where it went.
    const coverage =
      await tx.$executeRaw`UPDATE "CoverageItem" SET "url" = ${ERASED_COVERAGE_URL_PREFIX} || "id", "title" = NULL, "text" = '' WHERE "partnerId" = ANY(${ids}::text[])`;
    // The copies of their pages and posts go with the texts: snapshots, captured posts, their feeds.
    const snapshots =
      await tx.$executeRaw`DELETE FROM "CoverageSnapshot" s USING "CoverageItem" c WHERE s."coverageItemId" = c."id" AND c."partnerId" = ANY(${ids}::text[])`;
    const captures = await tx.capturedPost.deleteMany({ where: { partnerId: { in: ids } } });
    await tx.channelFeed.deleteMany({ where: { channel: forPerson } });
    // Their portal is closed: links revoked, visits ended.
    await tx.portalLink.updateMany({ where: { partnerId: { in: ids }, revokedAt: null }, data: { revokedAt: now } });
    await tx.portalSession.deleteMany({ where: { partnerId: { in: ids } } });
    await tx.giftAddress.deleteMany({ where: { partnerId: { in: ids } } });
    // Their drafts' texts, review comments and uploaded media go; invoices and signed agreements stay,
    // kept under the accounting and contract-evidence obligations (ADR 0012).
    const contentVersions =
      await tx.$executeRaw`UPDATE "ContentVersion" v SET "text" = '' FROM "ContentSubmission" s WHERE v."submissionId" = s."id" AND s."partnerId" = ANY(${ids}::text[])`;
    await tx.$executeRaw`UPDATE "ContentReview" r SET "comment" = NULL FROM "ContentVersion" v JOIN "ContentSubmission" s ON s."id" = v."submissionId" WHERE r."versionId" = v."id" AND s."partnerId" = ANY(${ids}::text[])`;
    const uploads = await tx.portalFile.deleteMany({ where: { partnerId: { in: ids }, purpose: { not: "invoice" } } });
    // Their mail: what each message said, its original and its attachments go; that it existed
    // (its date, direction, size and hash) stays. Their address leaves every address list.
    const mail = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT "mailMessageId" AS "id" FROM "Interaction" WHERE "partnerId" = ANY(${ids}::text[]) AND "mailMessageId" IS NOT NULL`;
    const mailIds = mail.map((row) => row.id);
    await tx.mailAttachment.updateMany({ where: { mailMessageId: { in: mailIds } }, data: { content: null, filename: null } });
    await tx.mailMessage.updateMany({
      where: { id: { in: mailIds } },
      data: { subject: null, bodyText: "", raw: null, headers: [], fromName: null, erasedAt: now },
    });
    await tx.$executeRaw`
      UPDATE "MailMessage" SET
        "fromAddress" = CASE WHEN "fromAddress" = ANY(${addresses}::text[]) THEN 'erased@erased.invalid' ELSE "fromAddress" END,
        "toAddresses" = ARRAY(SELECT a FROM unnest("toAddresses") a WHERE a <> ALL(${addresses}::text[])),
        "ccAddresses" = ARRAY(SELECT a FROM unnest("ccAddresses") a WHERE a <> ALL(${addresses}::text[]))
      WHERE "id" = ANY(${mailIds}::text[])`;
    await destroySubjectKeys(tx, ids);
    const summary = {
      partners: ids.length,
      channels: channels.count,
      messages: messages.count,
      drafts: drafts.count,
      followUps: followUps.count,
      coverage,
      snapshots,
      captures: captures.count,
      contentVersions,
      uploads: uploads.count,
      mailMessages: mailIds.length,
    };
    await recordAudit(tx, {
      actorId,
      action: "partner.erase",
      entityType: "Partner",
      entityId: partnerId,
      after: { erasedAt: now, ...summary },
    });
    return summary;
  });
}

export const RETENTION_PAGE_SIZE = 50;

/** Prospects with no activity (edit or logged message) since the retention cutoff: flagged for review or erasure. */
export async function prospectsPastRetention(page: number, now = new Date()) {
  const settings = await db().workspaceSettings.findUnique({ where: { id: 1 }, select: { prospectRetentionMonths: true } });
  const months = settings?.prospectRetentionMonths ?? 24;
  const cutoff = retentionCutoff(now, months);
  const past = Prisma.sql`
    FROM "Partner" p
    WHERE p."stage" = 'prospect' AND p."erasedAt" IS NULL AND p."mergedIntoId" IS NULL AND p."updatedAt" < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "Interaction" i WHERE i."partnerId" = p."id" AND i."occurredAt" >= ${cutoff})`;
  const [rows, [{ count }]] = await Promise.all([
    db().$queryRaw<{ id: string; name: string; lawfulBasis: string; dataSource: string | null; lastActivity: Date }[]>`
      SELECT p."id", p."name", p."lawfulBasis"::text AS "lawfulBasis", p."dataSource",
        GREATEST(p."updatedAt", (SELECT max(i."occurredAt") FROM "Interaction" i WHERE i."partnerId" = p."id")) AS "lastActivity"
      ${past}
      ORDER BY "lastActivity" ASC, p."id" ASC
      LIMIT ${RETENTION_PAGE_SIZE} OFFSET ${(page - 1) * RETENTION_PAGE_SIZE}`,
    db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count ${past}`,
  ]);
  return { months, cutoff, rows, total: Number(count) };
}
