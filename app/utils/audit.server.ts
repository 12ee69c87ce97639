import { auditSubject, openSealedFields, sealedSubjects, sealPersonalFields } from "~/shared/personal-data";
import { Prisma } from "~/generated/prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import { keysForOpening, keysForSealing, openWith, sealWith } from "./personal-data-keys.server";

export interface AuditEntry {
  actorId: string | null;
  /** The partner, when they did it themselves in the portal (actorId is then null). */
  actorPartnerId?: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The partner whose personal data the payload holds, when the payload does not say (no partnerId). */
  subjectId?: string;
}

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other rich values become their JSON form, as they would in an export.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

function holdsPersonalData(entityType: string, payload: unknown): boolean {
  let found = false;
  sealPersonalFields(entityType, payload, (value) => {
    found = true;
    return value;
  });
  return found;
}

/**
 * Call with the transaction client of the change they record, so both commit or neither does.
 * A partner's personal data is sealed with that partner's key before it is written (ADR 0010).
 */
export async function recordAudits(tx: DbClient, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  const subjects = entries.map((entry) => {
    if (!holdsPersonalData(entry.entityType, entry.before) && !holdsPersonalData(entry.entityType, entry.after)) return undefined;
    const subject = auditSubject(entry);
    // Failing here keeps personal data out of the trail rather than writing it in the clear.
    if (!subject) throw new Error(`audit ${entry.action}: personal data with no partner to seal it for`);
    return subject;
  });
  const keys = await keysForSealing(
    tx,
    subjects.filter((subject): subject is string => subject !== undefined),
  );
  const sealed = (entityType: string, subject: string | undefined, payload: unknown) => {
    const json = asJson(payload);
    if (!subject || json === undefined) return json;
    const key = keys.get(subject)!;
    return sealPersonalFields(entityType, json, (value) => sealWith(key, subject, value)) as Prisma.InputJsonValue;
  };
  await tx.auditEvent.createMany({
    data: entries.map((entry, index) => ({
      actorId: entry.actorId,
      actorPartnerId: entry.actorPartnerId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: sealed(entry.entityType, subjects[index], entry.before),
      after: sealed(entry.entityType, subjects[index], entry.after),
    })),
  });
}

export async function recordAudit(tx: DbClient, entry: AuditEntry) {
  await recordAudits(tx, [entry]);
}

/** Audit payloads as people may read them: sealed values opened, erased ones marked so. */
export async function openAuditPayloads<T extends { before: unknown; after: unknown }>(tx: DbClient, events: T[]): Promise<T[]> {
  const subjects = new Set<string>();
  for (const event of events) {
    sealedSubjects(event.before, subjects);
    sealedSubjects(event.after, subjects);
  }
  if (subjects.size === 0) return events;
  const keys = await keysForOpening(tx, subjects);
  const open = (payload: unknown) => openSealedFields(payload, (value) => openWith(keys, value));
  return events.map((event) => ({ ...event, before: open(event.before), after: open(event.after) }));
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  /** Inclusive: the whole day. */
  to?: Date;
  page: number;
}

/** Read-only on purpose: nothing in the app edits or deletes audit events. */
export async function listAuditEvents(filters: AuditFilters) {
  const where: Prisma.AuditEventWhereInput = {
    entityType: filters.entityType,
    entityId: filters.entityId,
    actorId: filters.actorId,
    createdAt: {
      gte: filters.from,
      lt: filters.to ? new Date(filters.to.getTime() + 86_400_000) : undefined,
    },
  };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
    db().auditEvent.count({ where }),
  ]);
  return { events: await openAuditPayloads(db(), events), total };
}

export async function auditFilterOptions() {
  const [entityTypes, actors] = await Promise.all([
    // A loose index scan: one index probe per distinct type instead of reading every event.
    db().$queryRaw<{ value: string }[]>`
      WITH RECURSIVE types AS (
        SELECT min("entityType") AS value FROM "AuditEvent"
        UNION ALL
        SELECT (SELECT min("entityType") FROM "AuditEvent" WHERE "entityType" > types.value)
        FROM types WHERE types.value IS NOT NULL
      )
      SELECT value FROM types WHERE value IS NOT NULL`,
    db().user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { entityTypes: entityTypes.map((row) => row.value), actors };
}

/**
 * The one definition of a stage change, whatever wrote it (form, bulk change, import, merge):
 * a partner event whose payload sets a stage different from the one before. A creation has no
 * stage before. `event` is the SQL alias of the AuditEvent row.
 */
export function stageChangeCondition(event: string): Prisma.Sql {
  const e = Prisma.raw(`"${event}"`);
  return Prisma.sql`${e}."entityType" = 'Partner' AND ${e}."after" ? 'stage'
    AND (${e}."before" IS NULL OR ${e}."before"->>'stage' IS DISTINCT FROM ${e}."after"->>'stage')`;
}
