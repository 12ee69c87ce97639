import { beforeAll, describe, expect, it } from "vitest";
import * as editRoute from "~/routes/partners.$partnerId_.edit";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as listRoute from "~/routes/partners._index";
import * as newRoute from "~/routes/partners.new";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

let managerId: string;
let managerCookie: string;
let viewerCookie: string;
let marketingCookie: string;

beforeAll(async () => {
  const manager = await createTestUser("manager");
  managerId = manager.id;
  managerCookie = await cookieFor(manager.id);
  viewerCookie = await cookieFor((await createTestUser("viewer")).id);
  marketingCookie = await cookieFor((await createTestUser("marketing")).id);
});

const base = {
  name: "Léa Cuisine",
  kind: "blogger",
  stage: "prospect",
  email: "",
  website: "",
  country: "",
  language: "",
  ownerId: "",
  tags: "",
  notes: "",
  riskNotes: "",
};

async function createPartner(fields: Partial<typeof base>) {
  const response = await responseOf(() =>
    newRoute.action(args(formRequest("/partners/new", { ...base, ...fields }, { cookie: managerCookie }))),
  );
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.split("/").pop()!;
}

async function postPage(partnerId: string, fields: Record<string, string>, cookie = managerCookie) {
  return responseOf(() =>
    pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=${fields.intent}`, fields, { cookie }), { partnerId })),
  );
}

async function list(query: string, cookie = managerCookie) {
  const response = await responseOf(() => listRoute.loader(args(getRequest(`/partners?${query}`, { cookie }))));
  expect(response.status).toBe(200);
  const body = await response.json();
  return { names: body.rows.map((row: { name: string }) => row.name), total: body.total as number };
}

describe("creating and editing partners", () => {
  it("creates a partner, normalised, with an audit event", async () => {
    const id = await createPartner({
      name: "Camille Mode",
      email: "Camille@Mode.FR",
      website: "https://www.camille-mode.fr/",
      country: "fr",
      tags: "Mode, Paris",
      ownerId: managerId,
    });
    const partner = await db().partner.findUniqueOrThrow({ where: { id } });
    expect(partner).toMatchObject({
      email: "camille@mode.fr",
      websiteDomain: "camille-mode.fr",
      country: "FR",
      tags: ["mode", "paris"],
      ownerId: managerId,
      version: 1,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "partner.create" } });
    expect(event.actorId).toBe(managerId);
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const before = await db().partner.count();
    const response = await responseOf(() =>
      newRoute.action(
        args(
          formRequest(
            "/partners/new",
            { ...base, email: "nope", website: "javascript:alert(1)", country: "France", ownerId: "ghost" },
            { cookie: managerCookie },
          ),
        ),
      ),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error).toMatchObject({
      email: ["errors.invalidEmail"],
      website: ["errors.invalidUrl"],
      country: ["errors.invalidCountry"],
    });
    expect(body.result.initialValue.website).toBe("javascript:alert(1)");
    expect(await db().partner.count()).toBe(before);
  });

  it("refuses an unknown owner", async () => {
    const response = await responseOf(() =>
      newRoute.action(args(formRequest("/partners/new", { ...base, ownerId: "ghost" }, { cookie: managerCookie }))),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).result.error.ownerId).toEqual(["errors.unknownOwner"]);
  });

  it("refuses viewers and marketing with 403, on the server", async () => {
    for (const cookie of [viewerCookie, marketingCookie]) {
      const response = await responseOf(() => newRoute.action(args(formRequest("/partners/new", { ...base, name: "Sneaky" }, { cookie }))));
      expect(response.status).toBe(403);
    }
    expect(await db().partner.count({ where: { name: "Sneaky" } })).toBe(0);
    const id = await createPartner({ name: "Guarded" });
    expect((await postPage(id, { intent: "archive" }, viewerCookie)).status).toBe(403);
    expect((await responseOf(() => listRoute.loader(args(getRequest("/partners", { cookie: viewerCookie }))))).status).toBe(200);
  });

  it("refuses a stale edit with 409 and overwrites nothing", async () => {
    const id = await createPartner({ name: "Concurrent" });
    const edit = (name: string, version: string) =>
      responseOf(() =>
        editRoute.action(
          args(formRequest(`/partners/${id}/edit`, { ...base, name, version }, { cookie: managerCookie }), { partnerId: id }),
        ),
      );
    expect((await edit("First save", "1")).status).toBe(302);
    const stale = await edit("Second save from an old form", "1");
    expect(stale.status).toBe(409);
    expect((await stale.json()).stale).toBe(true);
    const partner = await db().partner.findUniqueOrThrow({ where: { id } });
    expect(partner).toMatchObject({ name: "First save", version: 2 });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "partner.update" } })).toBe(1);
  });

  it("archives and restores, never deletes", async () => {
    const id = await createPartner({ name: "Archivable" });
    expect((await postPage(id, { intent: "archive" })).status).toBe(302);
    expect((await list("q=archivable")).total).toBe(0);
    expect((await list("q=archivable&archived=1")).names).toEqual(["Archivable"]);
    await postPage(id, { intent: "restore" });
    expect((await list("q=archivable")).total).toBe(1);
    const actions = (await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["partner.create", "partner.archive", "partner.restore"]);
  });
});

describe("channels and their history", () => {
  it("adds a channel and keeps every measurement", async () => {
    const id = await createPartner({ name: "Channel Owner" });
    const added = await postPage(id, {
      intent: "addChannel",
      formId: "add-channel",
      platform: "instagram",
      handle: "@ChannelOwner",
      followers: "12 500",
      engagementRate: "3,2",
      measuredOn: "2026-10-01",
      countries: "FR 60, BE 25",
    });
    expect(added.status).toBe(302);
    const channel = await db().channel.findFirstOrThrow({ where: { partnerId: id } });
    expect(channel).toMatchObject({ followers: 12500, engagementRate: 3.2, audience: { countries: { FR: 60, BE: 25 } } });
    expect((await db().partner.findUniqueOrThrow({ where: { id } })).totalFollowers).toBe(12500);

    // Newer numbers, engagement left blank: the last known rate stays current.
    await postPage(id, {
      intent: "measure",
      formId: "m",
      channelId: channel.id,
      platform: "instagram",
      handle: "@ChannelOwner",
      followers: "20000",
      measuredOn: "2026-10-20",
    });
    // An older measurement goes into the history only.
    await postPage(id, {
      intent: "measure",
      formId: "m",
      channelId: channel.id,
      platform: "instagram",
      handle: "@ChannelOwner",
      followers: "9000",
      measuredOn: "2026-09-01",
    });

    const after = await db().channel.findUniqueOrThrow({
      where: { id: channel.id },
      include: { measurements: { orderBy: { measuredOn: "asc" } } },
    });
    expect(after).toMatchObject({ followers: 20000, engagementRate: 3.2 });
    expect(after.measurements.map((m) => m.followers)).toEqual([9000, 12500, 20000]);
    expect((await db().partner.findUniqueOrThrow({ where: { id } })).totalFollowers).toBe(20000);

    const page = await (
      await responseOf(() => pageRoute.loader(args(getRequest(`/partners/${id}`, { cookie: viewerCookie }), { partnerId: id })))
    ).json();
    expect(page.partner.channels[0].flags).toEqual([
      { code: "followerJump", from: 12500, to: 20000, percent: 60, days: 19, since: "2026-10-01" },
    ]);
  });

  it("rejects bad channel numbers with field errors", async () => {
    const id = await createPartner({ name: "Bad Numbers" });
    const response = await postPage(id, {
      intent: "addChannel",
      formId: "add-channel",
      platform: "instagram",
      followers: "-3",
      engagementRate: "150",
      url: "ftp://x.example",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.formId).toBe("add-channel");
    expect(body.result.error).toMatchObject({
      followers: ["errors.negative"],
      engagementRate: ["errors.percentOver100"],
      url: ["errors.invalidUrl"],
    });
    expect(await db().channel.count({ where: { partnerId: id } })).toBe(0);
  });

  it("refuses to measure another partner's channel", async () => {
    const a = await createPartner({ name: "Partner A" });
    const b = await createPartner({ name: "Partner B" });
    await postPage(a, { intent: "addChannel", formId: "add-channel", platform: "youtube", followers: "100" });
    const channel = await db().channel.findFirstOrThrow({ where: { partnerId: a } });
    const response = await postPage(b, { intent: "measure", formId: "m", channelId: channel.id, platform: "youtube", followers: "999999" });
    expect(response.status).toBe(404);
    expect((await db().channel.findUniqueOrThrow({ where: { id: channel.id } })).followers).toBe(100);
  });
});

describe("the partner list", () => {
  beforeAll(async () => {
    const make = async (name: string, fields: Partial<typeof base>, channel?: Record<string, string>) => {
      const id = await createPartner({ name, ...fields });
      if (channel) await postPage(id, { intent: "addChannel", formId: "add-channel", ...channel });
    };
    await make(
      "Zoé Voyage",
      { stage: "active", country: "FR", tags: "travel" },
      { platform: "instagram", handle: "@zoe_voyage", followers: "80000" },
    );
    await make(
      "Yann Tech",
      { stage: "active", country: "FR", tags: "tech, travel", kind: "podcaster" },
      { platform: "podcast", followers: "5000" },
    );
    await make("Xavier Food", { stage: "paused", country: "BE", tags: "food" }, { platform: "youtube", followers: "300000" });
    await make("Wanda 100%", { stage: "do_not_contact", country: "DE", tags: "travel" }, { platform: "tiktok", followers: "1000" });
  });

  it("filters by stage, country and tag and sorts by followers, in SQL", async () => {
    expect(await list("stage=active&country=FR&tag=travel&sort=followers&dir=desc")).toEqual({
      names: ["Zoé Voyage", "Yann Tech"],
      total: 2,
    });
    expect((await list("stage=active,paused&sort=followers&dir=desc")).names.slice(0, 3)).toEqual([
      "Xavier Food",
      "Zoé Voyage",
      "Yann Tech",
    ]);
  });

  it("filters by platform, kind and follower range", async () => {
    expect((await list("platform=podcast")).names).toEqual(["Yann Tech"]);
    expect((await list("kind=podcaster")).names).toEqual(["Yann Tech"]);
    expect((await list("followersMin=50000&followersMax=100000&tag=travel")).names).toEqual(["Zoé Voyage"]);
  });

  it("searches name, handle, email, URL and tags, case-insensitively", async () => {
    expect((await list("q=ZOE_VOY")).names).toEqual(["Zoé Voyage"]);
    expect((await list("q=food")).names).toEqual(["Xavier Food"]);
    // LIKE wildcards in the query are literal characters.
    expect((await list("q=100%25")).names).toEqual(["Wanda 100%"]);
    expect((await list("q=%25%25%25")).total).toBe(0);
  });

  it("paginates with a stable order, and ignores a malformed query instead of failing", async () => {
    const all = await list("sort=name&dir=asc&pageSize=100");
    const first = await list("sort=name&dir=asc&pageSize=25&page=1");
    expect(first.names).toEqual(all.names.slice(0, 25));
    const odd = await list("sort=drop%20table&dir=sideways&page=-4&pageSize=7");
    expect(odd.total).toBe(all.total);
  });

  it("marks do-not-contact partners", async () => {
    const response = await responseOf(() =>
      listRoute.loader(args(getRequest("/partners?stage=do_not_contact", { cookie: managerCookie }))),
    );
    const body = await response.json();
    expect(body.rows.map((row: { stage: string }) => row.stage)).toEqual(["do_not_contact"]);
  });
});
