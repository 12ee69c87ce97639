import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createPglite, pgliteDatabase, postgresScriptRunner, type OpenDatabase } from "~/utils/db-connection.server";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function migrationScripts(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

/** A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL schema. */
export async function createTestDatabase(kind = process.env.TEST_DB ?? "pglite"): Promise<OpenDatabase> {
  if (kind === "postgres") return createPostgresSchema();
  const pglite = await createPglite();
  for (const sql of migrationScripts()) await pglite.exec(sql);
  return pgliteDatabase(pglite);
}

async function createPostgresSchema(): Promise<OpenDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}", public`);
  for (const sql of migrationScripts()) await admin.query(sql);
  await admin.end();
  const config = { connectionString: url, options: `-c search_path="${schema}",public` };
  return {
    factory: new PrismaPg(config, { schema }),
    runScript: postgresScriptRunner(config),
    close: async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA "${schema}" CASCADE`);
      await cleanup.end();
    },
  };
}
