import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

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
  return { events, total };
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
