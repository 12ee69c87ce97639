import crypto from "node:crypto";
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import { migrationScripts } from "./migration-scripts";
import { createPglite, createPgliteFrom, pgliteDatabase, postgresScriptRunner, type OpenDatabase } from "~/utils/db-connection.server";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite loaded from the run's
 * template, or a PostgreSQL database copied from the run's template database. Without a template
 * (a test that builds its own), the migrations are replayed.
 */
export async function createTestDatabase(kind = process.env.TEST_DB ?? "pglite"): Promise<OpenDatabase> {
  if (kind === "postgres") return createPostgresDatabase(inject("postgresTemplate"));
  const template = inject("pgliteTemplate");
  if (template) return pgliteDatabase(await createPgliteFrom(undefined, new Blob([fs.readFileSync(template)])));
  const pglite = await createPglite();
  for (const sql of migrationScripts()) await pglite.exec(sql);
  return pgliteDatabase(pglite);
}

async function createPostgresDatabase(template: string): Promise<OpenDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const config = { connectionString: Object.assign(new URL(url), { pathname: `/${name}` }).toString() };
  return {
    factory: new PrismaPg(config),
    runScript: postgresScriptRunner(config),
    postgres: { connectionString: config.connectionString },
    close: async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
