/**
 * Writes that race: on PostgreSQL the transactions really run side by side (the embedded database
 * runs one at a time, where these pass trivially).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { assertMayReceive } from "~/models/gift.server";
import { bulkUpdatePartners } from "~/models/partner.server";
import { db } from "~/utils/db.server";
import { createTestUser } from "../setup/fixtures";

let actorId: string;

beforeAll(async () => {
  actorId = (await createTestUser("manager")).id;
});

describe("concurrent writes", () => {
  it("two bulk tag changes at once keep both tags on every partner", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await db().partner.create({ data: { name: `Race ${i}`, kind: "blogger" } })).id);
    const versionBefore = (await db().partner.findUniqueOrThrow({ where: { id: ids[0] } })).version;
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        bulkUpdatePartners(actorId, { operation: "tag", ids, tag: `left-${round}` }),
        bulkUpdatePartners(actorId, { operation: "tag", ids: [...ids].reverse(), tag: `right-${round}` }),
      ]);
    }
    const partners = await db().partner.findMany({ where: { id: { in: ids } } });
    for (const partner of partners) {
      expect(partner.tags.sort(), partner.name).toEqual([0, 1, 2, 3, 4].flatMap((r) => [`left-${r}`, `right-${r}`]).sort());
      expect(partner.version, partner.name).toBe(versionBefore + 10);
    }
  });

  it("setting do-not-contact waits for a gift being written to that partner, so none lands after the stop", async () => {
    const partner = await db().partner.create({ data: { name: "Stop", kind: "blogger", stage: "active" } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let checked!: () => void;
    const hasChecked = new Promise<void>((resolve) => (checked = resolve));
    // A gift's transaction that has passed the do-not-contact check and has not committed yet.
    const gift = db().$transaction(async (tx) => {
      await assertMayReceive(tx, [partner.id]);
      checked();
      await gate;
      await tx.interaction.create({
        data: { partnerId: partner.id, type: "note", body: "gift written", authorId: actorId, occurredAt: new Date() },
      });
    });
    await hasChecked;
    let stopped = false;
    const stop = bulkUpdatePartners(actorId, { operation: "stage", ids: [partner.id], stage: "do_not_contact" }).then(
      () => (stopped = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stopped).toBe(false);
    release();
    await gift;
    await stop;
    expect((await db().partner.findUniqueOrThrow({ where: { id: partner.id } })).stage).toBe("do_not_contact");
    // And after the stop, the check refuses.
    await expect(db().$transaction((tx) => assertMayReceive(tx, [partner.id]))).rejects.toMatchObject({
      messageKey: "spend.doNotContactNamed",
    });
  });
});
