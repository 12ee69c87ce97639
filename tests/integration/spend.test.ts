import { beforeAll, describe, expect, it } from "vitest";
import * as giftNewRoute from "~/routes/gifts.new";
import * as placementNewRoute from "~/routes/placements.new";
import * as placementRoute from "~/routes/placements.$placementId";
import * as spendExportRoute from "~/routes/spend.export";
import * as campaignNewRoute from "~/routes/campaigns.new";
import { totalIn } from "~/shared/money";
import { saveRates } from "~/features/accounts/settings.server";
import { spendReport } from "~/features/spend/spend.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, getRequest, responseOf } from "../setup/fixtures";

type Actor = { id: string; cookie: string };
let cm: Actor, marketing: Actor, marketing2: Actor, admin: Actor;

async function actor(role: "manager" | "marketing" | "admin") {
  const user = await createTestUser(role);
  return { id: user.id, cookie: await cookieFor(user.id) };
}

function post(path: string, fields: [string, string][], cookie: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

async function partner(name: string, stage: "active" | "do_not_contact" = "active", country = "FR") {
  return (await db().partner.create({ data: { name, kind: "blogger", stage, country, searchText: name.toLowerCase() } })).id;
}

const gift = (fields: Record<string, string>, partnerIds: string[], cookie = cm.cookie) =>
  responseOf(() =>
    giftNewRoute.action(
      args(post("/gifts/new", [...partnerIds.map((id): [string, string] => ["partnerIds", id]), ...Object.entries(fields)], cookie)),
    ),
  );

const propose = (fields: Record<string, string>, cookie = cm.cookie) =>
  responseOf(() => placementNewRoute.action(args(post("/placements/new", Object.entries(fields), cookie))));

const onPlacement = (id: string, fields: Record<string, string>, cookie: string) =>
  responseOf(() => placementRoute.action(args(post(`/placements/${id}`, Object.entries(fields), cookie), { placementId: id })));

beforeAll(async () => {
  [cm, marketing, marketing2, admin] = [await actor("manager"), await actor("marketing"), await actor("marketing"), await actor("admin")];
});

describe("gifts", () => {
  it("sends one product to several partners as a batch, each with its audit event", async () => {
    const ids = [await partner("Batch A"), await partner("Batch B"), await partner("Batch C")];
    const response = await gift(
      {
        itemName: "Serum",
        quantity: "2",
        unitValue: "19.90",
        shipping: "4,50",
        currency: "eur",
        status: "shipped",
        shippedOn: "2026-02-03",
      },
      ids,
    );
    expect(response.status).toBe(302);
    const gifts = await db().gift.findMany({ where: { partnerId: { in: ids } } });
    expect(gifts).toHaveLength(3);
    expect(new Set(gifts.map((g) => g.batchId)).size).toBe(1);
    expect(gifts[0]).toMatchObject({ quantity: 2, unitCostMinor: 1990, shippingMinor: 450, currency: "EUR", status: "shipped" });
    expect(await db().auditEvent.count({ where: { entityType: "Gift", entityId: { in: gifts.map((g) => g.id) } } })).toBe(3);
  });

  it("refuses the whole batch when one partner is do-not-contact, and writes nothing", async () => {
    const ids = [await partner("Fine"), await partner("Stop", "do_not_contact")];
    const response = await gift({ itemName: "Serum", quantity: "1", unitValue: "10", currency: "EUR", status: "planned" }, ids);
    expect(response.status).toBe(422);
    // The message names who was refused.
    expect(JSON.stringify((await response.json()).result)).toContain("spend.doNotContactNamed?names=Stop");
    expect(await db().gift.count({ where: { partnerId: { in: ids } } })).toBe(0);
  });

  it("refuses bad amounts and dates with 400 and writes nothing", async () => {
    const id = await partner("Careful");
    for (const fields of <Record<string, string>[]>[
      { itemName: "X", quantity: "0", unitValue: "10", currency: "EUR", status: "planned" },
      { itemName: "X", quantity: "1", unitValue: "-10", currency: "EUR", status: "planned" },
      { itemName: "X", quantity: "1", unitValue: "10", currency: "ZZZ", status: "planned" },
      {
        itemName: "X",
        quantity: "1",
        unitValue: "10",
        currency: "EUR",
        status: "delivered",
        shippedOn: "2026-03-10",
        deliveredOn: "2026-03-01",
      },
    ]) {
      expect((await gift(fields, [id])).status).toBe(400);
    }
    expect(await db().gift.count({ where: { partnerId: id } })).toBe(0);
  });
});

describe("placements and approval of spend", () => {
  it("a CM proposes, cannot approve; marketing approves; payments stop at the fee", async () => {
    const id = await partner("Paid Partner");
    expect(
      (
        await propose({
          partnerId: id,
          title: "Reel",
          fee: "1500",
          currency: "EUR",
          agreedOn: "2026-04-02",
          deliverable: "1 reel",
          deliverableDueOn: "2026-04-20",
        })
      ).status,
    ).toBe(302);
    const placement = await db().placement.findFirstOrThrow({ where: { partnerId: id }, include: { deliverables: true } });
    expect(placement).toMatchObject({ status: "proposed", feeMinor: 150000, proposedById: cm.id });
    expect(placement.deliverables).toHaveLength(1);

    expect((await onPlacement(placement.id, { intent: "approve" }, cm.cookie)).status).toBe(403);
    expect(
      (await onPlacement(placement.id, { intent: "payment", formId: "payment", amount: "10", paidOn: "2026-04-03" }, marketing.cookie))
        .status,
    ).toBe(409);
    // €1,500 reaches the French written-agreement threshold: approving asks first (ADR 0012).
    const asked = await onPlacement(placement.id, { intent: "approve" }, marketing.cookie);
    expect(asked.status).toBe(409);
    expect(await asked.json()).toMatchObject({ error: "agreements.neededQuestion" });
    expect((await onPlacement(placement.id, { intent: "approve", withoutAgreementConfirmed: "on" }, marketing.cookie)).status).toBe(302);
    expect((await db().placement.findUniqueOrThrow({ where: { id: placement.id } })).status).toBe("approved");

    expect(
      (
        await onPlacement(
          placement.id,
          { intent: "payment", formId: "payment", amount: "1000", paidOn: "2026-04-10", invoiceRef: "F-1" },
          marketing.cookie,
        )
      ).status,
    ).toBe(302);
    const over = await onPlacement(
      placement.id,
      { intent: "payment", formId: "payment", amount: "500.01", paidOn: "2026-04-11" },
      marketing.cookie,
    );
    expect(over.status).toBe(422);
    expect(await db().payment.count({ where: { placementId: placement.id } })).toBe(1);
    expect((await onPlacement(placement.id, { intent: "status", status: "paid" }, marketing.cookie)).status).toBe(409);
  });

  it("nobody approves their own proposal, and above the limit two approvers are needed", async () => {
    await db().workspaceSettings.update({ where: { id: 1 }, data: { singleApprovalLimitMinor: 200000 } });
    const id = await partner("Big Deal");
    await propose({ partnerId: id, title: "Campaign", fee: "5000", currency: "EUR", agreedOn: "2026-05-01" }, marketing.cookie);
    const placement = await db().placement.findFirstOrThrow({ where: { partnerId: id } });
    const own = await onPlacement(placement.id, { intent: "approve" }, marketing.cookie);
    expect(own.status).toBe(403);
    expect(await own.json()).toEqual({ error: "placements.cannotApproveOwn" });
    await onPlacement(placement.id, { intent: "approve" }, marketing2.cookie);
    expect((await db().placement.findUniqueOrThrow({ where: { id: placement.id } })).status).toBe("proposed");
    expect((await onPlacement(placement.id, { intent: "approve" }, marketing2.cookie)).status).toBe(409);
    await onPlacement(placement.id, { intent: "approve", withoutAgreementConfirmed: "on" }, admin.cookie);
    expect((await db().placement.findUniqueOrThrow({ where: { id: placement.id } })).status).toBe("approved");
    await db().workspaceSettings.update({ where: { id: 1 }, data: { singleApprovalLimitMinor: null } });
  });

  it("refuses a placement for a do-not-contact partner", async () => {
    const id = await partner("No Thanks", "do_not_contact");
    expect((await propose({ partnerId: id, title: "Post", fee: "100", currency: "EUR", agreedOn: "2026-05-01" })).status).toBe(422);
    expect(await db().placement.count({ where: { partnerId: id } })).toBe(0);
  });
});

describe("campaign budgets", () => {
  it("warns before going over budget and records who went ahead", async () => {
    const created = await responseOf(() =>
      campaignNewRoute.action(
        args(
          post(
            "/campaigns/new",
            [
              ["name", "Spring launch"],
              ["budget", "1000"],
              ["currency", "EUR"],
              ["jurisdictions", "FR"],
            ],
            marketing.cookie,
          ),
        ),
      ),
    );
    expect(created.status).toBe(302);
    const campaign = await db().campaign.findUniqueOrThrow({ where: { name: "Spring launch" } });
    expect(campaign).toMatchObject({ budgetMinor: 100000, jurisdictions: ["FR"] });
    const id = await partner("Budget Partner");
    const fields = { partnerId: id, campaignId: campaign.id, title: "Post", fee: "800", currency: "EUR", agreedOn: "2026-05-02" };
    await propose(fields);
    const placement = await db().placement.findFirstOrThrow({ where: { campaignId: campaign.id } });
    await onPlacement(placement.id, { intent: "approve" }, marketing.cookie);

    const warned = await propose({ ...fields, title: "Second post", fee: "300" });
    expect(warned.status).toBe(409);
    const body = await warned.json();
    expect(body.overBudget).toEqual({ budgetMinor: 100000, committedMinor: 80000, additionMinor: 30000, currency: "EUR" });
    expect(await db().placement.count({ where: { campaignId: campaign.id } })).toBe(1);

    expect((await propose({ ...fields, title: "Second post", fee: "300", overBudgetConfirmed: "on" })).status).toBe(302);
    const second = await db().placement.findFirstOrThrow({ where: { campaignId: campaign.id, title: "Second post" } });
    expect(second.budgetOverrideById).toBe(cm.id);
    expect(await db().auditEvent.count({ where: { entityId: second.id, action: "placement.propose_over_budget", actorId: cm.id } })).toBe(
      1,
    );
  });
});

describe("spend in SQL", () => {
  it("totals by month with conversion at the rate of each date, and reports missing rates", async () => {
    const id = await partner("Currency Mix", "active", "GB");
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await saveRates(admin.id, [
      { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.90", validOn: "2024-01-01" },
      { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.95", validOn: "2024-03-01" },
    ]);
    const base = { partnerId: id, itemName: "Kit", quantity: 2, shippingMinor: 500, status: "shipped" as const };
    await db().gift.createMany({
      data: [
        { ...base, unitCostMinor: 1000, unitRetailMinor: 2500, currency: "EUR", shippedOn: day("2024-02-10") }, // 25.00 EUR
        { ...base, unitCostMinor: 1000, currency: "USD", shippedOn: day("2024-02-20") }, // 25.00 USD × 0.90 = 22.50
        { ...base, unitCostMinor: 1000, currency: "GBP", shippedOn: day("2024-02-21") }, // no rate: 25.00 GBP left out
        { ...base, unitCostMinor: 1000, currency: "EUR", shippedOn: day("2024-02-22"), status: "planned" }, // not a cost
      ],
    });
    const placement = await db().placement.create({
      data: { partnerId: id, title: "Video", feeMinor: 100000, currency: "USD", agreedOn: day("2024-03-05"), status: "contracted" },
    }); // 1000 USD × 0.95 = 950.00
    await db().payment.create({ data: { placementId: placement.id, amountMinor: 40000, paidOn: day("2024-03-06") } }); // 400 USD × 0.95 = 380.00

    const report = await spendReport({
      filter: { partnerId: id, from: "2024-01-01", to: "2024-12-31" },
      grouping: "month",
      currency: "EUR",
      basis: "cost",
      page: null,
    });
    expect(report.groups.map((g) => [g.key, g.giftsMinor, g.placementsMinor, g.paidMinor, g.unconverted])).toEqual([
      ["2024-03", 0, 95000, 38000, 0],
      ["2024-02", 4750, 0, 0, 1],
    ]);
    expect(report.total).toMatchObject({ giftsMinor: 4750, placementsMinor: 95000, paidMinor: 38000, giftCount: 3, unconverted: 1 });
    expect(report.missingRates).toEqual([{ currency: "GBP", from: "2024-02-21", amountMinor: 2500, count: 1 }]);

    const retail = await spendReport({
      filter: { partnerId: id, from: "2024-02-01", to: "2024-02-28" },
      grouping: "kind",
      currency: "EUR",
      basis: "retail",
      page: null,
    });
    expect(retail.total.giftsMinor).toBe(5500 + 2250); // EUR gift at retail 2 × 25.00 + 5.00; USD gift has no retail price
    expect(retail.groups.map((g) => [g.key, g.giftCount, g.partners])).toEqual([["gift", 3, 1]]);

    const csv = await (
      await responseOf(() =>
        spendExportRoute.loader(
          args(getRequest(`/spend/export?view=month&partnerId=${id}&from=2024-01-01&to=2024-12-31`, { cookie: marketing.cookie })),
        ),
      )
    ).text();
    expect(csv.replace("\uFEFF", "").trim().split("\r\n")).toEqual([
      "group,group_name,currency,gifts,placements,cost,paid,gift_count,placement_count,payment_count,partners,unconverted",
      "2024-03,2024-03,EUR,0.00,950.00,950.00,380.00,0,1,1,,0",
      "2024-02,2024-02,EUR,47.50,0.00,47.50,0.00,3,0,0,,1",
      "total,,EUR,47.50,950.00,997.50,380.00,3,1,1,,1",
    ]);
  });

  it("rounds like the money module: exact conversions summed, the total rounded once", async () => {
    const id = await partner("Rounding");
    await saveRates(admin.id, [{ baseCurrency: "CAD", quoteCurrency: "EUR", rate: "0.6333", validOn: "2024-01-01" }]);
    const on = new Date("2024-05-01T00:00:00Z");
    // 3 × 33.33 CAD at 0.6333 = 21.107889 each; 63.323667 in all → 63.32 (rounding each first would give 63.33).
    await db().gift.createMany({
      data: [1, 2, 3].map(() => ({
        partnerId: id,
        itemName: "Tea",
        quantity: 1,
        unitCostMinor: 3333,
        currency: "CAD",
        status: "shipped" as const,
        shippedOn: on,
      })),
    });
    const report = await spendReport({ filter: { partnerId: id }, grouping: "kind", currency: "EUR", basis: "cost", page: null });
    expect(report.total.giftsMinor).toBe(6332);
    expect(
      totalIn(
        "EUR",
        [1, 2, 3].map(() => ({ amountMinor: 3333, currency: "CAD", on: "2024-05-01" })),
        [{ baseCurrency: "CAD", quoteCurrency: "EUR", rate: "0.6333", validOn: "2024-01-01" }],
      ).totalMinor,
    ).toBe(6332);
  });

  it("rejects a period that ends before it starts", async () => {
    const response = await responseOf(() =>
      spendExportRoute.loader(args(getRequest("/spend/export?from=2026-05-01&to=2026-04-01", { cookie: marketing.cookie }))),
    );
    expect(response.status).toBe(400);
  });
});
