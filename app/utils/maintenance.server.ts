import type { PGlite } from "@electric-sql/pglite";
import { dumpEmbedded } from "~/utils/backup.server";
import { db } from "~/utils/db.server";
import { answerServerRequests } from "~/utils/server-requests.server";

/** How often the embedded database is vacuumed while the app runs. */
export const EMBEDDED_VACUUM_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * The embedded database has no autovacuum: rows left by updates, deletes and imports that were
 * killed half-way are never reused, and the files only grow. VACUUM makes their space reusable
 * and ANALYZE refreshes the planner's statistics. PostgreSQL does both on its own.
 */
export async function vacuumEmbeddedDatabase(): Promise<number> {
  const started = Date.now();
  await db().$executeRawUnsafe("VACUUM ANALYZE");
  return Date.now() - started;
}

/** In the process that owns the embedded database: `npm run backup` and `npm run db:vacuum` ask it. */
export function answerMaintenanceRequests(dataDir: string, pglite: PGlite, description: string) {
  return answerServerRequests(dataDir, async (request) => {
    if (request.kind === "vacuum") return `Vacuumed the embedded database in ${await vacuumEmbeddedDatabase()} ms.`;
    const bytes = await dumpEmbedded(pglite, request.file);
    return `Backed up ${description} to ${request.file} (${(bytes / 1024 / 1024).toFixed(1)} MB), from the running app.`;
  });
}
