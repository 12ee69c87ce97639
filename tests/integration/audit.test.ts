import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "~/routes/settings.audit";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, getRequest, responseOf } from "../setup/fixtures";

let complianceCookie: string;
let actorId: string;

beforeAll(async () => {
  const compliance = await createTestUser("compliance");
  complianceCookie = await cookieFor(compliance.id);
  actorId = (await createTestUser("admin")).id;
  await db().$transaction(async (tx) => {
    await recordAudit(tx, { actorId, action: "partner.create", entityType: "Partner", entityId: "p1", after: { name: "Léa" } });
    await recordAudit(tx, {
      actorId,
      action: "partner.update",
      entityType: "Partner",
      entityId: "p1",
      before: { name: "Léa" },
      after: { name: "Léa M." },
    });
    await recordAudit(tx, { actorId: null, action: "rates.import", entityType: "ExchangeRate", entityId: "batch-1" });
  });
});

async function list(query: string) {
  const response = await responseOf(() => auditRoute.loader(args(getRequest(`/settings/audit${query}`, { cookie: complianceCookie }))));
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

describe("the audit trail", () => {
  it("refuses UPDATE and DELETE at the database level", async () => {
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count({ where: { action: "tampered" } })).toBe(0);
  });

  it("commits with the change it records, or not at all", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await tx.user.create({ data: { email: "ghost@example.com", name: "Ghost" } });
        // An audit event that cannot be written (unknown actor) must take the change down with it.
        await recordAudit(tx, { actorId: "no-such-user", action: "user.create", entityType: "User", entityId: "ghost" });
      }),
    ).rejects.toThrow();
    expect(await db().user.count({ where: { email: "ghost@example.com" } })).toBe(0);
  });

  it("filters by entity, id, actor and date", async () => {
    expect((await list("?entityType=Partner")).body.total).toBe(2);
    expect((await list("?entityType=Partner&entityId=p1")).body.events[0].action).toBe("partner.update");
    expect((await list(`?actorId=${actorId}&entityType=ExchangeRate`)).body.total).toBe(0);
    expect((await list("?entityType=ExchangeRate")).body.events[0].actor).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    expect((await list(`?entityType=Partner&from=${today}&to=${today}`)).body.total).toBe(2);
    expect((await list("?entityType=Partner&to=2000-01-01")).body.total).toBe(0);
  });

  it("lists the entity types for the filter", async () => {
    const { body } = await list("");
    expect(body.options.entityTypes).toEqual(expect.arrayContaining(["ExchangeRate", "Partner", "Session"]));
  });

  it("answers 400 for a malformed date", async () => {
    expect((await list("?from=yesterday")).status).toBe(400);
  });
});
