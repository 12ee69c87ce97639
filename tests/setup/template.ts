/**
 * Migrates one database per test run, and each test file starts from a copy of it instead of
 * replaying every migration: PGlite from a dumpDataDir tar, PostgreSQL from a template database.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPglite } from "~/utils/db-connection.server";
import { migrationScripts } from "./migration-scripts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `pl_template_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const template = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: `/${name}` }).toString() });
    await template.connect();
    for (const sql of migrationScripts()) await template.query(sql);
    await template.end();
    project.provide("postgresTemplate", name);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const pglite = await createPglite();
  for (const sql of migrationScripts()) await pglite.exec(sql);
  const file = path.join(os.tmpdir(), `partnerledger-test-template-${process.pid}-${crypto.randomBytes(4).toString("hex")}.tar`);
  fs.writeFileSync(file, new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(file, { force: true });
}
