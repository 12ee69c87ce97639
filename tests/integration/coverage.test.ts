import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as coverageNewRoute from "~/routes/coverage.new";
import * as coverageRoute from "~/routes/coverage.$coverageId._index";
import * as coverageEditRoute from "~/routes/coverage.$coverageId.edit";
import * as queueRoute from "~/routes/compliance._index";
import * as rulesRoute from "~/routes/compliance.rules.$jurisdiction";
import * as summaryExportRoute from "~/routes/compliance.summary.export";
import { defaultFolds } from "~/features/compliance/disclosure/rules";
import { disclosurePlatforms } from "~/shared/disclosure-terms";
import { partnerDisclosureRecord } from "~/features/compliance/disclosure-counts.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, getRequest, responseOf } from "../setup/fixtures";
import { finishedJob, jobIdFrom, startTestJobQueue, stopJobQueue } from "../setup/jobs";

type Actor = { id: string; cookie: string };
let cm: Actor, compliance: Actor, viewer: Actor;

async function actor(role: "manager" | "compliance" | "viewer") {
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

async function partner(name: string) {
  return (await db().partner.create({ data: { name, kind: "influencer", stage: "active", country: "FR", searchText: name.toLowerCase() } }))
    .id;
}

async function shippedGift(partnerId: string) {
  return (
    await db().gift.create({
      data: {
        partnerId,
        itemName: "Sérum",
        quantity: 1,
        unitCostMinor: 2500,
        currency: "EUR",
        status: "shipped",
        shippedOn: new Date("2026-03-01"),
      },
    })
  ).id;
}

const baseFields = (partnerId: string, extra: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    partnerId,
    url: "https://instagram.com/p/abc",
    platform: "instagram",
    publishedOn: "2026-03-10",
    text: "Ma routine du soir avec ce sérum ✨",
    paidOverride: "auto",
    giftedOverride: "auto",
    affiliateOverride: "auto",
    ...extra,
  });

const create = (fields: [string, string][], cookie = cm.cookie) =>
  responseOf(() => coverageNewRoute.action(args(post("/coverage/new", fields, cookie))));
const onItem = (id: string, fields: [string, string][], cookie: string) =>
  responseOf(() => coverageRoute.action(args(post(`/coverage/${id}`, fields, cookie), { coverageId: id })));
const latestItem = (partnerId: string) =>
  db().coverageItem.findFirstOrThrow({
    where: { partnerId },
    orderBy: { createdAt: "desc" },
    include: { checks: { where: { current: true } } },
  });

beforeAll(async () => {
  await startTestJobQueue();
  [cm, compliance, viewer] = [await actor("manager"), await actor("compliance"), await actor("viewer")];
  await db().workspaceSettings.update({ where: { id: 1 }, data: { defaultJurisdiction: "FR" } });
});

afterAll(() => stopJobQueue());

