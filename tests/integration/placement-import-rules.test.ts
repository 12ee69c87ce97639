import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "~/shared/csv";
import { planPlacementImport } from "~/features/spend/spend-import";
import { importPlacements } from "~/features/spend/spend-import.server";
import { db } from "~/utils/db.server";

const header = "partner,campaign,title,fee,currency,status,agreed_on,due_on,paid_amount,paid_on,invoice_ref";
const rows = (...lines: string[]) => planPlacementImport(parseCsv([header, ...lines].join("\n")));
const byTitle = (title: string) => db().placement.findFirst({ where: { title }, include: { approvals: true, payments: true } });

let cm: { id: string };
let marketing: { id: string };

beforeAll(async () => {
  await db().partner.create({ data: { name: "Alice Blog", kind: "blogger", externalId: "A-1", stage: "active" } });
  cm = await db().user.create({ data: { email: "cm@example.test", name: "CM", role: "manager" } });
  marketing = await db().user.create({ data: { email: "mk@example.test", name: "MK", role: "marketing" } });
});

describe("the placement import follows the app's spend rules", () => {
  it("refuses a committed placement from someone who may not approve spend, and writes nothing", async () => {
    const result = await importPlacements(
      { id: cm.id, mayApprove: false },
      rows("A-1,,Huge deal,250000,EUR,approved,2026-04-01,,,,", "A-1,,Paid deal,100,EUR,paid,2026-04-01,,100,2026-04-02,F-9"),
    );
    expect(result.errors.map((e) => [e.line, e.column, e.messageKey])).toEqual([
      [2, "status", "import.placementNeedsApprover"],
      [3, "status", "import.placementNeedsApprover"],
    ]);
    expect(await byTitle("Huge deal")).toBeNull();
    expect(await byTitle("Paid deal")).toBeNull();
    expect(await db().payment.count()).toBe(0);
  });

  it("records a committed placement as approved by the importer who may approve, never as their own proposal", async () => {
    expect(
      await importPlacements({ id: marketing.id, mayApprove: true }, rows("A-1,,Reel,1500,EUR,contracted,2026-04-01,,,,")),
    ).toMatchObject({ created: 1, rejected: 0 });
    const placement = await byTitle("Reel");
    expect(placement?.status).toBe("contracted");
    expect(placement?.proposedById).toBeNull();
    expect(placement?.approvals.map((a) => a.approverId)).toEqual([marketing.id]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "placement.import", entityId: placement!.id } });
    expect(audit.after).toMatchObject({ approvedBy: marketing.id });
  });

  it("needs two approvers above the single-approval limit, as the app does", async () => {
    await db().workspaceSettings.upsert({
      where: { id: 1 },
      update: { singleApprovalLimitMinor: 100_000 },
      create: { id: 1, singleApprovalLimitMinor: 100_000 },
    });
    const result = await importPlacements(
      { id: marketing.id, mayApprove: true },
      rows("A-1,,Big reel,5000,EUR,approved,2026-04-01,,,,", "A-1,,Small reel,500,EUR,approved,2026-04-01,,,,"),
    );
    expect(result.errors.map((e) => [e.line, e.messageKey])).toEqual([[2, "import.placementNeedsTwoApprovals"]]);
    expect(await byTitle("Big reel")).toBeNull();
    expect((await byTitle("Small reel"))?.status).toBe("approved");
    await db().workspaceSettings.update({ where: { id: 1 }, data: { singleApprovalLimitMinor: null } });
  });

  it("refuses 'paid' without the fee paid, and a payment to a placement that is only proposed", async () => {
    const result = await importPlacements(
      { id: marketing.id, mayApprove: true },
      rows("A-1,,Story,300,EUR,proposed,2026-04-01,,,,", "A-1,,Post,200,EUR,paid,2026-04-01,,150,2026-04-02,F-1"),
    );
    expect(result.errors.map((e) => [e.line, e.messageKey])).toEqual([[3, "placements.notPaidInFull"]]);
    expect(await byTitle("Post")).toBeNull();
    // A later file pays the proposed placement: refused as the payment form refuses it.
    const later = rows("A-1,,Story,300,EUR,proposed,2026-04-01,,100,2026-04-05,F-2");
    expect(later.errors.map((e) => e.messageKey)).toEqual(["placements.notPayable"]);
    expect((await byTitle("Story"))?.payments).toEqual([]);
  });

  it("marks a delivered placement paid when a later file pays the rest, like the payment form", async () => {
    const actor = { id: marketing.id, mayApprove: true };
    await importPlacements(actor, rows("A-1,,Video,1000,EUR,delivered,2026-04-01,,400,2026-04-10,F-1"));
    expect((await byTitle("Video"))?.status).toBe("delivered");
    expect(await importPlacements(actor, rows("A-1,,Video,1000,EUR,delivered,2026-04-01,,600,2026-04-20,F-2"))).toMatchObject({
      created: 1,
      rejected: 0,
    });
    const video = await byTitle("Video");
    expect(video?.status).toBe("paid");
    expect(video?.payments.map((p) => p.amountMinor).sort()).toEqual([40_000, 60_000]);
    expect(await db().auditEvent.count({ where: { action: "placement.paid", entityId: video!.id } })).toBe(1);
    // Paying more than the fee in a third file is refused, as the payment form refuses it.
    const third = await importPlacements(actor, rows("A-1,,Video,1000,EUR,delivered,2026-04-01,,1,2026-04-21,F-3"));
    expect(third.errors.map((e) => e.messageKey)).toEqual(["placements.overpayment"]);
  });
});
