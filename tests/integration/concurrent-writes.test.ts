/**
 * Writes that race: on PostgreSQL the transactions really run side by side (the embedded database
 * runs one at a time, where these pass trivially).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "~/shared/csv";
import { planPlacementImport } from "~/features/spend/spend-import";
import { assertMayReceive } from "~/features/spend/gift.server";
import { logInteraction } from "~/features/outreach/outreach.server";
import { recordPayment } from "~/features/spend/placement.server";
import { importPlacements } from "~/features/spend/spend-import.server";
import { bulkUpdatePartners } from "~/features/partners/partner-list.server";
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

  it("a payment from the form and one from an import, racing for the same outstanding amount, never overpay", async () => {
    const header = "partner,campaign,title,fee,currency,status,agreed_on,due_on,paid_amount,paid_on,invoice_ref";
    const importer = { id: actorId, mayApprove: true };
    for (let round = 0; round < 8; round++) {
      await db().partner.create({ data: { name: `Payee ${round}`, kind: "blogger", stage: "active", externalId: `PAY-${round}` } });
      const line = (paid: string, invoice: string) =>
        `PAY-${round},,Race video ${round},100,EUR,delivered,2026-04-01,,${paid},2026-04-10,${invoice}`;
      await importPlacements(importer, planPlacementImport(parseCsv([header, line("40", `F-${round}-1`)].join("\n"))));
      const placement = await db().placement.findFirstOrThrow({ where: { title: `Race video ${round}` } });
      const outcomes = await Promise.allSettled([
        recordPayment(actorId, placement.id, { amount: "60", paidOn: "2026-04-11", invoiceRef: `FORM-${round}` }),
        importPlacements(importer, planPlacementImport(parseCsv([header, line("60", `F-${round}-2`)].join("\n")))),
      ]);
      const payments = await db().payment.findMany({ where: { placementId: placement.id } });
      const paid = payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
      expect(paid, `round ${round}`).toBe(10_000);
      expect(
        outcomes[0].status === "fulfilled" || (outcomes[1].status === "fulfilled" && outcomes[1].value.created === 1),
        `round ${round}`,
      ).toBe(true);
    }
  });

  it("an outgoing message and a do-not-contact stop never both commit with the message after the stop", async () => {
    for (let round = 0; round < 10; round++) {
      const partner = await db().partner.create({ data: { name: `Talk ${round}`, kind: "blogger", stage: "active" } });
      await Promise.allSettled([
        logInteraction(actorId, partner.id, { type: "email", direction: "outbound", body: "One more offer" }),
        bulkUpdatePartners(actorId, { operation: "stage", ids: [partner.id], stage: "do_not_contact" }),
      ]);
      const message = await db().interaction.findFirst({ where: { partnerId: partner.id } });
      const stop = await db().auditEvent.findFirstOrThrow({ where: { entityId: partner.id, action: "partner.bulkUpdate" } });
      if (message) expect(message.createdAt.getTime(), `round ${round}`).toBeLessThanOrEqual(stop.createdAt.getTime());
    }
  });
});