describe("coverage", () => {
  it("derives gifted from the linked gift, checks under the workspace default and queues a missing disclosure", async () => {
    const partnerId = await partner("Léa Gifted");
    const giftId = await shippedGift(partnerId);
    const response = await create([...baseFields(partnerId, { impressions: "12 000", likes: "" }), ["giftIds", giftId]]);
    expect(response.status).toBe(302);
    const item = await latestItem(partnerId);
    expect(item).toMatchObject({ gifted: true, paid: false, affiliate: false, impressions: 12000, likes: null, reach: null });
    expect(item.checks).toHaveLength(1);
    expect(item.checks[0]).toMatchObject({
      jurisdiction: "FR",
      jurisdictionSource: "default",
      verdict: "missing",
      reasons: ["NO_DISCLOSURE"],
      ruleSetVersion: 1,
      needsReview: true,
    });
    expect(await db().coverageMetrics.count({ where: { coverageItemId: item.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityType: "CoverageItem", entityId: item.id, action: "coverage.create" } })).toBe(1);

    const queue = await (
      await responseOf(() => queueRoute.loader(args(getRequest(`/compliance?partnerId=${partnerId}`, { cookie: compliance.cookie }))))
    ).json();
    expect(queue.rows.map((r: { coverageItem: { id: string } }) => r.coverageItem.id)).toEqual([item.id]);
  });

  it("stores markers with code-point positions across emoji and right-to-left marks", async () => {
    const partnerId = await partner("Emoji Partner");
    const text = "\u200f😀😀 #publicité Ma routine";
    await create(baseFields(partnerId, { text, giftedOverride: "yes", overrideReason: "Voyage de presse payé hors outil" }));
    const item = await latestItem(partnerId);
    expect(item).toMatchObject({ gifted: true, giftedOverride: true, overrideReason: "Voyage de presse payé hors outil" });
    expect(item.checks[0].verdict).toBe("compliant");
    expect(item.checks[0].markers).toEqual([
      expect.objectContaining({ text: "#publicité", index: 4, length: 10, kind: "accepted", prominent: true }),
    ]);
    expect(Array.from(text).slice(4, 14).join("")).toBe("#publicité");
  });

  it("refuses bad input with 400 and writes nothing", async () => {
    const partnerId = await partner("Bad Input");
    const bad: Record<string, string>[] = [
      { url: "javascript:alert(1)" },
      { platform: "myspace" },
      { publishedOn: "2026-02-30" },
      { impressions: "-5" },
      { revenue: "10" },
      { giftedOverride: "yes" },
      { text: "" },
      { jurisdiction: "GB" },
    ];
    for (const extra of bad) expect((await create(baseFields(partnerId, extra))).status, JSON.stringify(extra)).toBe(400);
    expect(await db().coverageItem.count({ where: { partnerId } })).toBe(0);
  });

  it("keeps viewers and compliance from writing coverage", async () => {
    const partnerId = await partner("Read Only");
    expect((await create(baseFields(partnerId), viewer.cookie)).status).toBe(403);
    expect((await create(baseFields(partnerId), compliance.cookie)).status).toBe(403);
  });

  it("checks a 100,000-character text quickly", async () => {
    const partnerId = await partner("Long Text");
    const text = `${"Un très long article sur la cosmétique naturelle. ".repeat(2000).slice(0, 99_980)} #publicité`;
    const started = performance.now();
    expect(
      (await create(baseFields(partnerId, { text, platform: "blog", giftedOverride: "yes", overrideReason: "Produit offert" }))).status,
    ).toBe(302);
    expect(performance.now() - started).toBeLessThan(3000);
    const item = await latestItem(partnerId);
    expect(item.checks[0]).toMatchObject({ verdict: "insufficient", reasons: ["MARKER_AFTER_FOLD"] });
  });

  it("keeps every metrics update and shows the latest", async () => {
    const partnerId = await partner("Metrics Partner");
    await create(baseFields(partnerId, { impressions: "1000" }));
    const item = await latestItem(partnerId);
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "metrics"],
            ["formId", "metrics"],
            ["measuredOn", "2026-03-20"],
            ["impressions", "5000"],
            ["clicks", "40"],
          ],
          cm.cookie,
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "metrics"],
            ["formId", "metrics"],
            ["measuredOn", "2026-03-15"],
            ["impressions", "3000"],
          ],
          cm.cookie,
        )
      ).status,
    ).toBe(302);
    const after = await db().coverageItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(after).toMatchObject({ impressions: 5000, clicks: 40, likes: null });
    expect(await db().coverageMetrics.count({ where: { coverageItemId: item.id } })).toBe(3);
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "metrics"],
            ["formId", "metrics"],
            ["measuredOn", "2026-03-20"],
          ],
          cm.cookie,
        )
      ).status,
    ).toBe(400);
  });
});

