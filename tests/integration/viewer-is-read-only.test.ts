import { beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "~/routes/drafts.$draftId";
import * as editRoute from "~/routes/partners.$partnerId_.edit";
import * as linksRoute from "~/routes/partners.$partnerId_.links";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as listRoute from "~/routes/partners._index";
import * as importRoute from "~/routes/partners.import";
import * as newRoute from "~/routes/partners.new";
import { db } from "~/utils/db.server";
import { feedIntents, trackedLinkIntents } from "~/features/attribution";
import { partnerIntentAction, partnerPageIntentRoutes, type PartnerPageIntent } from "~/features/partners";
import { args, cookieFor, createTestUser, formRequest, responseOf } from "../setup/fixtures";

let viewer: string;
let partnerId: string;
let draftId: string;
let channelId: string;
let taskId: string;

beforeAll(async () => {
  const manager = await createTestUser("manager");
  viewer = await cookieFor((await createTestUser("viewer")).id);
  const partner = await db().partner.create({
    data: { name: "Read Only", kind: "blogger", channels: { create: { platform: "blog" } } },
    include: { channels: true },
  });
  partnerId = partner.id;
  channelId = partner.channels[0].id;
  draftId = (await db().draft.create({ data: { partnerId, kind: "message", channel: "email", body: "Hi", authorId: manager.id } })).id;
  taskId = (
    await db().task.create({
      data: { partnerId, title: "Call", dueOn: new Date("2026-12-01"), assigneeId: manager.id, createdById: manager.id },
    })
  ).id;
});

describe("a viewer cannot change anything", () => {
  // Every intent the partner page and its links page know, from the tables the routes run, so an
  // intent added later is covered without anyone remembering to list it here.
  const bodies: Partial<Record<string, Record<string, string>>> = {
    addChannel: { platform: "instagram" },
    measure: { platform: "blog", followers: "1" },
    log: { type: "note", body: "x" },
    createDraft: { kind: "message", channel: "email", body: "x" },
    addTask: { title: "x", dueOn: "2026-12-01", assigneeId: "x" },
    merge: { otherId: "x" },
  };
  const pageIntents = Object.keys(partnerPageIntentRoutes);

  it("covers every intent of the partner page", () => {
    expect(pageIntents).toEqual(expect.arrayContaining(["archive", "log", "createAgreement", "taskReopen", "revokePortalLink"]));
  });

  it.each(pageIntents)("partner page: %s → 403", async (intent) => {
    const body = { ...bodies[intent], channelId, taskId };
    const response = await responseOf(() =>
      pageRoute.action(
        args(formRequest(partnerIntentAction(intent as PartnerPageIntent, partnerId), body, { cookie: viewer }), { partnerId }),
      ),
    );
    expect(response.status).toBe(403);
  });

  it.each([...trackedLinkIntents, ...feedIntents])("links page: %s → 403", async (intent) => {
    const response = await responseOf(() =>
      linksRoute.action(
        args(formRequest(`/partners/${partnerId}/links?intent=${intent}`, { url: "https://example.org/" }, { cookie: viewer }), {
          partnerId,
        }),
      ),
    );
    expect(response.status).toBe(403);
  });

  it.each(["bogus", "Archive", "log "])("an unknown intent %j is a 400, not a write under another name", async (intent) => {
    const manager = await cookieFor((await createTestUser("manager")).id);
    const url = `/partners/${partnerId}?index&intent=${encodeURIComponent(intent)}`;
    const response = await responseOf(() => pageRoute.action(args(formRequest(url, { name: "x" }, { cookie: manager }), { partnerId })));
    expect(response.status).toBe(400);
  });

  it.each(["edit", "submit", "review", "send"])("draft: %s → 403", async (intent) => {
    const response = await responseOf(() =>
      draftRoute.action(
        args(
          formRequest(
            `/drafts/${draftId}`,
            { intent, kind: "message", channel: "email", body: "x", decision: "approve" },
            { cookie: viewer },
          ),
          { draftId },
        ),
      ),
    );
    expect(response.status).toBe(403);
  });

  it("create, edit, import and bulk → 403", async () => {
    const partner = { name: "x", kind: "blogger", stage: "active", version: "1" };
    expect((await responseOf(() => newRoute.action(args(formRequest("/partners/new", partner, { cookie: viewer }))))).status).toBe(403);
    expect(
      (
        await responseOf(() =>
          editRoute.action(args(formRequest(`/partners/${partnerId}/edit`, partner, { cookie: viewer }), { partnerId })),
        )
      ).status,
    ).toBe(403);
    expect(
      (await responseOf(() => importRoute.action(args(formRequest("/partners/import", { csv: "name\nx" }, { cookie: viewer }))))).status,
    ).toBe(403);
    expect(
      (
        await responseOf(() =>
          listRoute.action(
            args(formRequest("/partners", { intent: "bulk", operation: "stage", stage: "paused", ids: partnerId }, { cookie: viewer })),
          ),
        )
      ).status,
    ).toBe(403);
  });

  it("and nothing changed", async () => {
    const partner = await db().partner.findUniqueOrThrow({
      where: { id: partnerId },
      include: { channels: true, interactions: true, drafts: true, tasks: true },
    });
    expect(partner).toMatchObject({ name: "Read Only", archivedAt: null, version: 1 });
    expect([partner.channels.length, partner.interactions.length, partner.drafts.length, partner.tasks.length]).toEqual([1, 0, 1, 1]);
    expect(partner.drafts[0].status).toBe("draft");
    expect(partner.tasks[0].completedAt).toBeNull();
  });
});

describe("the partner page checks the role before it reads the body", () => {
  it("refuses a viewer's write without touching the body, and an unknown intent with 400", async () => {
    const unreadable = (intent: string) =>
      new Request(`http://localhost/partners/${partnerId}?index&intent=${intent}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: viewer },
        // A body that fails when read: the 403 must come first.
        body: new ReadableStream({ pull: (controller) => controller.error(new Error("the body was read")) }),
        duplex: "half",
      } as RequestInit);
    expect((await responseOf(() => pageRoute.action(args(unreadable("log"), { partnerId })))).status).toBe(403);
    expect((await responseOf(() => pageRoute.action(args(unreadable("archive"), { partnerId })))).status).toBe(403);
    const admin = await cookieFor((await createTestUser("admin")).id);
    const bogus = await responseOf(() =>
      pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=bogus`, { name: "x" }, { cookie: admin }), { partnerId })),
    );
    expect(bogus.status).toBe(400);
  });
});

