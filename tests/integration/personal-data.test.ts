import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import * as coverageNewRoute from "~/routes/coverage.new";
import * as draftRoute from "~/routes/drafts.$draftId";
import * as eraseRoute from "~/routes/partners.$partnerId_.erase";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as exportRoute from "~/routes/partners.$partnerId_.personal-data";
import * as editRoute from "~/routes/partners.$partnerId_.edit";
import * as newRoute from "~/routes/partners.new";
import * as privacyRoute from "~/routes/settings.privacy";
import { listAuditEvents } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

type Actor = { id: string; cookie: string };
let admin: Actor, cm: Actor, reviewer: Actor, compliance: Actor, viewer: Actor;

async function actor(role: "admin" | "manager" | "marketing" | "compliance" | "viewer") {
  const user = await createTestUser(role);
  return { id: user.id, cookie: await cookieFor(user.id) };
}

beforeAll(async () => {
  [admin, cm, reviewer, compliance, viewer] = [
    await actor("admin"),
    await actor("manager"),
    await actor("marketing"),
    await actor("compliance"),
    await actor("viewer"),
  ];
});

/** A word that appears only in this person's data, so a scan of the whole database can look for it. */
const MARK = "Zorbalinska";

/** Every text column of every table, as JSON text, searched for the mark. */
async function tablesHolding(mark: string): Promise<string[]> {
  const tables = await db().$queryRaw<
    { name: string }[]
  >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const holding: string[] = [];
  for (const { name } of tables) {
    const [{ n }] = await db().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${name}" t WHERE to_jsonb(t)::text ILIKE $1`,
      `%${mark}%`,
    );
    if (n > 0n) holding.push(name);
  }
  return holding;
}

const onPage = (partnerId: string, fields: Record<string, string>, cookie = cm.cookie) =>
  responseOf(() =>
    pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=${fields.intent}`, fields, { cookie }), { partnerId })),
  );

async function personWithHistory() {
  const created = await responseOf(() =>
    newRoute.action(
      args(
        formRequest(
          "/partners/new",
          {
            name: `Léa ${MARK}`,
            kind: "blogger",
            stage: "active",
            email: `lea.${MARK.toLowerCase()}@example.com`,
            website: `${MARK.toLowerCase()}.example.fr`,
            notes: `Met ${MARK} at the salon`,
            riskNotes: "",
            country: "FR",
            language: "fr",
            ownerId: "",
            tags: "beauty",
            lawfulBasis: "consent",
            dataSource: `Business card from ${MARK}`,
          },
          { cookie: cm.cookie },
        ),
      ),
    ),
  );
  expect(created.status).toBe(302);
  const partnerId = created.headers.get("Location")!.split("/").pop()!;
  const partner = await db().partner.findUniqueOrThrow({ where: { id: partnerId } });
  expect(partner).toMatchObject({ lawfulBasis: "consent", dataSource: `Business card from ${MARK}` });
  const edit = await responseOf(() =>
    editRoute.action(
      args(
        formRequest(
          `/partners/${partnerId}/edit`,
          {
            name: `Léa ${MARK}-Durand`,
            kind: "blogger",
            stage: "active",
            email: partner.email!,
            version: String(partner.version),
            notes: `Still ${MARK}`,
          },
          { cookie: cm.cookie },
        ),
        { partnerId },
      ),
    ),
  );
  expect(edit.status).toBe(302);
  expect(
    (await onPage(partnerId, { intent: "addChannel", platform: "instagram", handle: `@${MARK}`, url: `https://instagram.com/${MARK}` }))
      .status,
  ).toBe(302);
  expect(
    (
      await onPage(partnerId, {
        intent: "log",
        formId: "log",
        type: "email",
        direction: "inbound",
        subject: `From ${MARK}`,
        body: `Hello, ${MARK} here`,
      })
    ).status,
  ).toBe(302);
  expect(
    (
      await onPage(partnerId, {
        intent: "createDraft",
        formId: "d",
        kind: "message",
        channel: "email",
        subject: `To ${MARK}`,
        body: `Dear ${MARK}`,
      })
    ).status,
  ).toBe(302);
  const draft = await db().draft.findFirstOrThrow({ where: { partnerId } });
  const onDraft = (fields: Record<string, string>, who: Actor) =>
    responseOf(() => draftRoute.action(args(formRequest(`/drafts/${draft.id}`, fields, { cookie: who.cookie }), { draftId: draft.id })));
  expect(
    (await onDraft({ intent: "edit", kind: "message", channel: "email", subject: `To ${MARK}`, body: `Dear ${MARK}, again` }, cm)).status,
  ).toBe(302);
  expect((await onDraft({ intent: "submit" }, cm)).status).toBe(302);
  expect((await onDraft({ intent: "review", decision: "request_changes", comment: `Say ${MARK}'s first name` }, reviewer)).status).toBe(
    302,
  );
  expect(
    (await onPage(partnerId, { intent: "addTask", formId: "t", title: `Call ${MARK}`, dueOn: "2026-12-15", assigneeId: cm.id })).status,
  ).toBe(302);
  const gift = await db().gift.create({
    data: {
      partnerId,
      itemName: "Sérum",
      quantity: 1,
      unitCostMinor: 2500,
      currency: "EUR",
      status: "shipped",
      shippedOn: new Date("2026-03-01"),
    },
  });
  const coverage = await responseOf(() =>
    coverageNewRoute.action(
      args(
        formRequest(
          "/coverage/new",
          {
            partnerId,
            url: `https://instagram.com/p/${MARK}`,
            platform: "instagram",
            publishedOn: "2026-03-10",
            text: `${MARK} loves this serum #ad`,
            giftIds: gift.id,
            paidOverride: "auto",
            giftedOverride: "auto",
            affiliateOverride: "auto",
          },
          { cookie: cm.cookie },
        ),
      ),
    ),
  );
  expect(coverage.status).toBe(302);
  return { partnerId, giftId: gift.id };
}