describe("compliance reviews", () => {
  it("confirms an issue, which leaves the queue and stays open on the partner's record", async () => {
    const partnerId = await partner("Confirmed");
    await create(baseFields(partnerId, { giftIds: await shippedGift(partnerId) }));
    const item = await latestItem(partnerId);
    const checkId = item.checks[0].id;
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "review"],
            ["formId", `review-${checkId}`],
            ["checkId", checkId],
            ["decision", "confirmed_issue"],
            ["note", "Relancer la partenaire"],
          ],
          cm.cookie,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "review"],
            ["formId", `review-${checkId}`],
            ["checkId", checkId],
            ["decision", "confirmed_issue"],
            ["note", "Relancer la partenaire"],
          ],
          compliance.cookie,
        )
      ).status,
    ).toBe(302);
    const check = await db().disclosureCheck.findUniqueOrThrow({ where: { id: checkId } });
    expect(check).toMatchObject({ needsReview: false, reviewDecision: "confirmed_issue", current: true });
    expect(await db().disclosureReview.findFirst({ where: { checkId } })).toMatchObject({
      decision: "confirmed_issue",
      note: "Relancer la partenaire",
      reviewerId: compliance.id,
    });
    expect(await partnerDisclosureRecord(partnerId)).toMatchObject({ needed: 1, compliant: 0, awaitingReview: 0, confirmedIssues: 1 });
    // A second decision on the same check is refused.
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "review"],
            ["formId", "x"],
            ["checkId", checkId],
            ["decision", "false_positive"],
            ["note", "oops"],
          ],
          compliance.cookie,
        )
      ).status,
    ).toBe(409);
  });

  it("needs a reason for a false positive", async () => {
    const partnerId = await partner("False Positive");
    await create(baseFields(partnerId, { giftIds: await shippedGift(partnerId) }));
    const item = await latestItem(partnerId);
    const checkId = item.checks[0].id;
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "review"],
            ["formId", "f"],
            ["checkId", checkId],
            ["decision", "false_positive"],
            ["note", " "],
          ],
          compliance.cookie,
        )
      ).status,
    ).toBe(400);
    expect(await db().disclosureReview.count({ where: { checkId } })).toBe(0);
    expect(
      (
        await onItem(
          item.id,
          [
            ["intent", "review"],
            ["formId", "f"],
            ["checkId", checkId],
            ["decision", "false_positive"],
            ["note", "Le cadeau a été retourné sans publication liée"],
          ],
          compliance.cookie,
        )
      ).status,
    ).toBe(302);
    expect(await partnerDisclosureRecord(partnerId)).toMatchObject({ awaitingReview: 0, confirmedIssues: 0 });
  });

  it("accepts 'fixed by partner' only when the corrected text passes", async () => {
    const partnerId = await partner("Fixed");
    await create(baseFields(partnerId, { giftIds: await shippedGift(partnerId) }));
    const item = await latestItem(partnerId);
    const checkId = item.checks[0].id;
    const fix = (newText: string) =>
      onItem(
        item.id,
        [
          ["intent", "review"],
          ["formId", "fix"],
          ["checkId", checkId],
          ["decision", "fixed_by_partner"],
          ["newText", newText],
        ],
        compliance.cookie,
      );
    expect((await fix("Ma routine #collab")).status).toBe(422);
    expect((await db().coverageItem.findUniqueOrThrow({ where: { id: item.id } })).text).toBe(item.text);
    expect((await fix("Publicité — ma routine du soir avec ce sérum")).status).toBe(302);
    const after = await latestItem(partnerId);
    expect(after.text).toBe("Publicité — ma routine du soir avec ce sérum");
    expect(after.checks[0]).toMatchObject({ verdict: "compliant", supersedesId: checkId, needsReview: false });
    expect(await db().disclosureCheck.findUniqueOrThrow({ where: { id: checkId } })).toMatchObject({
      current: false,
      reviewDecision: "fixed_by_partner",
      verdict: "missing",
    });
    expect(await partnerDisclosureRecord(partnerId)).toMatchObject({ needed: 1, compliant: 1, awaitingReview: 0 });
  });

  it("checks under the campaign's jurisdictions when the campaign names them", async () => {
    const partnerId = await partner("Two Jurisdictions");
    const campaign = await db().campaign.create({ data: { name: `US+UK ${Date.now()}`, jurisdictions: ["US", "UK"] } });
    await create(baseFields(partnerId, { campaignId: campaign.id, text: "Loving this serum! #ad", giftIds: await shippedGift(partnerId) }));
    const item = await latestItem(partnerId);
    expect(item.checks.map((c) => [c.jurisdiction, c.jurisdictionSource, c.verdict]).sort()).toEqual([
      ["UK", "campaign", "compliant"],
      ["US", "campaign", "compliant"],
    ]);
    // Moving it to FR by hand replaces both checks with one FR check.
    const edit = await responseOf(() =>
      coverageEditRoute.action(
        args(
          post(
            `/coverage/${item.id}/edit`,
            [
              ...baseFields(partnerId, {
                campaignId: campaign.id,
                text: "Loving this serum! #ad",
                jurisdiction: "FR",
                giftedOverride: "yes",
                overrideReason: "gift",
              }),
            ],
            cm.cookie,
          ),
          { coverageId: item.id },
        ),
      ),
    );
    expect(edit.status).toBe(302);
    const after = await latestItem(partnerId);
    expect(after.checks.map((c) => [c.jurisdiction, c.jurisdictionSource, c.verdict, c.reasons])).toEqual([
      ["FR", "item", "insufficient", ["WEAK_MARKER"]],
    ]);
  });
});

