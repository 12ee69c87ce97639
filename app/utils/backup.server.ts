/**
 * Backups of either database with its own dump facility: `pg_dump`/`pg_restore` for PostgreSQL,
 * PGlite's dumpDataDir/loadDataDir for the embedded one (taken between two statements, so the copy
 * is what a clean restart would find, never a half-written directory).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { createPgliteFrom } from "./db-connection.server";

/** Writes to a temporary name first, so a backup file that exists is always complete. */
function writeWhole(file: string, bytes: Uint8Array) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(`${file}.partial`, bytes);
  fs.renameSync(`${file}.partial`, file);
}

export async function dumpEmbedded(pglite: PGlite, file: string): Promise<number> {
  const dump = await pglite.dumpDataDir("gzip");
  const bytes = new Uint8Array(await dump.arrayBuffer());
  writeWhole(file, bytes);
  return bytes.byteLength;
}

/**
 * Replaces the embedded database with a backup. The directory it replaces is kept beside it
 * (returned), so a restore can itself be undone.
 */
export async function restoreEmbedded(dataDir: string, file: string): Promise<string | null> {
  const bytes = fs.readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new Error(`${file} is not an embedded-database backup (a .tar.gz made by npm run backup).`);
  const staging = `${dataDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  const restored = await createPgliteFrom(staging, new Blob([bytes]));
  try {
    await restored.query(`SELECT count(*) FROM "_prisma_migrations"`);
  } finally {
    await restored.close();
  }
  let replaced: string | null = null;
  if (fs.existsSync(dataDir)) {
    replaced = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(dataDir, replaced);
  }
  fs.renameSync(staging, dataDir);
  return replaced;
}

/** pg_dump and pg_restore: on the PATH, else the newest Debian PostgreSQL install. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(debian, version, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} was not found: install the PostgreSQL client tools (Debian: postgresql-client).`);
}

/** libpq takes the URL as is, except Prisma's `schema` parameter, which becomes --schema. */
function libpqArgs(url: string): { connection: string; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  return { connection: parsed.toString(), schema };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`)),
    );
  });
}

export async function dumpPostgres(url: string, file: string) {
  const { connection, schema } = libpqArgs(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await run(postgresTool("pg_dump"), [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${file}.partial`,
    ...(schema ? [`--schema=${schema}`] : []),
    `--dbname=${connection}`,
  ]);
  fs.renameSync(`${file}.partial`, file);
}

/** In one transaction: either the whole backup is in place or nothing changed. */
export async function restorePostgres(url: string, file: string) {
  const { connection } = libpqArgs(url);
  await run(postgresTool("pg_restore"), [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${connection}`,
    file,
  ]);
}

export interface TableFingerprint {
  table: string;
  rows: number;
  checksum: string;
}

/**
 * Row count and a checksum of every row of every table, in a stable order: two databases with the
 * same fingerprint hold the same data.
 */
export async function databaseFingerprint(query: <T>(sql: string) => Promise<T[]>): Promise<TableFingerprint[]> {
  const tables = await query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: TableFingerprint[] = [];
  for (const { name } of tables) {
    const [row] = await query<{ rows: string | number | bigint; checksum: string }>(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS checksum FROM "${name.replace(/"/g, '""')}" t`,
    );
    result.push({ table: name, rows: Number(row.rows), checksum: row.checksum });
  }
  return result;
}
