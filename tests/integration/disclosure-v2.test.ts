/**
 * Spec v2's relationship is read from the CRM's records (issue 29, part 2): a gift alone, a gift
 * plus an approved brief, a placement with the campaign's promo code; then checked under v2, and a
 * re-check preview that counts what v2 would change and writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkDisclosureV2, defaultRuleSetsV2 } from "~/features/compliance";
import { checkCoverageItem, disclosureInputsV2, previewV2Recheck, relationshipsFor } from "~/features/compliance/index.server";
import { db } from "~/utils/db.server";
import { createTestUser } from "../setup/fixtures";

let authorId: string;

beforeAll(async () => {
  authorId = (await createTestUser("manager")).id;
});

async function partner(name: string) {
  return (await db().partner.create({ data: { name, kind: "influencer", stage: "active", country: "GB", searchText: name } })).id;
}

async function coverage(partnerId: string, extra: { campaignId?: string; gifted?: boolean; paid?: boolean } = {}) {
  return (
    await db().coverageItem.create({
      data: {
        partnerId,
        campaignId: extra.campaignId ?? null,
        url: `https://instagram.com/p/${partnerId}`,
        platform: "instagram",
        publishedOn: new Date("2026-03-10"),
        text: "Morning run in the new trainers #gifted",
        gifted: extra.gifted ?? false,
        paid: extra.paid ?? false,
      },
    })
  ).id;
}

async function gift(partnerId: string, coverageItemId: string) {
  const created = await db().gift.create({
    data: {
      partnerId,
      itemName: "Trainers",
      quantity: 1,
      unitCostMinor: 9000,
      currency: "GBP",
      status: "shipped",
      shippedOn: new Date("2026-03-01"),
    },
  });
  await db().coverageGift.create({ data: { coverageItemId, giftId: created.id } });
}

const ukVerdict = async (itemId: string) => {
  const relationship = (await relationshipsFor(db(), [itemId])).get(itemId)!;
  const [result] = checkDisclosureV2({ platform: "instagram", text: "Morning run in the new trainers #gifted", relationship }, [
    defaultRuleSetsV2.UK,
  ]).results;
  return { relationship, context: result.context, verdict: result.verdict };
};

describe("the relationship behind a coverage item", () => {
  it("reads a gift alone as a gift: #gifted is enough in the UK", async () => {
    const partnerId = await partner("Gift only");
    const itemId = await coverage(partnerId, { gifted: true });
    await gift(partnerId, itemId);
    expect(await ukVerdict(itemId)).toEqual({
      relationship: { gifts: 1, paid: false, affiliate: false, promoCode: false, trackedLink: false, brandControl: false },
      context: "gift",
      verdict: "compliant",
    });
  });

  it("reads an approved brief as brand control: the UK gift becomes an ad", async () => {
    const partnerId = await partner("Gift and brief");
    const itemId = await coverage(partnerId, { gifted: true });
    await gift(partnerId, itemId);
    await db().draft.create({
      data: { partnerId, kind: "brief", channel: "email", body: "Please mention the grip.", status: "draft", authorId },
    });
    expect((await ukVerdict(itemId)).relationship.brandControl).toBe(false);
    await db().draft.updateMany({ where: { partnerId }, data: { status: "approved", updatedAt: new Date("2026-03-02") } });
    expect(await ukVerdict(itemId)).toMatchObject({
      context: "ad",
      verdict: "insufficient",
      relationship: { gifts: 1, brandControl: true },
    });
  });

  it("reads a placement and the campaign's promo code, not another campaign's", async () => {
    const partnerId = await partner("Placement and code");
    const spring = await db().campaign.create({ data: { name: "Spring run 2026" } });
    const autumn = await db().campaign.create({ data: { name: "Autumn run 2026" } });
    const itemId = await coverage(partnerId, { campaignId: spring.id, paid: true });
    await db().promoCode.create({ data: { code: "AUTUMN10", partnerId, campaignId: autumn.id, createdById: authorId } });
    expect((await relationshipsFor(db(), [itemId])).get(itemId)).toMatchObject({ paid: true, promoCode: false, gifts: 0 });
    await db().promoCode.create({
      data: { code: "SPRING10", partnerId, campaignId: spring.id, createdById: authorId, validFrom: new Date("2026-03-01") },
    });
    expect((await relationshipsFor(db(), [itemId])).get(itemId)).toMatchObject({ paid: true, promoCode: true, trackedLink: false });
  });

  it("answers for many items in one call and leaves out unknown ids", async () => {
    const partnerId = await partner("Many");
    const a = await coverage(partnerId);
    const map = await relationshipsFor(db(), [a, "no-such-item"]);
    expect([...map.keys()]).toEqual([a]);
    expect(map.get(a)).toEqual({ gifts: 0, paid: false, affiliate: false, promoCode: false, trackedLink: false, brandControl: false });
  });
});

describe("re-checking under v2, previewed", () => {
  it("counts the verdicts v2 would change, by reason, and writes nothing", async () => {
    await db().workspaceSettings.upsert({ where: { id: 1 }, create: { id: 1, brandName: "Stride" }, update: { brandName: "Stride" } });
    const partnerId = await partner("Preview");
    const itemId = await coverage(partnerId, { gifted: true });
    await gift(partnerId, itemId);
    const item = await db().coverageItem.update({
      where: { id: itemId },
      data: { jurisdiction: "UK", text: "Morning run with @stride #gifted" },
    });
    await checkCoverageItem(db(), { ...item, platform: "instagram" }, null);
    const before = await db().disclosureCheck.findMany({ orderBy: { id: "asc" } });
    // Spec v1 calls #gifted weak in the UK; v2 sees a gift with no strings attached.
    expect(before.map((check) => [check.jurisdiction, check.verdict])).toEqual([["UK", "insufficient"]]);

    const input = (await disclosureInputsV2(db(), [itemId])).get(itemId);
    expect(input).toMatchObject({ language: "en", advertiser: { name: "Stride" }, relationship: { gifts: 1, brandControl: false } });

    const seen: [number, number][] = [];
    const preview = await previewV2Recheck(undefined, async (done, total) => void seen.push([done, total]));
    expect(preview).toEqual({
      checked: 1,
      changed: 1,
      transitions: [{ from: "insufficient", to: "compliant", count: 1 }],
      byReason: [{ reason: "PROMINENT_MARKER", count: 1 }],
    });
    expect(seen).toEqual([[1, 1]]);
    expect(await db().disclosureCheck.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