describe("rule-set versions", () => {
  const ruleFields = (overrides: Record<string, string>): [string, string][] =>
    Object.entries({
      baseVersion: "1",
      accepted: "Werbung\nAnzeige\nbezahlte Werbepartnerschaft",
      weak: "ad\nsponsored\nsponsored by\npowered by\nkooperation\nin kooperation mit\npartnerschaft",
      acceptedWhenOnlyGifted: "",
      platformLabelAlone: "on",
      retouched: "",
      virtual: "",
      ...Object.fromEntries(disclosurePlatforms.map((p) => [`fold_${p}`, String(defaultFolds[p])])),
      ...overrides,
    });

  it("saves a new version, and a re-check shows what changed without rewriting decisions", async () => {
    const partnerId = await partner("Rules Partner");
    const campaign = await db().campaign.create({ data: { name: `DE ${Date.now()}`, jurisdictions: ["DE"] } });
    await create(
      baseFields(partnerId, { campaignId: campaign.id, text: "Mein Abendritual #unbezahlt", giftIds: await shippedGift(partnerId) }),
    );
    const item = await latestItem(partnerId);
    const first = item.checks[0];
    expect(first).toMatchObject({ jurisdiction: "DE", verdict: "missing" });
    await onItem(
      item.id,
      [
        ["intent", "review"],
        ["formId", "r"],
        ["checkId", first.id],
        ["decision", "false_positive"],
        ["note", "Kein Geschenk"],
      ],
      compliance.cookie,
    );

    const save = (fields: [string, string][], cookie = compliance.cookie) =>
      responseOf(() => rulesRoute.action(args(post("/compliance/rules/DE", fields, cookie), { jurisdiction: "DE" })));
    expect((await save(ruleFields({ accepted: "Werbung\nAnzeige\nbezahlte Werbepartnerschaft\nunbezahlt" }), cm.cookie)).status).toBe(403);
    // A save that changes nothing says so and writes no version.
    const unchanged = await save(ruleFields({ accepted: "werbung\nanzeige\nbezahlte werbepartnerschaft" }));
    expect(unchanged.status).toBe(302);
    expect(await db().disclosureRuleSet.count({ where: { jurisdiction: "DE" } })).toBe(0);
    expect((await save(ruleFields({ accepted: "" }))).status).toBe(400);
    expect((await save(ruleFields({ weak: "Werbung" }))).status).toBe(400);
    expect((await save(ruleFields({ accepted: "Werbung\nAnzeige\nbezahlte Werbepartnerschaft\nunbezahlt" }))).status).toBe(302);
    // Saving from the old version again is a conflict, not a silent overwrite.
    expect((await save(ruleFields({ accepted: "Werbung" }))).status).toBe(409);
    const version = await db().disclosureRuleSet.findFirstOrThrow({ where: { jurisdiction: "DE" }, orderBy: { version: "desc" } });
    expect(version.version).toBe(2);
    // Nothing is re-checked until someone asks.
    expect((await db().disclosureCheck.findUniqueOrThrow({ where: { id: first.id } })).current).toBe(true);

    const recheck = await responseOf(() =>
      rulesRoute.action(args(post("/compliance/rules/DE", [["intent", "recheck"]], compliance.cookie), { jurisdiction: "DE" })),
    );
    expect(recheck.status).toBe(302);
    // It runs on the job queue; its page follows it.
    const job = await finishedJob(jobIdFrom(recheck));
    expect(job).toMatchObject({ status: "succeeded", kind: "disclosure.recheck" });
    expect(job.done).toBe(job.total);
    const run = await db().disclosureRecheck.findFirstOrThrow({ where: { jurisdiction: "DE" }, orderBy: { createdAt: "desc" } });
    expect(job.result).toEqual({ recheckId: run.id, checked: run.checked, changed: run.changed });
    expect(run).toMatchObject({ toVersion: 2 });
    expect(run.changed).toBeGreaterThanOrEqual(1);
    const old = await db().disclosureCheck.findUniqueOrThrow({ where: { id: first.id } });
    expect(old).toMatchObject({ current: false, verdict: "missing", reviewDecision: "false_positive", ruleSetVersion: 1 });
    const now = (await latestItem(partnerId)).checks[0];
    expect(now).toMatchObject({ verdict: "compliant", ruleSetVersion: 2, supersedesId: first.id, recheckId: run.id });
    expect(await db().disclosureReview.count({ where: { checkId: first.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "disclosure.recheck", entityId: run.id } })).toBe(1);
    // Back to version-1 behaviour for the other tests.
    await db().disclosureCheck.deleteMany({ where: { jurisdiction: "DE", recheckId: { not: null } } });
    await db().disclosureRuleSet.deleteMany({ where: { jurisdiction: "DE" } });
  });
});

