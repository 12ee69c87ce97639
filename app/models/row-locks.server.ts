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

export async function lockPartnersForShare(tx: DbClient, ids: readonly string[]) {
  if (ids.length) await tx.$queryRaw`SELECT "id" FROM "Partner" WHERE "id" = ANY(${[...ids]}::text[]) ORDER BY "id" FOR SHARE`;
}
