import { db } from "~/utils/db.server";

/** The migrations the database has finished and not rolled back. */
async function appliedMigrations(): Promise<string[]> {
  const rows = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((row) => row.migration_name);
}

/**
 * How the database's migrations compare with this version's: `unknown` were applied by a newer
 * version (this one would read columns that are no longer there); `pending` are not applied yet.
 */
export async function migrationState(known: readonly string[]): Promise<{ unknown: string[]; pending: string[] }> {
  const applied = await appliedMigrations();
  const knownNames = new Set(known);
  const appliedNames = new Set(applied);
  return { unknown: applied.filter((name) => !knownNames.has(name)).sort(), pending: known.filter((name) => !appliedNames.has(name)) };
}

export async function migrationsUnknownToThisApp(known: readonly string[]): Promise<string[]> {
  return (await migrationState(known)).unknown;
}
