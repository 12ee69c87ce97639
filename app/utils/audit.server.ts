import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "./db.server";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other rich values become their JSON form, as they would in an export.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Call with the transaction client of the change it records, so both commit or neither does. */
export async function recordAudit(tx: DbClient, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: asJson(entry.before),
      after: asJson(entry.after),
    },
  });
}
