import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import * as healthRoute from "~/routes/healthz";
import { recordProcessFacts } from "~/utils/health.server";
import { diskFullMessage } from "~/utils/db-connection.server";
import { db } from "~/utils/db.server";

const health = async () => {
  const response = await healthRoute.loader();
  return { status: response.status, body: await response.json() };
};

afterEach(() => recordProcessFacts({ knownMigrations: [], dataDir: null }));

describe("/healthz", () => {
  it("says 200 when the database answers and accepts a write", async () => {
    expect(await health()).toEqual({
      status: 200,
      body: { status: "ok", database: "ok", writable: true, migrations: "unknown", disk: "not checked" },
    });
    expect(await db().healthProbe.count()).toBe(1);
  });

  it("says 503 when the database refuses writes, as on a full disk", async () => {
    await db().$executeRawUnsafe("SET default_transaction_read_only = on");
    try {
      expect(await health()).toMatchObject({ status: 503, body: { status: "degraded", database: "ok", writable: false } });
    } finally {
      await db().$executeRawUnsafe("SET default_transaction_read_only = off");
    }
  });

  it("reports migrations the app expects and the database lacks, and ones it does not know", async () => {
    await db().$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL,
      logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    await db()
      .$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at) VALUES (${crypto.randomUUID()}, 'x', '20260101000000_first', now())`;
    recordProcessFacts({ knownMigrations: ["20260101000000_first"], dataDir: os.tmpdir() });
    expect(await health()).toMatchObject({ status: 200, body: { migrations: "current", disk: "ok" } });
    recordProcessFacts({ knownMigrations: ["20260101000000_first", "20260102000000_second"], dataDir: null });
    expect(await health()).toMatchObject({ status: 503, body: { migrations: "pending" } });
    recordProcessFacts({ knownMigrations: ["20251231000000_older"], dataDir: null });
    expect(await health()).toMatchObject({ status: 503, body: { migrations: "newer than this app" } });
  });

  it("names a full disk in plain words", () => {
    expect(diskFullMessage(os.tmpdir(), Number.MAX_SAFE_INTEGER)).toMatch(
      /^The disk holding .+ is full \(.+ MB free\): free some space, then start the app again\./,
    );
    expect(diskFullMessage(os.tmpdir(), 0)).toBeNull();
  });
});
