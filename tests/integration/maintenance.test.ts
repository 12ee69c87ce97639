import { describe, expect, it } from "vitest";
import { vacuumEmbeddedDatabase } from "~/utils/maintenance.server";
import { db } from "~/utils/db.server";

const tableBytes = async () =>
  Number((await db().$queryRaw<{ bytes: bigint }[]>`SELECT pg_relation_size('"LoginAttempt"') AS bytes`)[0].bytes);

describe("database maintenance", () => {
  it("vacuum gives back the space of rows that are gone", async () => {
    await db().loginAttempt.createMany({
      data: Array.from({ length: 20_000 }, (_, i) => ({ email: `someone-${i}@example.test`, ipAddress: "10.1.2.3", succeeded: false })),
    });
    const full = await tableBytes();
    // As a killed import leaves them: rows written and then gone.
    await db().loginAttempt.deleteMany({});
    expect(await tableBytes()).toBe(full);
    await vacuumEmbeddedDatabase();
    expect(await tableBytes()).toBeLessThan(full / 4);
  });
});