describe("personal data", () => {
  it("seals it in the audit trail, exports it whole, and erases it everywhere while the money and compliance records stay", async () => {
    const { partnerId, giftId } = await personWithHistory();
    // The audit trail never holds the person's data in the clear, only sealed with their key.
    expect(
      await db().auditEvent.count({ where: { OR: [{ entityId: partnerId }, { after: { path: ["partnerId"], equals: partnerId } }] } }),
    ).toBeGreaterThan(3);
    expect((await tablesHolding(MARK)).sort()).toEqual([
      "Channel",
      "CoverageItem",
      "Draft",
      "DraftEvent",
      "Interaction",
      "Partner",
      "Task",
    ]);
    // People allowed to read the trail read it opened.
    const history = await listAuditEvents({ entityType: "Partner", entityId: partnerId, page: 1 });
    expect(JSON.stringify(history.events)).toContain(`Léa ${MARK}-Durand`);

    // Access: compliance downloads a ZIP with everything, audit entries included.
    const download = await responseOf(() =>
      exportRoute.action(args(formRequest(`/partners/${partnerId}/personal-data`, {}, { cookie: compliance.cookie }), { partnerId })),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/zip");
    expect(download.headers.get("Cache-Control")).toBe("no-store");
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      "README.txt",
      "audit.json",
      "coverage.csv",
      "coverage.json",
      "drafts.json",
      "follow-ups.json",
      "gifts.csv",
      "messages.csv",
      "messages.json",
      "partner.json",
      "placements.csv",
      "placements.json",
      "portal.json",
    ]);
    expect(JSON.parse(strFromU8(files["partner.json"]))).toMatchObject({
      name: `Léa ${MARK}-Durand`,
      lawfulBasis: "consent",
      channels: [{ handle: `@${MARK}` }],
    });
    expect(strFromU8(files["messages.csv"])).toContain(`Hello, ${MARK} here`);
    expect(strFromU8(files["gifts.csv"])).toContain(giftId);
    const audit = JSON.parse(strFromU8(files["audit.json"])) as { action: string; after: unknown }[];
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(
        [
          "partner.create",
          "partner.update",
          "channel.create",
          "interaction.log",
          "draft.create",
          "draft.edit",
          "draft.changes_requested",
          "task.create",
          "gift.create",
          "coverage.create",
        ].filter((a) => a !== "gift.create"),
      ),
    );
    expect(JSON.stringify(audit)).toContain(`Say ${MARK}'s first name`);
    expect(
      await db().auditEvent.count({ where: { entityId: partnerId, action: "partner.personal_data_export", actorId: compliance.id } }),
    ).toBe(1);

    // Only admins erase; compliance and viewers are refused before anything happens.
    for (const who of [compliance, viewer, cm]) {
      const refused = await responseOf(() =>
        eraseRoute.action(args(formRequest(`/partners/${partnerId}/erase`, {}, { cookie: who.cookie }), { partnerId })),
      );
      expect(refused.status).toBe(403);
    }
    expect(
      (
        await responseOf(() =>
          exportRoute.action(args(formRequest(`/partners/${partnerId}/personal-data`, {}, { cookie: viewer.cookie }), { partnerId })),
        )
      ).status,
    ).toBe(403);
    const costBefore = await db().$queryRaw<
      { cost: unknown }[]
    >`SELECT coalesce(sum("giftsMinor"), 0) AS cost FROM "CostBenefitRollup" WHERE "partnerId" = ${partnerId}`;

    const erased = await responseOf(() =>
      eraseRoute.action(args(formRequest(`/partners/${partnerId}/erase`, {}, { cookie: admin.cookie }), { partnerId })),
    );
    expect(erased.status).toBe(302);
    expect(await tablesHolding(MARK)).toEqual([]);
    const partner = await db().partner.findUniqueOrThrow({ where: { id: partnerId } });
    expect(partner).toMatchObject({ email: null, website: null, notes: null, dataSource: null, tags: [] });
    expect(partner.erasedAt).not.toBeNull();
    expect(partner.name).toBe(`#${partnerId.slice(-8)}`);
    // What the law obliges the brand to keep is still there, under the pseudonymous id.
    expect(await db().gift.count({ where: { partnerId } })).toBe(1);
    expect(await db().interaction.count({ where: { partnerId } })).toBe(1);
    const checks = await db().disclosureCheck.findMany({ where: { partnerId }, select: { verdict: true, jurisdiction: true } });
    expect(checks.length).toBeGreaterThan(0);
    const costAfter = await db().$queryRaw<
      { cost: unknown }[]
    >`SELECT coalesce(sum("giftsMinor"), 0) AS cost FROM "CostBenefitRollup" WHERE "partnerId" = ${partnerId}`;
    expect(costAfter).toEqual(costBefore);
    // The audit rows are untouched (append-only), but their personal fields now read as erased.
    const after = await listAuditEvents({ entityType: "Partner", entityId: partnerId, page: 1 });
    const created = after.events.find((event) => event.action === "partner.create")!;
    expect((created.after as Record<string, unknown>).name).toEqual({ $erased: true });
    expect((created.after as Record<string, unknown>).stage).toBe("active");
    expect(after.events[0]).toMatchObject({
      action: "partner.erase",
      after: { partners: 1, channels: 1, messages: 1, drafts: 1, followUps: 1, coverage: 1 },
    });

    const again = await responseOf(() =>
      eraseRoute.action(args(formRequest(`/partners/${partnerId}/erase`, {}, { cookie: admin.cookie }), { partnerId })),
    );
    expect(again.status).toBe(302);
    expect(await db().auditEvent.count({ where: { entityId: partnerId, action: "partner.erase" } })).toBe(1);
  });

  it("refuses to erase an unknown partner with 404", async () => {
    const response = await responseOf(() =>
      eraseRoute.action(args(formRequest("/partners/nobody/erase", {}, { cookie: admin.cookie }), { partnerId: "nobody" })),
    );
    expect(response.status).toBe(404);
  });

  it("lists prospects with no activity past the retention period, and only for admins and compliance", async () => {
    await db().workspaceSettings.update({ where: { id: 1 }, data: { prospectRetentionMonths: 6 } });
    const old = new Date(Date.now() - 400 * 86_400_000);
    const stale = await db().partner.create({ data: { name: "Stale Prospect", kind: "blogger", stage: "prospect", updatedAt: old } });
    const talking = await db().partner.create({ data: { name: "Recently Emailed", kind: "blogger", stage: "prospect", updatedAt: old } });
    await db().interaction.create({
      data: { partnerId: talking.id, type: "email", direction: "inbound", body: "hi", occurredAt: new Date(), authorId: cm.id },
    });
    await db().$executeRaw`UPDATE "Partner" SET "updatedAt" = ${old} WHERE "id" IN (${stale.id}, ${talking.id})`;
    const active = await db().partner.create({ data: { name: "Old Active", kind: "blogger", stage: "active" } });
    await db().$executeRaw`UPDATE "Partner" SET "updatedAt" = ${old} WHERE "id" = ${active.id}`;

    const page = await (
      await responseOf(() => privacyRoute.loader(args(getRequest("/settings/privacy", { cookie: compliance.cookie }))))
    ).json();
    const names = page.rows.map((row: { name: string }) => row.name);
    expect(names).toContain("Stale Prospect");
    expect(names).not.toContain("Recently Emailed");
    expect(names).not.toContain("Old Active");
    expect(page.months).toBe(6);
    expect((await responseOf(() => privacyRoute.loader(args(getRequest("/settings/privacy", { cookie: cm.cookie }))))).status).toBe(403);
  });

  it("takes the lawful basis and source from an import through the partner form's rules", async () => {
    const { planPartnerImport } = await import("~/features/partners/partner-import");
    const { parseCsv } = await import("~/shared/csv");
    const plan = planPartnerImport(parseCsv("name,lawful_basis,data_source\nAna,Legitimate interests,Trade show\nBen,gut feeling,\n"));
    expect(plan.partners[0].partner).toMatchObject({ name: "Ana", lawfulBasis: "legitimate_interests", dataSource: "Trade show" });
    expect(plan.errors).toEqual([{ line: 3, column: "lawful_basis", messageKey: "import.unknownLawfulBasis", value: "gut feeling" }]);
  });
});
