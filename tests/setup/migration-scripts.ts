import fs from "node:fs";
import path from "node:path";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function migrationScripts(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}
