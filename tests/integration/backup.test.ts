import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseFingerprint } from "~/utils/backup.server";
import { createPglite } from "~/utils/db-connection.server";

const root = path.resolve(import.meta.dirname, "../..");
const node = (script: string, args: string[], env: Record<string, string>) =>
  [process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", script, ...args], env] as const;

function run([command, args, env]: ReturnType<typeof node>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const cli = (command: "backup" | "restore", file: string, env: Record<string, string>) =>
  run(node("app/cli/backup.ts", [command, file], env));
const migrate = (env: Record<string, string>) => run(node("prisma/migrate.ts", ["apply"], env));

/** Rows of every kind the schema has: text with accents and quotes, arrays, JSON, bytes, decimals, dates. */
const SEED = `
  INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ('u1', 'claire@example.fr', 'Claire « l’admin »', 'admin', now());
  INSERT INTO "Partner" ("id", "name", "kind", "email", "tags", "notes", "searchText", "updatedAt", "lawfulBasis")
    SELECT 'p' || n, 'Partenaire n°' || n || ' — été', 'blogger', 'p' || n || '@example.fr', ARRAY['beauté', 'lyon'], E'Ligne 1\\nLigne "2"', 'p' || n, now(), 'consent'
    FROM generate_series(1, 300) n;
  INSERT INTO "PersonalDataKey" ("partnerId", "key") SELECT 'p' || n, sha256(('k' || n)::bytea) FROM generate_series(1, 300) n;
  INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "after")
    SELECT 'a' || n, 'u1', 'partner.create', 'Partner', 'p' || n, jsonb_build_object('stage', 'prospect', 'n', n, 'ratio', n / 7.0) FROM generate_series(1, 300) n;
  INSERT INTO "ExchangeRate" ("id", "baseCurrency", "quoteCurrency", "rate", "validOn", "minorUnitShift") VALUES ('r1', 'USD', 'EUR', 0.912345678901, '2026-03-01', 0);
`;

describe.skipIf(process.env.TEST_DB !== "pglite")("backups of the embedded database", () => {
  it("round-trip with identical row counts and checksums, from a stopped app and from a running one", async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "pl-backup-"));
    const source = { DATA_DIR: path.join(base, "source"), DATABASE_URL: "" };
    try {
      expect((await migrate(source)).code).toBe(0);
      const seeded = await createPglite(path.join(source.DATA_DIR, "pglite"));
      await seeded.exec(SEED);
      const fingerprint = () => databaseFingerprint(async (sql) => (await seeded.query(sql)).rows as never[]);
      const before = await fingerprint();
      await seeded.close();
      expect(before.find((table) => table.table === "Partner")?.rows).toBe(300);

      const file = path.join(base, "copy.tar.gz");
      const backup = await cli("backup", file, source);
      expect(backup.output).toContain(`to ${file}`);
      expect(backup.code).toBe(0);
      const restoredDir = { DATA_DIR: path.join(base, "restored"), DATABASE_URL: "" };
      expect((await cli("restore", file, restoredDir)).code).toBe(0);
      const restored = await createPglite(path.join(restoredDir.DATA_DIR, "pglite"));
      expect(await databaseFingerprint(async (sql) => (await restored.query(sql)).rows as never[])).toEqual(before);
      await restored.close();

      // While the app holds the database, the backup is made by the app itself.
      const [command, args] = node("tests/integration/helpers/hold-embedded-database.ts", [], source);
      const holder = spawn(command, args, { cwd: root, env: { ...process.env, ...source } });
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on("data", (chunk) => String(chunk).includes("holding") && resolve());
        holder.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
      });
      try {
        const online = path.join(base, "online.tar.gz");
        const asked = await cli("backup", online, source);
        expect(asked.output).toContain("from the running app");
        const refused = await cli("restore", online, source);
        expect(refused.code).toBe(1);
        expect(refused.output).toMatch(/is using the embedded database: stop it, then restore/);
        const again = { DATA_DIR: path.join(base, "again"), DATABASE_URL: "" };
        expect((await cli("restore", online, again)).code).toBe(0);
        const copy = await createPglite(path.join(again.DATA_DIR, "pglite"));
        expect(await databaseFingerprint(async (sql) => (await copy.query(sql)).rows as never[])).toEqual(before);
        await copy.close();
      } finally {
        holder.stdin.end();
      }
      const notABackup = await cli("restore", path.join(root, "package.json"), restoredDir);
      expect(notABackup.code).toBe(1);
      expect(notABackup.output).toContain("is not an embedded-database backup");
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  }, 180_000);
});

describe.skipIf(process.env.TEST_DB !== "postgres")("backups of PostgreSQL", () => {
  it("round-trip through pg_dump and pg_restore with identical row counts and checksums", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const suffix = crypto.randomBytes(4).toString("hex");
    const databaseUrl = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    const [sourceName, targetName] = [`pl_backup_source_${suffix}`, `pl_backup_target_${suffix}`];
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${sourceName}"`);
    await admin.query(`CREATE DATABASE "${targetName}"`);
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "pl-backup-"));
    try {
      expect((await migrate({ DATABASE_URL: databaseUrl(sourceName) })).code).toBe(0);
      const fingerprintOf = async (name: string) => {
        const client = new pg.Client({ connectionString: databaseUrl(name) });
        await client.connect();
        try {
          return await databaseFingerprint(async (sql) => (await client.query(sql)).rows);
        } finally {
          await client.end();
        }
      };
      const source = new pg.Client({ connectionString: databaseUrl(sourceName) });
      await source.connect();
      await source.query(SEED);
      await source.end();
      const before = await fingerprintOf(sourceName);
      expect(before.find((table) => table.table === "Partner")?.rows).toBe(300);

      const file = path.join(base, "copy.dump");
      const backup = await cli("backup", file, { DATABASE_URL: databaseUrl(sourceName) });
      expect(backup.code, backup.output).toBe(0);
      const restore = await cli("restore", file, { DATABASE_URL: databaseUrl(targetName) });
      expect(restore.code, restore.output).toBe(0);
      expect(await fingerprintOf(targetName)).toEqual(before);
      // The append-only trigger came back with the rows.
      const target = new pg.Client({ connectionString: databaseUrl(targetName) });
      await target.connect();
      await expect(target.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await target.end();
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS "${sourceName}" WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});
