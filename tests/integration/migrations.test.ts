import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pl-migrations-"));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function migrate(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "prisma/migrate.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function copyMigrations(name: string) {
  const dir = path.join(scratch, name);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe("migrations and schema.prisma", () => {
  it("agree: the engine's diff from the migrations to the schema is empty", async () => {
    const result = await migrate(["check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Migrations and schema.prisma agree.");
    expect(result.code).toBe(0);
  });

  it("fail the check when a migration was hand-edited and drifts", async () => {
    const dir = copyMigrations("drifted");
    const [first] = fs
      .readdirSync(dir)
      .filter((name) => !name.endsWith(".toml"))
      .sort();
    const file = path.join(dir, first, "migration.sql");
    const edited = fs.readFileSync(file, "utf8").replace(`    "locale" TEXT,\n`, "");
    expect(edited).not.toBe(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, edited);

    const result = await migrate(["check"], { MIGRATIONS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"locale" TEXT/);
  });

  it("writes nothing for a new migration when the schema has not changed", async () => {
    const dir = copyMigrations("unchanged");
    const before = fs.readdirSync(dir).length;
    const result = await migrate(["new", "nothing"], { MIGRATIONS_DIR: dir });
    expect(result.stdout).toContain("nothing to write");
    expect(fs.readdirSync(dir).length).toBe(before);
  });

  it("applies pending migrations once and records them like prisma migrate deploy", async () => {
    let env: Record<string, string>;
    let cleanup = async () => {};
    if (process.env.TEST_DB === "postgres") {
      const schema = `mig_${crypto.randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.searchParams.set("schema", schema);
      env = { DATABASE_URL: url.toString() };
      cleanup = async () => {
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
        await admin.end();
      };
    } else {
      env = { DATA_DIR: path.join(scratch, "data") };
    }
    try {
      const first = await migrate(["apply"], env);
      expect(first.stderr).toBe("");
      const names = fs
        .readdirSync(migrationsDir)
        .filter((name) => /^\d{14}_/.test(name))
        .sort();
      expect(first.stdout.trim()).toMatch(new RegExp(`^Applied ${names.length} migration\\(s\\) to .*: ${names.join(", ")}$`));
      const second = await migrate(["apply"], env);
      expect(second.stdout).toMatch(/No pending migrations/);
    } finally {
      await cleanup();
    }
  });

  it("stops with one clear line when the database cannot be reached", async () => {
    const result = await migrate(["apply"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/nothing" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/nothing\): .*ECONNREFUSED/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("stops with one clear line on a malformed DATABASE_URL", async () => {
    const result = await migrate(["apply"], { DATABASE_URL: "localhost:5432" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Invalid environment variable DATABASE_URL: must look like postgresql://user:password@host:5432/database",
    );
  });
});