describe("monthly compliance summary", () => {
  it("exports counts by jurisdiction and partner as CSV, and refuses a bad month", async () => {
    const partnerId = await partner("Summary Partner");
    await create(baseFields(partnerId, { publishedOn: "2025-07-03", giftIds: await shippedGift(partnerId) }));
    await create(
      baseFields(partnerId, { publishedOn: "2025-07-09", text: "Publicité : ma routine", giftIds: await shippedGift(partnerId) }),
    );
    await create(baseFields(partnerId, { publishedOn: "2025-07-20", text: "Rien à signaler" }));
    const response = await responseOf(() =>
      summaryExportRoute.loader(args(getRequest("/compliance/summary/export?month=2025-07", { cookie: viewer.cookie }))),
    );
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("scope,key,name,checked,compliant,insufficient,missing,not_required,awaiting_review,confirmed_issues");
    expect(lines).toContain("jurisdiction,FR,FR,3,1,0,1,1,1,0");
    expect(lines).toContain(`partner,${partnerId},Summary Partner,3,1,0,1,1,1,0`);
    expect(lines.at(-1)).toBe("total,,,3,1,0,1,1,1,0");
    expect(
      (
        await responseOf(() =>
          summaryExportRoute.loader(args(getRequest("/compliance/summary/export?month=2025-13", { cookie: viewer.cookie }))),
        )
      ).status,
    ).toBe(400);
  });
});

describe("coverage import", () => {
  it("imports rows with multi-line text, keeps unknown metrics unknown, names bad lines, and adds nothing the second time", async () => {
    const partnerId = await partner("Import Partner");
    await db().partner.update({ where: { id: partnerId }, data: { externalId: `imp-${partnerId}` } });
    const key = `imp-${partnerId}`;
    const csv = [
      "partner;campaign;url;platform;published_on;text;impressions;reach;views;likes;comments;shares;saves;clicks;conversions;revenue;revenue_currency;jurisdiction;paid;gifted;affiliate;platform_label",
      `${key};;https://blog.example.fr/serum;blog;12/03/2026;"Publicité\nMa routine du soir\n\navec ce sérum";12 500;;;340;;;;;;;;;non;oui;;`,
      `${key};;https://instagram.com/p/x;Instagram;2026-03-14;"Loving it #ad";;;;;;;;;;19,90;eur;GB;yes;;;no`,
      `${key};;javascript:alert(1);instagram;2026-03-14;"x";;;;;;;;;;;;;;;;`,
      `${key};;https://instagram.com/p/y;myspace;2026-03-14;"x";-3;;;;;;;;;;;XX;;peut-être;;`,
      `nobody;;https://instagram.com/p/z;instagram;2026-03-14;"x";;;;;;;;;;;;;;;;`,
    ].join("\r\n");
    const { parseCsv } = await import("~/shared/csv");
    const { runImport } = await import("~/features/imports/imports.server");
    const first = await runImport("coverage", { id: cm.id, mayApprove: false }, parseCsv(csv));
    expect(first).toMatchObject({ rowCount: 5, created: 2, unchanged: 0, rejected: 3 });
    const columns = first.errors.map((e) => `${e.line}:${e.column}`);
    // Lines are the file's lines: the first row's text spans lines 2 to 5.
    expect(columns.sort()).toEqual(["7:url", "8:gifted", "8:impressions", "8:jurisdiction", "8:platform", "9:partner"]);
    const items = await db().coverageItem.findMany({
      where: { partnerId },
      orderBy: { publishedOn: "asc" },
      include: { checks: { where: { current: true } } },
    });
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      text: "Publicité\nMa routine du soir\n\navec ce sérum",
      impressions: 12500,
      reach: null,
      likes: 340,
      paid: false,
      gifted: true,
      overrideReason: "CSV import",
    });
    expect(items[0].checks.map((c) => [c.jurisdiction, c.verdict])).toEqual([["FR", "compliant"]]);
    expect(items[1]).toMatchObject({
      platform: "instagram",
      paid: true,
      revenueMinor: 1990,
      revenueCurrency: "EUR",
      jurisdiction: "UK",
      platformLabel: false,
    });
    expect(items[1].checks.map((c) => [c.jurisdiction, c.verdict])).toEqual([["UK", "compliant"]]);
    const again = await runImport("coverage", { id: cm.id, mayApprove: false }, parseCsv(csv));
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
    expect(await db().coverageItem.count({ where: { partnerId } })).toBe(2);
  });
});
