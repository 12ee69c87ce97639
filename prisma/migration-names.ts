import fs from "node:fs";
import path from "node:path";

export const defaultMigrationsDir = path.join(import.meta.dirname, "migrations");

/** The migrations this version of the app ships, oldest first (their directory names). */
export function migrationNames(migrationsDir = defaultMigrationsDir): string[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
