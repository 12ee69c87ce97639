/**
 * One-time keys for create forms. The first request with a key claims it and runs; a replay
 * (a double click, a resent POST, a reload of the result) finds it and is sent where the
 * first one led, without writing again.
 */
import { db } from "~/utils/db.server";

/** Keys are kept a day: long enough for any replay, short enough that the table stays small. */
const KEEP_MS = 86_400_000;

export type Claim = { claimed: true } | { claimed: false; status: "pending" | "done"; location: string | null };

export async function claimIdempotencyKey(key: string): Promise<Claim> {
  const inserted = await db()
    .$executeRaw`INSERT INTO "IdempotencyKey" ("key", "status") VALUES (${key}, 'pending') ON CONFLICT ("key") DO NOTHING`;
  if (inserted === 1) {
    await db().$executeRaw`DELETE FROM "IdempotencyKey" WHERE "createdAt" < ${new Date(Date.now() - KEEP_MS)}`;
    return { claimed: true };
  }
  const found = await db().idempotencyKey.findUnique({ where: { key }, select: { status: true, location: true } });
  return { claimed: false, status: found?.status === "done" ? "done" : "pending", location: found?.location ?? null };
}

/** The request succeeded and led to `location`: later replays go there too. */
export async function completeIdempotencyKey(key: string, location: string | null) {
  await db().idempotencyKey.update({ where: { key }, data: { status: "done", location } });
}

/** The request failed (bad input, a broken rule, an error): the same key may be sent again. */
export async function releaseIdempotencyKey(key: string) {
  await db().idempotencyKey.deleteMany({ where: { key, status: "pending" } });
}
