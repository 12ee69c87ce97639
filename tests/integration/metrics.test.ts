/**
 * Cost-benefit on a small data set worked out by hand: the expected CSV below is written down,
 * not produced by the code. Period: March 2025; EUR reporting; 1 USD = 0.90 EUR from 2025-03-01;
 * no CHF rate; EMV placeholder rates 5.00 per 1,000 impressions, 0.10 per engagement, 0.50 per click.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as coverageNewRoute from "~/routes/coverage.new";
import * as rankingRoute from "~/routes/reports.cost-benefit";
import * as rankingExportRoute from "~/routes/reports.cost-benefit.export";
import * as monthlyExportRoute from "~/routes/reports.monthly.export";
import * as monthlyPdfRoute from "~/routes/reports.monthly.pdf";
import { partnerPage as partnerRoute } from "../setup/partner-page";
import * as dashboardRoute from "~/routes/_index";
import { costBenefit, ratioFormulas, ratioNames } from "~/features/reports/metrics";
import { bestAndBelowBreakEven, costBenefitRanking, metricsContext } from "~/features/reports/metrics.server";
import { partnerListConditionsSql } from "~/features/partners/partner-list.server";
import { saveRates } from "~/features/accounts/settings.server";
import { PartnerListQuerySchema } from "~/features/partners/partner-list";
import { parseRankingQuery } from "~/features/reports/ranking";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { isoDay, todayUtc } from "~/shared/days";
import { args, cookieFor, createTestUser, getRequest, responseOf } from "../setup/fixtures";

let cm: { id: string; cookie: string };
let viewer: { id: string; cookie: string };
let marketing: { id: string; cookie: string };
const ids: Record<string, string> = {};
const march = "period=custom&from=2025-03-01&to=2025-03-31";

function post(path: string, fields: [string, string][], cookie: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

async function partner(name: string, externalId: string | null, archived = false) {
  return (
    await db().partner.create({
      data: {
        name,
        externalId,
        kind: "blogger",
        stage: "active",
        country: "FR",
        searchText: name.toLowerCase(),
        archivedAt: archived ? new Date() : null,
      },
    })
  ).id;
}

async function gift(
  partnerId: string,
  on: string,
  unitCostMinor: number,
  currency: string,
  { quantity = 1, shippingMinor = 0, status = "shipped" as "shipped" | "delivered" | "planned" } = {},
) {
  return (
    await db().gift.create({
      data: {
        partnerId,
        itemName: "Sérum",
        quantity,
        unitCostMinor,
        shippingMinor,
        currency,
        status,
        shippedOn: status === "planned" ? null : new Date(on),
      },
    })
  ).id;
}

async function placement(
  partnerId: string,
  on: string,
  feeMinor: number,
  currency: string,
  status: "approved" | "contracted",
  payments: [string, number][],
) {
  const created = await db().placement.create({
    data: { partnerId, title: "Vidéo", feeMinor, currency, agreedOn: new Date(on), status, proposedById: cm.id },
  });
  for (const [paidOn, amountMinor] of payments)
    await db().payment.create({ data: { placementId: created.id, paidOn: new Date(paidOn), amountMinor, recordedById: cm.id } });
  return created.id;
}

async function coverage(partnerId: string, fields: Record<string, string>, links: [string, string][] = []) {
  const base = { partnerId, platform: "instagram", paidOverride: "auto", giftedOverride: "auto", affiliateOverride: "auto" };
  const response = await responseOf(() =>
    coverageNewRoute.action(args(post("/coverage/new", [...Object.entries({ ...base, ...fields }), ...links], cm.cookie))),
  );
  expect(response.status).toBe(302);
}

beforeAll(async () => {
  const user = await createTestUser("manager");
  cm = { id: user.id, cookie: await cookieFor(user.id) };
  const reader = await createTestUser("viewer");
  viewer = { id: reader.id, cookie: await cookieFor(reader.id) };
  const spender = await createTestUser("marketing");
  marketing = { id: spender.id, cookie: await cookieFor(spender.id) };
  await db().workspaceSettings.update({ where: { id: 1 }, data: { defaultJurisdiction: "FR", reportingCurrency: "EUR" } });
  await saveRates(null, [{ baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.9", validOn: "2025-03-01" }]);

  // Alpha: gifts 2 × 25.00 + 5.00 = 55.00, a 300.00 placement with 100.00 paid, two posts.
  ids.alpha = await partner("Alpha Beauté", "A-1");
  const alphaGift = await gift(ids.alpha, "2025-03-05", 2500, "EUR", { quantity: 2, shippingMinor: 500, status: "delivered" });
  await gift(ids.alpha, "2025-03-06", 10000, "EUR", { status: "planned" }); // not shipped: no cost
  await gift(ids.alpha, "2025-02-20", 10000, "EUR"); // February: outside the period
  await placement(ids.alpha, "2025-03-10", 30000, "EUR", "contracted", [["2025-03-15", 10000]]);
  await coverage(
    ids.alpha,
    {
      url: "https://instagram.com/p/alpha1",
      publishedOn: "2025-03-12",
      text: "#publicité Ma routine du soir avec ce sérum",
      impressions: "20000",
      likes: "800",
      comments: "100",
      saves: "100",
      clicks: "250",
      conversions: "10",
      revenue: "710",
      revenueCurrency: "EUR",
    },
    [["giftIds", alphaGift]],
  );
  await coverage(
    ids.alpha,
    { url: "https://instagram.com/p/alpha2", publishedOn: "2025-03-20", text: "Ma routine du matin avec ce sérum" },
    [["giftIds", alphaGift]],
  );

  // Bravo: gifts only: 42.00 EUR + 100.00 USD (= 90.00 EUR) + 50.00 CHF with no rate.
  ids.bravo = await partner("Bravo Blog", null);
  await gift(ids.bravo, "2025-03-03", 4200, "EUR");
  await gift(ids.bravo, "2025-03-04", 10000, "USD");
  await gift(ids.bravo, "2025-03-04", 5000, "CHF");

  // Charlie: a 1,000.00 USD placement (900.00 EUR), 500.00 USD paid (450.00 EUR), one paid video.
  ids.charlie = await partner("Charlie Vlog", "C-3");
  const charliePlacement = await placement(ids.charlie, "2025-03-02", 100000, "USD", "approved", [["2025-03-25", 50000]]);
  await coverage(
    ids.charlie,
    {
      url: "https://youtube.com/watch?v=charlie",
      platform: "youtube",
      publishedOn: "2025-03-28",
      text: "#publicité Collaboration commerciale avec la marque : ma vidéo",
      views: "5000",
      reach: "4000",
      likes: "200",
      comments: "50",
      revenue: "300",
      revenueCurrency: "USD",
    },
    [["placementIds", charliePlacement]],
  );

  // Delta is archived: left out of the ranking's default filter, but counted in the programme.
  ids.delta = await partner("Delta Archive", "D-4", true);
  await gift(ids.delta, "2025-03-07", 2000, "EUR");

  // Orders (issue 19), counted apart from the coverage's revenue: a shop with Alpha's order of
  // 120.00 EUR less a 20.00 refund in March (100.00), another in April (outside the period);
  // Bravo's 50.00 USD (45.00 EUR); Charlie's 80.00 CHF, with no rate (left out: unconverted 1);
  // one order that matched nobody. Alpha's link: 40 clicks on 12 March, 5 on 1 April.
  const shop = await db().shop.create({
    data: { platform: "shopify", name: "Metrics shop", domain: `metrics-${Date.now()}.myshopify.com` },
  });
  const order = (externalId: string, partnerId: string | null, on: string, totalMinor: number, currency: string) =>
    db().shopOrder.create({
      data: {
        shopId: shop.id,
        externalId,
        orderedAt: new Date(`${on}T10:00:00Z`),
        currency,
        totalMinor,
        status: "paid",
        source: "test",
        partnerId,
        attributedBy: partnerId ? "code" : null,
      },
    });
  const alphaOrder = await order("m-1", ids.alpha, "2025-03-14", 12000, "EUR");
  await db().orderAdjustment.create({
    data: { orderId: alphaOrder.id, externalId: "r-1", day: new Date("2025-03-20"), amountMinor: 2000 },
  });
  await order("m-2", ids.alpha, "2025-04-02", 9900, "EUR");
  await order("m-3", ids.bravo, "2025-03-10", 5000, "USD");
  await order("m-4", ids.charlie, "2025-03-11", 8000, "CHF");
  await order("m-5", null, "2025-03-12", 3000, "EUR");
  const alphaLink = await db().trackedLink.create({
    data: { code: "mtrcAbcd", partnerId: ids.alpha, destination: "https://shop.example.com/", createdById: cm.id },
  });
  await db().linkClickDay.createMany({
    data: [
      { linkId: alphaLink.id, day: new Date("2025-03-12"), clicks: 40 },
      { linkId: alphaLink.id, day: new Date("2025-04-01"), clicks: 5 },
    ],
  });

  // Echo: organic coverage, no cost, no disclosure needed.
  ids.echo = await partner("Echo Organic", null);
  await coverage(ids.echo, {
    url: "https://instagram.com/p/echo",
    publishedOn: "2025-03-08",
    text: "Mon avis sur ce sérum",
    impressions: "1000",
  });
});

const expectedCsv =
  [
    "partner,external_id,cost,gifts_cost,placements_cost,paid_to_date,coverage_count,impressions,engagements,clicks,conversions,revenue,emv,cpm,cpe,cpc,cpa,roas,roi,compliance_rate,unconverted,tracked_clicks,attributed_orders,attributed_revenue",
    // Alpha's counted figures: 40 clicks, 1 order, 120.00 − 20.00 refunded = 100.00 (April's are outside).
    "Alpha Beauté,A-1,355.00,55.00,300.00,100.00,2,20000,1000,250,10,710.00,325.00,17.7500,0.3550,1.4200,35.5000,2.0000,1.0000,0.5000,0,40,1,100.00",
    // Charlie's order is in CHF with no rate: counted as an order, its amount left out (unconverted 1).
    "Charlie Vlog,C-3,900.00,0.00,900.00,450.00,1,,250,,,270.00,25.00,,3.6000,,,0.3000,-0.7000,1.0000,1,,1,0.00",
    // Bravo: 50.00 USD × 0.90 = 45.00 EUR.
    "Bravo Blog,,132.00,132.00,0.00,0.00,0,,,,,,,,,,,,,,1,,1,45.00",
    // Echo cost nothing: CPM is 0 / 1000 × 1000 = 0 (the denominator is known and not 0).
    "Echo Organic,,0.00,0.00,0.00,0.00,1,1000,,,,,5.00,0.0000,,,,,,,0,,0,0.00",
  ].join("\r\n") + "\r\n";

describe("cost-benefit ranking", () => {
  it("exports the hand-checked CSV, best ROI first, unknown ratios empty", async () => {
    const response = await responseOf(() =>
      rankingExportRoute.loader(args(getRequest(`/reports/cost-benefit/export?${march}`, { cookie: viewer.cookie }))),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    expect((await response.text()).replace(/^\uFEFF/, "")).toBe(expectedCsv);
  });

  it("sorts by every ratio in SQL exactly as the metrics module orders them", async () => {
    const context = await metricsContext();
    const base = parseRankingQuery(new URLSearchParams(march), "2026-11-21");
    expect(base.problems).toEqual([]);
    for (const name of ratioNames) {
      for (const dir of ["asc", "desc"] as const) {
        const { rows } = await costBenefitRanking({ ...base.query, sort: name, dir, page: null }, context);
        const values = rows.map((row) => row.ratios[name]);
        const known = values.filter((v): v is number => v !== null);
        expect(known, `${name} ${dir}`).toEqual([...known].sort((a, b) => (dir === "asc" ? a - b : b - a)));
        expect(
          values.slice(known.length).every((v) => v === null),
          `${name} ${dir}: unknown last`,
        ).toBe(true);
        // The SQL value and the module's agree on which rows are unknown.
        for (const row of rows) expect(row.ratios[name] === null).toBe(costBenefit(row.sums, context.rates).ratios[name] === null);
      }
    }
    expect(Object.keys(ratioFormulas)).toEqual([...ratioNames]);
  });

  it("filters like the partner list and pages in SQL", async () => {
    const page = await (
      await responseOf(() => rankingRoute.loader(args(getRequest(`/reports/cost-benefit?${march}&q=vlog`, { cookie: viewer.cookie }))))
    ).json();
    expect(page.rows.map((r: { name: string }) => r.name)).toEqual(["Charlie Vlog"]);
    const archived = await (
      await responseOf(() => rankingRoute.loader(args(getRequest(`/reports/cost-benefit?${march}&archived=1`, { cookie: viewer.cookie }))))
    ).json();
    expect(archived.rows.map((r: { name: string; costMinor: number }) => [r.name, r.costMinor])).toEqual([["Delta Archive", 2000]]);
  });

  it("selects the same partners as the partner list for the same filters", async () => {
    for (const search of ["", "q=blog", "archived=1", "country=FR&stage=active", "followersMin=1", "kind=blogger&q=%25"]) {
      const query = PartnerListQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
      const viaSql = await db().$queryRaw<
        { id: string }[]
      >`SELECT pa."id" FROM "Partner" pa WHERE ${partnerListConditionsSql(query, Prisma.sql`pa`)} ORDER BY pa."id"`;
      const viaPrisma = await db().partner.findMany({
        where: { id: { in: (await db().partner.findMany({ select: { id: true } })).map((p) => p.id) } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const { listPartners } = await import("~/features/partners/partner-list.server");
      const listed = await listPartners({ ...query, page: 1, pageSize: 100 });
      expect(viaSql.map((r) => r.id).sort(), search).toEqual(listed.rows.map((r) => r.id).sort());
      expect(viaPrisma.length).toBeGreaterThanOrEqual(viaSql.length);
    }
  });

  it("rejects a period that ends before it starts, and shows an empty period as empty", async () => {
    const bad = await responseOf(() =>
      rankingRoute.loader(args(getRequest("/reports/cost-benefit?period=custom&from=2025-04-01&to=2025-03-01", { cookie: viewer.cookie }))),
    );
    expect(bad.status).toBe(400);
    const empty = await (
      await responseOf(() =>
        rankingRoute.loader(
          args(getRequest("/reports/cost-benefit?period=custom&from=2019-01-01&to=2019-01-31", { cookie: viewer.cookie })),
        ),
      )
    ).json();
    expect(empty.total).toBe(0);
    const partnerEmpty = await (
      await responseOf(() =>
        partnerRoute.loader(
          args(
            getRequest(`/partners/${ids.alpha}?tab=cost-benefit&period=custom&from=2019-01-01&to=2019-01-31`, { cookie: viewer.cookie }),
            { partnerId: ids.alpha },
          ),
        ),
      )
    ).json();
    expect(partnerEmpty.costBenefit.total.empty).toBe(true);
    const partnerBad = await responseOf(() =>
      partnerRoute.loader(
        args(getRequest(`/partners/${ids.alpha}?tab=cost-benefit&period=custom&from=2025-04-01&to=2025-03-01`, { cookie: viewer.cookie }), {
          partnerId: ids.alpha,
        }),
      ),
    );
    expect(partnerBad.status).toBe(400);
  });

  it("asks for a session before showing any figure", async () => {
    const anonymous = await responseOf(() => rankingExportRoute.loader(args(getRequest(`/reports/cost-benefit/export?${march}`))));
    expect(anonymous.status).toBe(302);
  });
});

describe("partner panel", () => {
  it("totals all of the partner's cost and benefit for the period, month by month", async () => {
    const data = await (
      await responseOf(() =>
        partnerRoute.loader(
          args(getRequest(`/partners/${ids.charlie}?tab=cost-benefit&${march}`, { cookie: viewer.cookie }), { partnerId: ids.charlie }),
        ),
      )
    ).json();
    const { total, months } = data.costBenefit;
    expect(total.costMinor).toBe(90000);
    expect(total.sums).toMatchObject({
      paidMinor: 45000,
      revenueMinor: 27000,
      coverageCount: 1,
      disclosureRequired: 1,
      disclosureCompliant: 1,
      // Charlie's CHF order has no rate: counted, its amount left out.
      unconverted: 1,
      orderCount: 1,
      orderRevenueMinor: 0,
    });
    expect(total.ratios.roi).toBeCloseTo(-0.7, 10);
    expect(months).toEqual([{ month: "2025-03", costMinor: 90000, revenueMinor: 27000, emvMinor: 2500 }]);
  });
});

describe("monthly report", () => {
  it("sets the month against the month before and a year earlier, in CSV", async () => {
    const response = await responseOf(() =>
      monthlyExportRoute.loader(args(getRequest("/reports/monthly/export?month=2025-03", { cookie: viewer.cookie }))),
    );
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("section,item,2025-03,2025-02,2024-03");
    expect(lines).toContain("period,from,2025-03-01,2025-02-01,2024-03-01");
    expect(lines).toContain("period,to,2025-03-31,2025-02-28,2024-03-31");
    // 355.00 + 132.00 + 900.00 + 20.00 (archived partners count in the programme); February: the 100.00 gift.
    expect(lines).toContain("kpi,cost,1407.00,100.00,0.00");
    expect(lines).toContain("kpi,coverage_count,4,0,0");
    expect(lines).toContain("kpi,revenue,980.00,,");
    // Bravo's CHF gift and Charlie's CHF order.
    expect(lines).toContain("kpi,unconverted,2,0,0");
    // Counted by the app: Alpha's 40 clicks; the orders of Alpha, Bravo and Charlie (the unmatched
    // one counts for nobody), 100.00 + 45.00 + Charlie's CHF left out = 145.00; none in February.
    expect(lines).toContain("kpi,tracked_clicks,40,,");
    expect(lines).toContain("kpi,attributed_orders,3,0,0");
    expect(lines).toContain("kpi,attributed_revenue,145.00,0.00,0.00");
    expect(lines).toContain("disclosure,FR.checked,4,,");
    expect(lines).toContain("disclosure,FR.compliant,2,,");
    expect(lines).toContain("disclosure,FR.missing,1,,");
  });

  it("compares a month under way with the same days of earlier months, and says so in the CSV", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const month = today.slice(0, 7);
    const response = await responseOf(() =>
      monthlyExportRoute.loader(args(getRequest(`/reports/monthly/export?month=${month}`, { cookie: viewer.cookie }))),
    );
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    const to = lines.find((line) => line.startsWith("period,to,"))!.split(",");
    expect(to[2]).toBe(today);
    // The same day number in the month before and a year earlier, or that month's last day if it is shorter.
    const sameDay = (monthsBack: number) => {
      const first = new Date(`${month}-01T00:00:00Z`);
      first.setUTCMonth(first.getUTCMonth() - monthsBack);
      const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      return `${first.toISOString().slice(0, 8)}${String(Math.min(length, Number(today.slice(8)))).padStart(2, "0")}`;
    };
    expect([to[3], to[4]]).toEqual([sameDay(1), sameDay(12)]);
  });

  it("downloads as a PDF made on the server", async () => {
    const response = await responseOf(() =>
      monthlyPdfRoute.loader(args(getRequest("/reports/monthly/pdf?month=2025-03", { cookie: viewer.cookie }))),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);
    const bad = await responseOf(() =>
      monthlyPdfRoute.loader(args(getRequest("/reports/monthly/pdf?month=2025-13", { cookie: viewer.cookie }))),
    );
    expect(bad.status).toBe(400);
  });
});

describe("dashboard", () => {
  it("shows each role its own panels", async () => {
    const forCm = await (await responseOf(() => dashboardRoute.loader(args(getRequest("/", { cookie: cm.cookie }))))).json();
    expect(forCm.cm).not.toBeNull();
    expect(forCm.marketing).toBeNull();
    expect(forCm.compliance).toBeNull();
    const forViewer = await (await responseOf(() => dashboardRoute.loader(args(getRequest("/", { cookie: viewer.cookie }))))).json();
    expect([forViewer.cm, forViewer.marketing, forViewer.compliance]).toEqual([null, null, null]);
  });
});

describe("best and below break-even partners", () => {
  it("lists only partners that pay as best, and only those below break-even as weakest", async () => {
    const context = await metricsContext();
    const { best, worst } = await bestAndBelowBreakEven({ from: "2025-03-01", to: "2025-03-31" }, context, 3);
    // Alpha (ROI 1.0) and Charlie (ROI −0.7) are the two partners with cost and revenue in March.
    expect(best.map((row) => row.name)).toEqual(["Alpha Beauté"]);
    expect(worst.map((row) => row.name)).toEqual(["Charlie Vlog"]);
    const alone = await bestAndBelowBreakEven({ from: "2025-03-01", to: "2025-03-31", partnerId: ids.alpha }, context, 3);
    expect([alone.best.length, alone.worst.length]).toEqual([1, 0]);
    // Charlie alone is below break-even: he is never listed among the best, even as the only one.
    const charlie = await bestAndBelowBreakEven({ from: "2025-03-01", to: "2025-03-31", partnerId: ids.charlie }, context, 3);
    expect([charlie.best.length, charlie.worst.map((row) => row.name)]).toEqual([0, ["Charlie Vlog"]]);
  });

  it("takes the dashboard's lists over the ranking's own default period", async () => {
    const dashboard = await (await responseOf(() => dashboardRoute.loader(args(getRequest("/", { cookie: marketing.cookie }))))).json();
    const ranking = parseRankingQuery(new URLSearchParams(), isoDay(todayUtc())).query;
    expect([dashboard.marketing.period.from, dashboard.marketing.period.to]).toEqual([ranking.from, ranking.to]);
    for (const row of dashboard.marketing.worst) expect(row.ratios.roi).toBeLessThan(0);
    for (const row of dashboard.marketing.best) expect(row.ratios.roi).toBeGreaterThanOrEqual(0);
  });
});
