import { freeDiskBytes, LOW_DISK_BYTES } from "~/utils/db-connection.server";
import { db } from "~/utils/db.server";
import { remember } from "~/utils/remember.server";
import { migrationState } from "./migrations.server";

interface ProcessFacts {
  knownMigrations: readonly string[];
  /** The embedded database's directory; null on PostgreSQL, whose disk is the server's business. */
  dataDir: string | null;
}

/** Set once by the server at start-up, read by /healthz (the Remix build is another module graph). */
export function recordProcessFacts(facts: ProcessFacts) {
  Object.assign(
    remember<ProcessFacts>("processFacts", () => ({ knownMigrations: [], dataDir: null })),
    facts,
  );
}

export interface Health {
  ok: boolean;
  database: "ok" | "unavailable";
  writable: boolean;
  migrations: { unknown: string[]; pending: string[] } | null;
  disk: { freeBytes: number; low: boolean } | null;
}

/** Whether this process can serve: the database answers, accepts a write, and matches the app's migrations. */
export async function checkHealth(): Promise<Health> {
  const facts = remember<ProcessFacts>("processFacts", () => ({ knownMigrations: [], dataDir: null }));
  const free = facts.dataDir ? freeDiskBytes(facts.dataDir) : null;
  const disk = free === null ? null : { freeBytes: free, low: free < LOW_DISK_BYTES };
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return { ok: false, database: "unavailable", writable: false, migrations: null, disk };
  }
  let writable = true;
  try {
    await db()
      .$executeRaw`INSERT INTO "HealthProbe" ("id", "checkedAt") VALUES (1, now()) ON CONFLICT ("id") DO UPDATE SET "checkedAt" = now()`;
  } catch {
    writable = false;
  }
  let migrations: Health["migrations"] = null;
  if (facts.knownMigrations.length) {
    migrations = await migrationState(facts.knownMigrations);
  }
  const ok = writable && !disk?.low && (!migrations || (migrations.unknown.length === 0 && migrations.pending.length === 0));
  return { ok, database: "ok", writable, migrations, disk };
}
