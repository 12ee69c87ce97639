import { db } from "~/utils/db.server";

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
