import { db } from "~/utils/db.server";

/**
 * Migrations the database has applied that this version of the app does not know: the database
 * was migrated by a newer version, and this one would read columns that are no longer there.
 */
export async function migrationsUnknownToThisApp(known: readonly string[]): Promise<string[]> {
  const rows = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const knownNames = new Set(known);
  return rows
    .map((row) => row.migration_name)
    .filter((name) => !knownNames.has(name))
    .sort();
}
