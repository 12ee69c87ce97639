import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

const MIGRATE_LOCK = 72707369;
const root = path.resolve(import.meta.dirname, "../..");

/** Starts a process that migrates as the server does and then stays up; resolves once it has migrated. */
function migrateAndStay(databaseUrl: string) {
  const child = spawn(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "tests/integration/helpers/migrate-and-stay.ts"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const ready = new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /ready (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { ready, stop: () => child.stdin.end() };
}

/** A fresh, empty schema on the test server, dropped after `run`. */
async function withFreshSchema(run: (databaseUrl: string, admin: pg.Client) => Promise<void>) {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `lock_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  try {
    await run(`${url}${url.includes("?") ? "&" : "?"}schema=${schema}`, admin);
  } finally {
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  }
}

describe.skipIf(process.env.TEST_DB !== "postgres")("start-up migrations on PostgreSQL", () => {
  it(
    "leave no migration lock held by a running process, so a second one starting beside it does not time out",
    () =>
      withFreshSchema(async (databaseUrl, admin) => {
        const first = migrateAndStay(databaseUrl);
        try {
          expect(await first.ready).toBeGreaterThan(5);
          const held = await admin.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1", [
            MIGRATE_LOCK,
          ]);
          expect(held.rows[0].n).toBe(0);
          const second = migrateAndStay(databaseUrl);
          const started = Date.now();
          expect(await second.ready).toBe(0);
          expect(Date.now() - started).toBeLessThan(8_000);
          second.stop();
        } finally {
          first.stop();
        }
      }),
    120_000,
  );

  it(
    "lets three processes started at once on a fresh database all come up, one of them migrating",
    () =>
      withFreshSchema(async (databaseUrl) => {
        const processes = [migrateAndStay(databaseUrl), migrateAndStay(databaseUrl), migrateAndStay(databaseUrl)];
        try {
          const applied = await Promise.all(processes.map((process) => process.ready));
          // One applied every migration; the others waited for it and found nothing left to do.
          expect(applied.filter((count) => count > 0)).toHaveLength(1);
          expect(applied.filter((count) => count === 0)).toHaveLength(2);
        } finally {
          processes.forEach((process) => process.stop());
        }
      }),
    120_000,
  );
});
