import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ConfigError, type Env } from "./env.server";

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; schema?: string };

export function databaseTarget(env: Pick<Env, "DATABASE_URL" | "dataDir">): DatabaseTarget {
  if (!env.DATABASE_URL) return { kind: "pglite", dataDir: path.join(env.dataDir, "pglite") };
  const schema = new URL(env.DATABASE_URL).searchParams.get("schema") ?? undefined;
  return { kind: "postgres", url: env.DATABASE_URL, schema };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

export interface OpenDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Present for PGlite: the in-process database, shared by the migration engine and the client. */
  pglite?: PGlite;
  /** Present for PostgreSQL: how other clients of the same database connect (the job queue). */
  postgres?: { connectionString: string; schema?: string };
  /**
   * Runs a multi-statement SQL script as the driver's own simple query. The adapters' versions
   * split on ";" (breaking dollar-quoted function bodies) or drop errors, so migrations use this.
   */
  runScript(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every PGlite the project opens (the app's, tests', and the migration engine's scratch and
 * shadow databases) loads the same extensions, so the migrations replay the same everywhere.
 * No dataDir means in memory.
 */
export function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: { pg_trgm } });
}

/** A new embedded database at `dataDir` (in memory without one), made from a dumpDataDir tar. */
export function createPgliteFrom(dataDir: string | undefined, backup: Blob): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: backup });
}

export function pgliteDatabase(pglite: PGlite, onClose: () => void = () => {}): OpenDatabase {
  return {
    factory: new PrismaPGlite(pglite),
    pglite,
    runScript: async (sql) => {
      await pglite.exec(sql);
    },
    close: async () => {
      await pglite.close();
      onClose();
    },
  };
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second process writing the same directory would corrupt
 * it. A lock file turns that mistake into a clear message.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new ConfigError(
        `The embedded database in ${dataDir} is in use by process ${holder} (is the app running?). Stop it first, or use PostgreSQL (DATABASE_URL) to run several processes.`,
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

/** Below this much free space, PGlite's failures ("Aborted()") mean the disk is full. */
export const LOW_DISK_BYTES = 64 * 1024 * 1024;

export function freeDiskBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Plain words for a full disk, or null when there is room. */
export function diskFullMessage(dir: string, low = LOW_DISK_BYTES): string | null {
  const free = freeDiskBytes(dir);
  if (free === null || free >= low) return null;
  return `The disk holding ${dir} is full (${(free / 1024 / 1024).toFixed(1)} MB free): free some space, then start the app again. No saved data was lost.`;
}

export function postgresScriptRunner(config: pg.ClientConfig) {
  return async (sql: string) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
}

/** How the app connects to PostgreSQL; the benchmark times raw SQL with the same session settings. */
export function pgPoolConfig(target: Extract<DatabaseTarget, { kind: "postgres" }>): pg.PoolConfig {
  const url = new URL(target.url);
  url.searchParams.delete("schema");
  return {
    connectionString: url.toString(),
    connectionTimeoutMillis: 5_000,
    options: [
      // "public" stays on the path for the extensions installed there (pg_trgm).
      ...(target.schema ? [`-c search_path="${target.schema}",public`] : []),
      // A page runs its statements side by side on several connections; parallel workers
      // on top of that cost more to start than they save (the ranking ran 30 % slower).
      "-c max_parallel_workers_per_gather=0",
    ].join(" "),
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === "pglite") {
    fs.mkdirSync(target.dataDir, { recursive: true });
    const unlock = lockDataDir(target.dataDir);
    let pglite: PGlite;
    try {
      pglite = await createPglite(target.dataDir);
    } catch (error) {
      unlock();
      const full = diskFullMessage(target.dataDir);
      throw new ConfigError(full ?? `Cannot open the embedded database in ${target.dataDir}: ${errorMessage(error)}`);
    }
    return pgliteDatabase(pglite, unlock);
  }
  await assertPostgresReachable(target);
  const config = pgPoolConfig(target);
  const factory = new PrismaPg(config, target.schema ? { schema: target.schema } : undefined);
  return {
    factory,
    runScript: postgresScriptRunner(config),
    postgres: { connectionString: config.connectionString!, schema: target.schema },
    close: async () => {},
  };
}

/** Fails fast with one readable line when PostgreSQL is down, unknown or refuses the login. */
export async function assertPostgresReachable(target: Extract<DatabaseTarget, { kind: "postgres" }>) {
  const client = new pg.Client(pgPoolConfig(target));
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new ConfigError(`Cannot reach the database (${describeTarget(target)}): ${errorMessage(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || code || error.name;
  }
  return String(error);
}
