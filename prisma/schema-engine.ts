/**
 * Prisma's schema engine in WebAssembly, so that migrations work without the native engine
 * download. Needs `node --experimental-wasm-modules` (the engine imports its .wasm as a module).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";
import { SchemaEngine, type MigrationList } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPglite, type OpenDatabase } from "../app/utils/db-connection.server";
import { defaultMigrationsDir, migrationNames } from "./migration-names";

const prismaDir = path.dirname(fileURLToPath(import.meta.url));
export const schemaPath = path.join(prismaDir, "schema.prisma");
export { defaultMigrationsDir };
const noFilters = { externalTables: [], externalEnums: [] };

type Result<T> = { ok: true; value: T } | { ok: false; error: { kind: "GenericJs"; id: number; message: string } };

/** The engine calls methods unbound and expects results, not exceptions. */
function returningResults<Args extends unknown[], T>(
  fn: (...args: Args) => Promise<T>,
  errors: Error[],
): (...args: Args) => Promise<Result<T>> {
  return async (...args) => {
    try {
      return { ok: true, value: await fn(...args) };
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      errors.push(error);
      return { ok: false, error: { kind: "GenericJs", id: errors.length - 1, message: error.message } };
    }
  };
}

function wrapTransaction(tx: Transaction, errors: Error[]) {
  return {
    adapterName: tx.adapterName,
    provider: tx.provider,
    options: tx.options,
    queryRaw: returningResults(tx.queryRaw.bind(tx), errors),
    executeRaw: returningResults(tx.executeRaw.bind(tx), errors),
    commit: returningResults(tx.commit.bind(tx), errors),
    rollback: returningResults(tx.rollback.bind(tx), errors),
  };
}

function wrapAdapter(adapter: SqlDriverAdapter, errors: Error[], runScript: (sql: string) => Promise<void>) {
  return {
    adapterName: adapter.adapterName,
    provider: adapter.provider,
    queryRaw: returningResults(adapter.queryRaw.bind(adapter), errors),
    executeRaw: returningResults(adapter.executeRaw.bind(adapter), errors),
    executeScript: returningResults(runScript, errors),
    dispose: returningResults(adapter.dispose.bind(adapter), errors),
    startTransaction: returningResults(
      async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => wrapTransaction(await adapter.startTransaction(...args), errors),
      errors,
    ),
    getConnectionInfo: adapter.getConnectionInfo ? (...args: []) => ({ ok: true, value: adapter.getConnectionInfo!(...args) }) : undefined,
  };
}

/**
 * The shadow database (where diffs replay the migration history) is always a scratch in-memory
 * PGlite: it speaks the same PostgreSQL SQL and needs no CREATE DATABASE right on the server.
 */
async function scratchShadow(errors: Error[]) {
  const pglite = await createPglite();
  const adapter = await new PrismaPGlite(pglite).connect();
  const wrapped = wrapAdapter(adapter, errors, async (sql) => {
    await pglite.exec(sql);
  });
  return {
    ...wrapped,
    dispose: returningResults(async () => {
      await adapter.dispose();
      await pglite.close();
    }, errors),
  };
}

function wrapDatabase(database: Pick<OpenDatabase, "factory" | "runScript" | "pglite">, errors: Error[], connected: SqlDriverAdapter[]) {
  const { factory, runScript } = database;
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: returningResults(async () => {
      const adapter = await factory.connect();
      // PostgreSQL connections of the engine's own: closed by MigrationEngine.close(). The embedded database's is the app's too.
      if (!database.pglite) connected.push(adapter);
      return wrapAdapter(adapter, errors, runScript);
    }, errors),
    connectToShadowDb: returningResults(() => scratchShadow(errors), errors),
  };
}

export function readMigrations(migrationsDir = defaultMigrationsDir): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const directories = migrationNames(migrationsDir);
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

export class MigrationEngine {
  private constructor(
    private readonly engine: SchemaEngine,
    private readonly errors: Error[],
    private readonly schema: { path: string; content: string },
    private readonly connected: SqlDriverAdapter[],
  ) {}

  static async open(database: Pick<OpenDatabase, "factory" | "runScript" | "pglite">, schemaFile = schemaPath) {
    const errors: Error[] = [];
    const connected: SqlDriverAdapter[] = [];
    const schema = { path: schemaFile, content: fs.readFileSync(schemaFile, "utf8") };
    const engine = await SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      () => {},
      wrapDatabase(database, errors, connected),
    );
    return new MigrationEngine(engine, errors, schema, connected);
  }

  /** Applies pending migrations and records them in _prisma_migrations, like `prisma migrate deploy`. */
  async applyPending(migrationsDir = defaultMigrationsDir): Promise<string[]> {
    const output = await this.run(() => this.engine.applyMigrations({ migrationsList: readMigrations(migrationsDir), filters: noFilters }));
    return output.appliedMigrationNames;
  }

  /** SQL that takes the migration history to the schema; empty when they agree. */
  async diffMigrationsToSchema(migrationsDir = defaultMigrationsDir): Promise<string> {
    const result = await this.run(() =>
      this.engine.diff({
        from: { tag: "migrations", ...readMigrations(migrationsDir) },
        to: { tag: "schemaDatamodel", files: [this.schema] },
        script: true,
        exitCode: true,
        filters: noFilters,
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  }

  private async run<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      const cause = this.errors.at(-1);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(cause ? `${message} (${cause.message})` : message);
    }
  }

  free() {
    this.engine.free();
  }

  /**
   * Frees the engine and closes its PostgreSQL connections. The engine takes the migration advisory
   * lock on a session of its own and leaves it to the connection's end: a process that kept that
   * connection idle in its pool held the lock, and a second process starting beside it timed out.
   */
  async close() {
    this.free();
    await Promise.all(this.connected.splice(0).map((adapter) => adapter.dispose().catch(() => {})));
  }
}

export function writeMigration(sql: string, name: string, migrationsDir = defaultMigrationsDir, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "migration.sql");
  fs.writeFileSync(file, sql);
  return file;
}
