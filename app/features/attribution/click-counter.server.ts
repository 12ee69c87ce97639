/**
 * Counting clicks on tracked links without making the redirect wait for the database's disk: a
 * click is noted in memory (a hash, never the address) and written every second in one batch.
 * Each client counts once per link per UTC day: the stored hash is salted with that day's random
 * salt, which the daily clean-up deletes, so no one can follow a visitor from day to day.
 */
import { createHash, randomBytes } from "node:crypto";
import { db } from "~/utils/db.server";
import { remember } from "~/utils/remember.server";

// One buffer per process, whichever module copy notes or flushes (see remember.server.ts).
const pending = remember("clickBuffer", () => new Map<string, { linkId: string; day: string; clients: Set<string> }>());
const salts = remember("clickSalts", () => new Map<string, Buffer>());
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> | null = null;

const today = () => new Date().toISOString().slice(0, 10);

/** Notes one click; `client` is the address and browser, hashed at once and never kept as is. */
export function noteClick(linkId: string, client: string) {
  const day = today();
  const key = `${linkId}|${day}`;
  let entry = pending.get(key);
  if (!entry) pending.set(key, (entry = { linkId, day, clients: new Set() }));
  entry.clients.add(createHash("sha256").update(client).digest("hex"));
  if (!timer) {
    timer = setInterval(() => void flushClicks().catch((error) => console.error(`Click counting: ${(error as Error).message}`)), 1000);
    timer.unref();
  }
}

async function saltOf(day: string): Promise<Buffer> {
  const known = salts.get(day);
  if (known) return known;
  // Every process must use the same salt for a day: the first one to ask makes it.
  await db().$executeRaw`INSERT INTO "ClickSalt" ("day", "salt") VALUES (${day}::date, ${randomBytes(32)}) ON CONFLICT ("day") DO NOTHING`;
  const row = await db().clickSalt.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } });
  const salt = Buffer.from(row.salt);
  salts.clear();
  salts.set(day, salt);
  return salt;
}

/** Writes the noted clicks: new visitors of the day, and each link's count of them. */
export async function flushClicks(): Promise<void> {
  if (flushing) return flushing;
  if (pending.size === 0) return;
  const batch = [...pending.values()];
  pending.clear();
  flushing = (async () => {
    const rows: { linkId: string; day: string; hash: string }[] = [];
    for (const entry of batch) {
      const salt = await saltOf(entry.day);
      for (const client of entry.clients)
        rows.push({ linkId: entry.linkId, day: entry.day, hash: createHash("sha256").update(salt).update(client).digest("hex") });
    }
    await db().$transaction(async (tx) => {
      // Only visitors not yet seen that day count; another process may have seen them first.
      const fresh = await tx.$queryRaw<{ linkId: string; day: Date; n: bigint }[]>`
        WITH incoming AS (
          SELECT * FROM unnest(${rows.map((r) => r.linkId)}::text[], ${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.hash)}::text[])
            AS t("linkId", "day", "visitorHash")
        ), inserted AS (
          INSERT INTO "LinkVisitor" ("linkId", "day", "visitorHash")
          SELECT i."linkId", i."day", i."visitorHash" FROM incoming i JOIN "TrackedLink" l ON l."id" = i."linkId"
          ON CONFLICT DO NOTHING RETURNING "linkId", "day"
        )
        SELECT "linkId", "day", count(*) AS n FROM inserted GROUP BY "linkId", "day"`;
      if (fresh.length)
        await tx.$executeRaw`
          INSERT INTO "LinkClickDay" ("linkId", "day", "clicks")
          SELECT * FROM unnest(${fresh.map((f) => f.linkId)}::text[], ${fresh.map((f) => f.day)}::date[], ${fresh.map((f) => Number(f.n))}::int[])
          ON CONFLICT ("linkId", "day") DO UPDATE SET "clicks" = "LinkClickDay"."clicks" + EXCLUDED."clicks"`;
    });
  })();
  try {
    await flushing;
  } catch (error) {
    // Not lost: the batch goes back to be written with the next one.
    for (const entry of batch)
      for (const client of entry.clients) {
        const key = `${entry.linkId}|${entry.day}`;
        const again = pending.get(key) ?? { linkId: entry.linkId, day: entry.day, clients: new Set<string>() };
        again.clients.add(client);
        pending.set(key, again);
      }
    throw error;
  } finally {
    flushing = null;
  }
}

/** The daily clean-up: visitor hashes and salts of days before yesterday go. */
export async function purgeClickVisitors(now = new Date()) {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const visitors = await db().linkVisitor.deleteMany({ where: { day: { lt: cutoff } } });
  const saltsDeleted = await db().clickSalt.deleteMany({ where: { day: { lt: cutoff } } });
  return { clickVisitors: visitors.count, clickSalts: saltsDeleted.count };
}
