import { beforeAll, describe, expect, it } from "vitest";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as linkRoute from "~/routes/p.$token";
import * as portalRoute from "~/routes/portal._index";
import * as leaveRoute from "~/routes/portal.leave";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { openPortal, portalTokenFor } from "../setup/portal";

type Actor = { id: string; cookie: string };
let cm: Actor, marketing: Actor, viewer: Actor;

async function actor(role: "manager" | "marketing" | "viewer") {
  const user = await createTestUser(role);
  return { id: user.id, cookie: await cookieFor(user.id) };
}

beforeAll(async () => {
  [cm, marketing, viewer] = [await actor("manager"), await actor("marketing"), await actor("viewer")];
});

const onPartnerPage = (partnerId: string, intent: string, fields: Record<string, string>, cookie: string) =>
  responseOf(() => pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=${intent}`, fields, { cookie }), { partnerId })));

async function partnerWithOffer(name: string) {
  const partner = await db().partner.create({ data: { name, kind: "influencer", stage: "negotiating", ownerId: cm.id } });
  const placement = await db().placement.create({
    data: {
      partnerId: partner.id,
      title: `${name}'s reel`,
      feeMinor: 80_000,
      currency: "EUR",
      status: "proposed",
      agreedOn: new Date("2026-11-01"),
      proposedById: marketing.id,
    },
  });
  return { partnerId: partner.id, placementId: placement.id };
}

const linkFor = (partnerId: string) => portalTokenFor(partnerId, cm.cookie);
const open = openPortal;

const portalPage = (cookie: string) => responseOf(() => portalRoute.loader(args(getRequest("/portal", { cookie }))));
const answer = (cookie: string, placementId: string, fields: Record<string, string>) =>
  responseOf(() =>
    portalRoute.action(args(formRequest(`/portal?index&offer=${placementId}`, { formId: `offer-${placementId}`, ...fields }, { cookie }))),
  );

