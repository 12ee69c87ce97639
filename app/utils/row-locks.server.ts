import { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/utils/db.server";

/**
 * Row locks on partners, always taken in id order so that two transactions locking overlapping
 * sets cannot deadlock.
 * - FOR UPDATE before a read-modify-write of the rows (bulk changes).
 * - FOR SHARE before acting on what a row says (a gift or a message checks "do not contact"): a
 *   stage change waits for us, and we wait for a stage change in progress and then see it.
 */
export async function lockPartnersForUpdate(tx: DbClient, ids: readonly string[]) {
  if (ids.length) await tx.$queryRaw`SELECT "id" FROM "Partner" WHERE "id" = ANY(${[...ids]}::text[]) ORDER BY "id" FOR UPDATE`;
}

/**
 * Locks one record that must belong to the given partner (the portal acts only on the partner's
 * own rows); false when there is no such record of theirs, which callers answer with a 404.
 */
export async function lockPartnersRecord(
  tx: DbClient,
  table: "Placement" | "Gift" | "PortalLink" | "ContentSubmission" | "Agreement",
  id: string,
  partnerId: string,
): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id} AND "partnerId" = ${partnerId} FOR UPDATE`;
  return rows.length === 1;
}

export async function lockPartnersForShare(tx: DbClient, ids: readonly string[]) {
  if (ids.length) await tx.$queryRaw`SELECT "id" FROM "Partner" WHERE "id" = ANY(${[...ids]}::text[]) ORDER BY "id" FOR SHARE`;
}

/** Locks one row of a table that is not a partner's (a draft being sent, a message in triage); false when it is gone. */
export async function lockRow(
  tx: DbClient,
  table: "Draft" | "MailMessage" | "CapturedPost" | "CoverageItem",
  id: string,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 1;
}