describe("the links page checks the role each intent needs before it reads the body", () => {
  it("refuses marketing a feed and compliance a link without touching the body, and an unknown intent with 400", async () => {
    const unreadable = (intent: string, cookie: string) =>
      new Request(`http://localhost/partners/${partnerId}/links?intent=${intent}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new ReadableStream({ pull: (controller) => controller.error(new Error("the body was read")) }),
        duplex: "half",
      } as RequestInit);
    // Feeds are the community side's (partners:write), links and codes marketing's (campaigns:write).
    const marketing = await cookieFor((await createTestUser("marketing")).id);
    const compliance = await cookieFor((await createTestUser("compliance")).id);
    expect((await responseOf(() => linksRoute.action(args(unreadable("addFeed", marketing), { partnerId })))).status).toBe(403);
    expect((await responseOf(() => linksRoute.action(args(unreadable("create", compliance), { partnerId })))).status).toBe(403);
    expect((await responseOf(() => linksRoute.action(args(unreadable("archiveCode", viewer), { partnerId })))).status).toBe(403);
    const bogus = await responseOf(() =>
      linksRoute.action(
        args(formRequest(`/partners/${partnerId}/links?intent=bogus`, { name: "x" }, { cookie: marketing }), { partnerId }),
      ),
    );
    expect(bogus.status).toBe(400);
  });
});