describe("the partner portal", () => {
  it("gives a partner a link that only community managers make, kept as a hash and audited at each use", async () => {
    const { partnerId } = await partnerWithOffer("Léa Portal");
    for (const who of [marketing, viewer]) expect((await onPartnerPage(partnerId, "createPortalLink", {}, who.cookie)).status).toBe(403);
    const token = await linkFor(partnerId);
    const link = await db().portalLink.findFirstOrThrow({ where: { partnerId } });
    expect(link.tokenHash).not.toContain(token);
    expect(JSON.stringify(await db().auditEvent.findMany({ where: { entityId: link.id } }))).not.toContain(token);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeCloseTo(30 * 86_400_000, -5);
    await open(token);
    await open(token);
    expect(
      await db().auditEvent.count({ where: { entityId: link.id, action: "portal.open", actorPartnerId: partnerId, actorId: null } }),
    ).toBe(2);
    expect((await db().portalLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt).not.toBeNull();
  });

  it("answers a wrong token with 404 and an expired or revoked one with 410, naming no partner", async () => {
    const unknown = await responseOf(() =>
      linkRoute.loader(args(getRequest("/p/not-a-real-token-at-all-0000000000"), { token: "not-a-real-token-at-all-0000000000" })),
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "portal.linkUnknown" });
    const { partnerId } = await partnerWithOffer("Expired Link");
    const token = await linkFor(partnerId);
    await db().portalLink.updateMany({ where: { partnerId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await responseOf(() => linkRoute.loader(args(getRequest(`/p/${token}`), { token })));
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ message: "portal.linkExpired" });
  });

  it("shows a partner their own offers and nothing of another partner, whose offer they cannot answer", async () => {
    const a = await partnerWithOffer("Partner Alpha");
    const b = await partnerWithOffer("Partner Beta");
    const cookieA = await open(await linkFor(a.partnerId));
    const page = await portalPage(cookieA);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Partner Alpha's reel");
    expect(text).not.toContain("Partner Beta");
    expect(text).not.toContain(b.placementId);
    const crossing = await answer(cookieA, b.placementId, { answer: "accepted" });
    expect(crossing.status).toBe(404);
    expect(await db().placement.findUniqueOrThrow({ where: { id: b.placementId } })).toMatchObject({ partnerAnswer: null });
    // Without a portal session there is no portal, and a staff session is not one.
    expect((await portalPage("")).headers.get("Location")).toBe("/portal/ended");
    expect((await portalPage(cm.cookie)).headers.get("Location")).toBe("/portal/ended");
  });

  it("records an answer in the log, and a counter-offer as a follow-up for the owner; bad answers write nothing", async () => {
    const { partnerId, placementId } = await partnerWithOffer("Counter Offer");
    const cookie = await open(await linkFor(partnerId));
    const missingFee = await answer(cookie, placementId, { answer: "countered", note: "More, please" });
    expect(missingFee.status).toBe(400);
    expect((await missingFee.json()).result.error).toMatchObject({ counterFee: ["portal.counterFeeNeeded"] });
    expect((await answer(cookie, placementId, { answer: "maybe" })).status).toBe(400);
    expect(await db().interaction.count({ where: { partnerId } })).toBe(0);

    const countered = await answer(cookie, placementId, { answer: "countered", counterFee: "1 200,50", note: "Two reels for this fee" });
    expect(countered.status).toBe(302);
    expect(await db().placement.findUniqueOrThrow({ where: { id: placementId } })).toMatchObject({
      partnerAnswer: "countered",
      counterFeeMinor: 120_050,
      counterNote: "Two reels for this fee",
    });
    const entry = await db().interaction.findFirstOrThrow({ where: { partnerId } });
    expect(entry).toMatchObject({
      offerAnswer: "countered",
      authorId: null,
      body: "Two reels for this fee",
      subject: "Counter Offer's reel",
    });
    expect(await db().task.findFirstOrThrow({ where: { partnerId } })).toMatchObject({
      assigneeId: cm.id,
      createdById: null,
      completedAt: null,
    });
    expect(
      await db().auditEvent.count({ where: { entityId: placementId, action: "placement.partner_countered", actorPartnerId: partnerId } }),
    ).toBe(1);

    // Once the offer is no longer proposed, it takes no answer.
    await db().placement.update({ where: { id: placementId }, data: { status: "approved" } });
    expect((await answer(cookie, placementId, { answer: "accepted" })).status).toBe(409);
  });

  it("ends the partner's visits when the link is revoked, when they leave, and when their data is erased", async () => {
    const { partnerId } = await partnerWithOffer("Revoked Visitor");
    const token = await linkFor(partnerId);
    const cookie = await open(token);
    const link = await db().portalLink.findFirstOrThrow({ where: { partnerId } });
    expect((await onPartnerPage(partnerId, "revokePortalLink", { linkId: link.id }, cm.cookie)).status).toBe(302);
    expect((await portalPage(cookie)).headers.get("Location")).toBe("/portal/ended");
    expect((await responseOf(() => linkRoute.loader(args(getRequest(`/p/${token}`), { token })))).status).toBe(410);

    const again = await open(await linkFor(partnerId));
    const left = await responseOf(() => leaveRoute.action(args(formRequest("/portal/leave", {}, { cookie: again }))));
    expect(left.headers.get("Location")).toBe("/portal/ended");
    expect((await portalPage(again)).headers.get("Location")).toBe("/portal/ended");
    // A link of another partner cannot be revoked from this partner's page.
    const other = await partnerWithOffer("Someone Else");
    await linkFor(other.partnerId);
    const othersLink = await db().portalLink.findFirstOrThrow({ where: { partnerId: other.partnerId } });
    expect((await onPartnerPage(partnerId, "revokePortalLink", { linkId: othersLink.id }, cm.cookie)).status).toBe(404);
    expect((await db().portalLink.findUniqueOrThrow({ where: { id: othersLink.id } })).revokedAt).toBeNull();
  });
});

describe("the outreach log keeps a partner's answer as it was given", () => {
  it("refuses to change an entry's offer answer afterwards", async () => {
    const { partnerId } = await partnerWithOffer("Fixed Answer");
    const entry = await db().interaction.create({
      data: { partnerId, type: "note", body: "", offerAnswer: "declined", occurredAt: new Date() },
    });
    await expect(db().$executeRawUnsafe(`UPDATE "Interaction" SET "offerAnswer" = 'accepted' WHERE "id" = '${entry.id}'`)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("shipping addresses from the portal", () => {
  it("are given by the partner for their own gift before it ships, seen only by those who ship, audited without their text, and erased after delivery", async () => {
    const { eraseExpiredGiftAddresses } = await import("~/features/spend/gift-address.server");
    const giftRoute = await import("~/routes/gifts.$giftId");
    const { partnerId } = await partnerWithOffer("Address Giver");
    const other = await partnerWithOffer("Other Receiver");
    const gift = (partner: string, status: "planned" | "shipped") =>
      db().gift.create({ data: { partnerId: partner, itemName: "Sérum", quantity: 1, unitCostMinor: 2500, currency: "EUR", status } });
    const planned = await gift(partnerId, "planned");
    const shipped = await gift(partnerId, "shipped");
    const someoneElses = await gift(other.partnerId, "planned");
    const cookie = await open(await linkFor(partnerId));
    const giveAddress = (giftId: string, address: string) =>
      responseOf(() =>
        portalRoute.action(args(formRequest(`/portal?index&gift=${giftId}`, { formId: `address-${giftId}`, address }, { cookie }))),
      );
    const address = "Inès Martin\n12 rue des Lilas\n69003 Lyon\nFrance";

    expect((await giveAddress(planned.id, "Lyon")).status).toBe(400);
    expect((await giveAddress(someoneElses.id, address)).status).toBe(404);
    expect((await giveAddress(shipped.id, address)).status).toBe(409);
    expect(await db().giftAddress.count({ where: { partnerId: { in: [partnerId, other.partnerId] } } })).toBe(0);
    expect((await giveAddress(planned.id, address)).status).toBe(302);
    expect((await db().giftAddress.findUniqueOrThrow({ where: { giftId: planned.id } })).address).toBe(address);
    expect(await db().auditEvent.count({ where: { entityId: planned.id, action: "gift.address_given", actorPartnerId: partnerId } })).toBe(
      1,
    );
    const [{ n }] = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "AuditEvent" WHERE "after"::text ILIKE '%rue des Lilas%'`;
    expect(n).toBe(0n);

    const asManager = await (
      await responseOf(() => giftRoute.loader(args(getRequest(`/gifts/${planned.id}`, { cookie: cm.cookie }), { giftId: planned.id })))
    ).json();
    expect(asManager.address.address).toBe(address);
    const asViewer = await (
      await responseOf(() => giftRoute.loader(args(getRequest(`/gifts/${planned.id}`, { cookie: viewer.cookie }), { giftId: planned.id })))
    ).text();
    expect(asViewer).not.toContain("Lilas");

    // Delivered 31 days ago with a 30-day retention: erased, and the trail says so.
    await db().workspaceSettings.update({ where: { id: 1 }, data: { addressRetentionDays: 30 } });
    await db().gift.update({
      where: { id: planned.id },
      data: { status: "delivered", shippedOn: new Date(Date.now() - 35 * 86_400_000), deliveredOn: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect(await eraseExpiredGiftAddresses()).toBe(1);
    expect(await db().giftAddress.count({ where: { giftId: planned.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: planned.id, action: "gift.address_erased" } })).toBe(1);
  });
});
