/**
 * Feeds read from a real HTTP server on loopback (RSS 2.0, Atom, YouTube, podcast), captured posts
 * confirmed and dismissed through the routes, and snapshots whose lost disclosure sends the item
 * back to the compliance queue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as capturedRoute from "~/routes/coverage.captured";
import * as linksRoute from "~/routes/partners.$partnerId_.links";
import * as coverageRoute from "~/routes/coverage.$coverageId._index";
import { readChannelFeed, readDueFeeds } from "~/features/attribution/feeds.server";
import { erasePersonalData } from "~/features/accounts/personal-data.server";
import { snapshotRecentCoverage, takeSnapshot } from "~/features/compliance/snapshots.server";
import { createPromoCode } from "~/features/attribution/orders.server";
import { createTrackedLink } from "~/features/attribution/tracked-links.server";
import { insertCoverage } from "~/features/compliance/coverage.server";
import { CoverageFormSchema } from "~/features/compliance/coverage";
import { db } from "~/utils/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { startJobQueue, stopJobQueue } from "~/utils/job-queue.server";
import { articlePage, startFeedServer, type FeedServer, type FeedServerEntry } from "../setup/feed-server";
import { args, cookieFor, createTestUser, formRequest, responseOf } from "../setup/fixtures";

let server: FeedServer;
let adminId = "";
let adminCookie = "";
let viewerCookie = "";
let partnerId = "";
let blogChannel = "";
let youtubeChannel = "";
let campaignId = "";
let giftId = "";
let linkCode = "";
const suffix = Date.now().toString(36);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

function entry(id: string, title: string, html: string, published = daysAgo(1)): FeedServerEntry {
  return { id, title, html, link: `${server.origin}/posts/${id}`, published };
}

async function addFeed(channelId: string, url: string, cookie = adminCookie) {
  return responseOf(() =>
    linksRoute.action(
      args(
        formRequest(`/partners/${partnerId}/links?intent=addFeed`, { intent: "addFeed", formId: "new-feed", channelId, url }, { cookie }),
        {
          partnerId,
        },
      ),
    ),
  );
}

async function feedId(url: string) {
  return (await db().channelFeed.findFirstOrThrow({ where: { url } })).id;
}

beforeAll(async () => {
  server = await startFeedServer();
  // Jobs are queued (a confirmed capture asks for its first snapshot), not worked: the tests take snapshots themselves.
  await startJobQueue({ work: false, handlers: jobHandlers });
  process.env.FETCH_ALLOW_HOSTS = server.host;
  adminId = (await createTestUser("admin")).id;
  adminCookie = await cookieFor(adminId);
  viewerCookie = await cookieFor((await createTestUser("viewer")).id);
  await db().workspaceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, captureKeywords: ["Maison Verdure"], defaultJurisdiction: "FR" },
    update: { captureKeywords: ["Maison Verdure"], defaultJurisdiction: "FR" },
  });
  partnerId = (await db().partner.create({ data: { name: `Léa Feeds ${suffix}`, kind: "blogger" } })).id;
  blogChannel = (await db().channel.create({ data: { partnerId, platform: "blog", url: "https://lea.example" } })).id;
  youtubeChannel = (await db().channel.create({ data: { partnerId, platform: "youtube", handle: "@lea" } })).id;
  campaignId = (
    await db().campaign.create({ data: { name: `Routine hiver ${suffix}`, keywords: ["#VerdureHiver"], jurisdictions: ["FR"] } })
  ).id;
  giftId = (
    await db().gift.create({
      data: {
        partnerId,
        campaignId,
        itemName: "Sérum",
        quantity: 1,
        unitCostMinor: 2500,
        currency: "EUR",
        status: "shipped",
        shippedOn: new Date(`${daysAgo(10).toISOString().slice(0, 10)}T00:00:00Z`),
      },
    })
  ).id;
  linkCode = (await createTrackedLink(adminId, partnerId, { destination: "https://shop.example.com/serum" })).code;
  await createPromoCode(adminId, partnerId, { code: "LEAFEED", shared: false });
});

afterAll(async () => {
  delete process.env.FETCH_ALLOW_HOSTS;
  await stopJobQueue();
  await server.close();
});

describe("reading feeds", () => {
  it("captures from an RSS 2.0 blog feed the posts that name the brand, a campaign keyword, the link or the code, and nothing else", async () => {
    server.feeds.set("/lea/feed/", {
      shape: "rss",
      entries: [
        entry("p1", "Ma routine", `<p>Publicité. Mon sérum #VerdureHiver.</p>`),
        entry("p2", "Lisbonne", "<p>Trois jours à Lisbonne.</p>"),
        entry("p3", "Bon plan", `<p>Le lien : <a href="https://go.example/r/${"LINK"}">ici</a></p>`.replace("LINK", linkCode)),
        entry("p4", "Code", "<p>Avec le code leafeed, -10 %.</p>"),
        entry("p5", "Vieux billet", "<p>Maison Verdure, il y a longtemps.</p>", daysAgo(90)),
      ],
    });
    const response = await addFeed(blogChannel, `${server.origin}/lea/feed/`);
    expect(response.status).toBe(302);
    const id = await feedId(`${server.origin}/lea/feed/`);
    const first = await readChannelFeed(id);
    expect(first).toMatchObject({ outcome: "ok", newEntries: 5, captured: 3 });
    const captured = await db().capturedPost.findMany({ where: { feedId: id }, orderBy: { entryKey: "asc" } });
    expect(captured.map((row) => row.entryKey)).toEqual(["p1", "p3", "p4"]);
    const p1 = captured[0];
    expect(p1.campaignId).toBe(campaignId);
    expect(p1.giftId).toBe(giftId);
    expect(p1.matches).toEqual([{ kind: "keyword", value: "#VerdureHiver" }]);
    expect(p1.checks).toEqual([{ jurisdiction: "FR", verdict: "compliant", reasons: ["PROMINENT_MARKER"] }]);
    expect(captured[1].matches).toEqual([{ kind: "link", value: linkCode }]);
    expect(captured[2].matches).toEqual([{ kind: "code", value: "LEAFEED" }]);
    // The gift makes the code post need a disclosure it does not have.
    expect(captured[2].checks).toEqual([{ jurisdiction: "FR", verdict: "missing", reasons: ["NO_DISCLOSURE"] }]);
    const feed = await db().channelFeed.findUniqueOrThrow({ where: { id } });
    expect(feed).toMatchObject({ kind: "rss", lastOutcome: "ok", entriesSeen: 5, capturedCount: 3 });
    expect(feed.etag).toBeTruthy();
    const audits = await db().auditEvent.count({ where: { action: "capture.create", entityId: { in: captured.map((row) => row.id) } } });
    expect(audits).toBe(3);
  });

  it("sends its validators back and changes nothing on a 304; a new entry is captured once however often the feed is read", async () => {
    const id = await feedId(`${server.origin}/lea/feed/`);
    const before = server.notModified;
    expect(await readChannelFeed(id)).toMatchObject({ outcome: "not_modified", captured: 0 });
    expect(server.notModified).toBe(before + 1);
    server.feeds.get("/lea/feed/")!.entries.unshift(entry("p6", "Nouveau", "<p>Merci maison verdure !</p>"));
    const reads = await Promise.all([readChannelFeed(id), readChannelFeed(id), readChannelFeed(id)]);
    expect(reads.reduce((sum, read) => sum + read.captured, 0)).toBe(1);
    expect(await db().capturedPost.count({ where: { feedId: id, entryKey: "p6" } })).toBe(1);
  });

  it("reads a YouTube channel feed, an Atom blog and a podcast with iTunes tags", async () => {
    server.feeds.set("/yt/videos.xml", { shape: "youtube", entries: [entry("vid123", "Routine", "Vidéo sponsorisée #VerdureHiver")] });
    server.feeds.set("/atom.xml", { shape: "atom", entries: [entry("tag:a,1", "Kitchen", "<p>With Maison Verdure</p>")] });
    server.feeds.set("/podcast.rss", { shape: "podcast", entries: [entry("ep-7", "Épisode 7", "<p>Code LEAFEED</p>")] });
    expect((await addFeed(youtubeChannel, `${server.origin}/yt/videos.xml`)).status).toBe(302);
    expect((await addFeed(blogChannel, `${server.origin}/atom.xml`)).status).toBe(302);
    expect((await addFeed(blogChannel, `${server.origin}/podcast.rss`)).status).toBe(302);
    const totals = await readDueFeeds(60);
    expect(totals.failed).toBe(0);
    const kinds = await db().channelFeed.findMany({ where: { url: { startsWith: server.origin } }, select: { url: true, kind: true } });
    expect(Object.fromEntries(kinds.map((row) => [row.url.replace(server.origin, ""), row.kind]))).toMatchObject({
      "/yt/videos.xml": "youtube",
      "/atom.xml": "atom",
      "/podcast.rss": "podcast",
    });
    expect(await db().capturedPost.findFirst({ where: { entryKey: "yt:video:vid123" }, select: { campaignId: true } })).toEqual({
      campaignId,
    });
  });

  it("records a malformed feed, a redirect to a private address and a huge document as failures with their reason", async () => {
    for (const [path, key] of [
      ["/not-a-feed", "feeds.malformed"],
      ["/to-private", "fetch.privateAddress"],
      ["/huge", "fetch.tooLarge"],
      ["/missing.xml", "feeds.httpStatus"],
    ] as const) {
      expect((await addFeed(blogChannel, `${server.origin}${path}`)).status).toBe(302);
      const result = await readChannelFeed(await feedId(`${server.origin}${path}`));
      expect(result.outcome, path).toBe("failed");
      expect(result.error?.key, path).toBe(key);
    }
  });

  it("refuses a feed for another partner's channel, a duplicate, a javascript: address and a viewer", async () => {
    const other = await db().partner.create({ data: { name: `Other ${suffix}`, kind: "blogger" } });
    const otherChannel = await db().channel.create({ data: { partnerId: other.id, platform: "blog" } });
    expect((await addFeed(otherChannel.id, `${server.origin}/lea/feed/`)).status).toBe(422);
    expect((await addFeed(blogChannel, `${server.origin}/lea/feed/`)).status).toBe(409);
    expect((await addFeed(blogChannel, "javascript:alert(1)")).status).toBe(400);
    expect((await addFeed(blogChannel, `${server.origin}/x.xml`, viewerCookie)).status).toBe(403);
    // The same feed added twice at once: one is added, the other told it exists.
    const twice = await Promise.all([
      addFeed(youtubeChannel, `${server.origin}/twice.xml`),
      addFeed(youtubeChannel, `${server.origin}/twice.xml`),
    ]);
    expect(twice.map((response) => response.status).sort()).toEqual([302, 409]);
  });
});

describe("deciding on captured posts", () => {
  const decide = (intent: "confirm" | "dismiss", captureId: string, cookie = adminCookie) =>
    responseOf(() => capturedRoute.action(args(formRequest("/coverage/captured", { intent, captureId }, { cookie }))));

  it("confirms a capture into a checked coverage item linked to its gift, once; dismisses another; refuses a viewer", async () => {
    const [p1, p3] = await Promise.all(
      ["p1", "p3"].map((key) => db().capturedPost.findFirstOrThrow({ where: { entryKey: key, partnerId } })),
    );
    expect((await decide("confirm", p1.id, viewerCookie)).status).toBe(403);
    const confirmed = await decide("confirm", p1.id);
    expect(confirmed.status).toBe(302);
    const row = await db().capturedPost.findUniqueOrThrow({ where: { id: p1.id } });
    expect(row.status).toBe("confirmed");
    const item = await db().coverageItem.findUniqueOrThrow({
      where: { id: row.coverageItemId! },
      include: { gifts: true, checks: { where: { current: true } } },
    });
    expect(item).toMatchObject({ partnerId, campaignId, platform: "blog", url: `${server.origin}/posts/p1`, gifted: true });
    expect(item.gifts.map((gift) => gift.giftId)).toEqual([giftId]);
    expect(item.checks.map((check) => [check.jurisdiction, check.verdict])).toEqual([["FR", "compliant"]]);
    expect(await db().job.count({ where: { kind: "coverage.snapshot", input: { equals: { coverageItemId: item.id } } } })).toBe(1);
    expect((await decide("confirm", p1.id)).status).toBe(409);
    expect((await decide("dismiss", p3.id)).status).toBe(302);
    expect((await db().capturedPost.findUniqueOrThrow({ where: { id: p3.id } })).status).toBe("dismissed");
    expect((await decide("confirm", p3.id)).status).toBe(409);
    expect(
      await db().auditEvent.count({ where: { action: { in: ["capture.confirm", "capture.dismiss"] }, entityId: { in: [p1.id, p3.id] } } }),
    ).toBe(2);
  });
});

describe("snapshots", () => {
  it("keep the page, its hash and headers; a disclosure that disappears sends the item back to the compliance queue", async () => {
    server.pages.set(
      "/article",
      articlePage("Ma routine", ["<strong>Publicité</strong> — sérum offert par Maison Verdure.", "Il sent bon."]),
    );
    const input = CoverageFormSchema.parse({
      partnerId,
      url: `${server.origin}/article`,
      platform: "blog",
      publishedOn: daysAgo(2).toISOString().slice(0, 10),
      text: "Publicité — sérum offert par Maison Verdure. Il sent bon.",
      giftIds: [giftId],
    });
    const { item } = await db().$transaction((tx) => insertCoverage(tx, adminId, input));
    const checkBefore = await db().disclosureCheck.findFirstOrThrow({ where: { coverageItemId: item.id, current: true } });
    expect(checkBefore).toMatchObject({ verdict: "compliant", needsReview: false });

    const first = await takeSnapshot(item.id, adminId);
    expect(first.disclosureRemovedIn).toEqual([]);
    const stored = await db().coverageSnapshot.findUniqueOrThrow({ where: { id: first.snapshotId } });
    expect(stored.text).toContain("Publicité — sérum offert par Maison Verdure.");
    expect(stored.text).not.toContain("dataLayer");
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((stored.headers as Record<string, string>)["content-type"]).toBe("text/html; charset=utf-8");
    expect(stored.body.length).toBeLessThan(stored.byteLength);

    const same = await takeSnapshot(item.id, null);
    expect(same.sha256).toBe(first.sha256);

    server.pages.set("/article", articlePage("Ma routine", ["Sérum offert par Maison Verdure.", "Il sent bon."]));
    const changed = await takeSnapshot(item.id, null);
    expect(changed.sha256).not.toBe(first.sha256);
    expect(changed.disclosureRemovedIn).toEqual(["FR"]);
    const queued = await db().disclosureCheck.findFirstOrThrow({ where: { coverageItemId: item.id, current: true } });
    // "offert par" alone is too weak a label in France.
    expect(queued).toMatchObject({
      verdict: "insufficient",
      needsReview: true,
      snapshotId: changed.snapshotId,
      supersedesId: checkBefore.id,
    });
    expect(queued.reasons[0]).toBe("DISCLOSURE_REMOVED");
    // Once it is in the queue, a further snapshot without the disclosure adds nothing.
    const again = await takeSnapshot(item.id, null);
    expect(again.disclosureRemovedIn).toEqual([]);
    expect(await db().disclosureCheck.count({ where: { coverageItemId: item.id, needsReview: true } })).toBe(1);
  });

  it("are asked for on the item's page by community managers and compliance, as a job; a viewer cannot", async () => {
    const item = await db().coverageItem.findFirstOrThrow({ where: { partnerId, url: `${server.origin}/article` } });
    const ask = async (cookie: string) =>
      responseOf(() =>
        coverageRoute.action(args(formRequest(`/coverage/${item.id}`, { intent: "snapshot" }, { cookie }), { coverageId: item.id })),
      );
    const complianceCookie = await cookieFor((await createTestUser("compliance")).id);
    for (const cookie of [adminCookie, complianceCookie]) {
      const response = await ask(cookie);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/jobs\//);
    }
    expect((await ask(viewerCookie)).status).toBe(403);
    expect(await db().job.count({ where: { kind: "coverage.snapshot", input: { equals: { coverageItemId: item.id } } } })).toBe(2);
  });

  it("refuses pages that never end, that are too large or that redirect to a private address, and keeps nothing", async () => {
    for (const [path, key] of [
      ["/never-ends", "fetch.timeout"],
      ["/huge", "fetch.tooLarge"],
      ["/to-private", "fetch.privateAddress"],
    ] as const) {
      const input = CoverageFormSchema.parse({
        partnerId,
        url: `${server.origin}${path}`,
        platform: "blog",
        publishedOn: daysAgo(2).toISOString().slice(0, 10),
        text: "Un billet",
      });
      const { item } = await db().$transaction((tx) => insertCoverage(tx, adminId, input));
      await expect(takeSnapshot(item.id, null, { timeoutMs: 2_000 }), path).rejects.toMatchObject({ messageKey: key });
      expect(await db().coverageSnapshot.count({ where: { coverageItemId: item.id } })).toBe(0);
    }
  }, 60_000);

  it("the daily round takes a snapshot of recent coverage not saved this week, and counts what failed", async () => {
    // The confirmed capture's page (a 404, kept as evidence) and the three hostile pages are due;
    // the article snapshotted above is not.
    const totals = await snapshotRecentCoverage(new Date(), { timeoutMs: 1_500 });
    expect(totals).toEqual({ items: 4, failed: 3, disclosureRemoved: 0 });
    const confirmed = await db().capturedPost.findFirstOrThrow({ where: { entryKey: "p1", partnerId } });
    const kept = await db().coverageSnapshot.findFirstOrThrow({ where: { coverageItemId: confirmed.coverageItemId! } });
    expect(kept.httpStatus).toBe(404);
    expect((await snapshotRecentCoverage(new Date(), { timeoutMs: 1_500 })).items).toBe(3);
  }, 60_000);
});

describe("erasure", () => {
  it("deletes the partner's snapshots, captured posts and feeds with the rest of their personal data", async () => {
    expect(await db().coverageSnapshot.count({ where: { coverageItem: { partnerId } } })).toBeGreaterThan(0);
    expect(await db().capturedPost.count({ where: { partnerId } })).toBeGreaterThan(0);
    await erasePersonalData(adminId, partnerId);
    expect(await db().coverageSnapshot.count({ where: { coverageItem: { partnerId } } })).toBe(0);
    expect(await db().capturedPost.count({ where: { partnerId } })).toBe(0);
    expect(await db().channelFeed.count({ where: { channel: { partnerId } } })).toBe(0);
    const item = await db().coverageItem.findFirstOrThrow({ where: { partnerId } });
    await expect(takeSnapshot(item.id, adminId)).rejects.toMatchObject({ messageKey: "snapshots.erased" });
  });
});
