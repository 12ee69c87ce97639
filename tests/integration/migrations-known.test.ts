import { describe, expect, it } from "vitest";
import { migrationsUnknownToThisApp } from "~/utils/migrations.server";
import { db } from "~/utils/db.server";
import { migrationNames } from "../../prisma/migration-names";

describe("a database migrated by a newer version of the app", () => {
  it("is recognised by the migrations this version does not know", async () => {
    // The table as `prisma migrate` creates it (the test database is built from the scripts directly).
    await db().$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL,
      logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const known = migrationNames();
    const add = (name: string, finished: boolean, rolledBack = false) =>
      db()
        .$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, rolled_back_at) VALUES (${crypto.randomUUID()}, 'x', ${name}, ${finished ? new Date() : null}, ${rolledBack ? new Date() : null})`;
    for (const name of known) await add(name, true);
    expect(await migrationsUnknownToThisApp(known)).toEqual([]);
    await add("29991231000000_from_the_future", true);
    await add("29991231000001_failed_halfway", false);
    await add("29991231000002_rolled_back", true, true);
    expect(await migrationsUnknownToThisApp(known)).toEqual(["29991231000000_from_the_future"]);
  });
});
