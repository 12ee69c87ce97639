/**
 * Every portal route, called with partner A's portal session and partner B's ids: nothing of B is
 * shown and nothing of B changes. A new portal route fails the first test until it is added here.
 */
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import * as indexRoute from "~/routes/portal._index";
import * as agreementRoute from "~/routes/portal.agreements.$agreementId";
import * as agreementPdfRoute from "~/routes/portal.agreements.$agreementId.pdf";
import * as submissionRoute from "~/routes/portal.content.$submissionId";
import * as newDraftRoute from "~/routes/portal.content.new";
import * as fileRoute from "~/routes/portal.files.$fileId";
import * as invoicesRoute from "~/routes/portal.invoices";
import { textHash } from "~/features/spend/agreements.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { MINIMAL_PDF, multipartRequest, openPortal, portalTokenFor, TINY_PNG } from "../setup/portal";

let cookieA = "";
const b = { partnerId: "", name: "Beatrix Other", offerId: "", placementId: "", giftId: "", submissionId: "", fileId: "", agreementId: "" };

beforeAll(async () => {
  const cm = await createTestUser("manager");
  const staffCookie = await cookieFor(cm.id);
  const a = await db().partner.create({ data: { name: "Alice Own", kind: "influencer", stage: "active" } });
  const partnerB = await db().partner.create({ data: { name: b.name, kind: "blogger", stage: "active" } });
  b.partnerId = partnerB.id;
  const placement = (status: "proposed" | "approved", title: string) =>
    db().placement.create({
      data: { partnerId: partnerB.id, title, feeMinor: 10_000, currency: "EUR", status, agreedOn: new Date("2026-11-01") },
    });
  b.offerId = (await placement("proposed", "Beatrix offer")).id;
  b.placementId = (await placement("approved", "Beatrix placement")).id;
  b.giftId = (
    await db().gift.create({
      data: { partnerId: partnerB.id, itemName: "Beatrix gift", quantity: 1, unitCostMinor: 1_000, currency: "EUR" },
    })
  ).id;
  const submission = await db().contentSubmission.create({
    data: {
      partnerId: partnerB.id,
      placementId: b.placementId,
      platform: "blog",
      status: "approved",
      approvedVersion: 1,
      versions: {
        create: {
          number: 1,
          text: "Beatrix draft text",
          plannedOn: new Date("2026-12-01"),
          checks: { flags: {}, results: [] },
          compliant: true,
        },
      },
    },
    include: { versions: true },
  });
  b.submissionId = submission.id;
  b.fileId = (
    await db().portalFile.create({
      data: {
        partnerId: partnerB.id,
        purpose: "draft_media",
        fileName: "beatrix.png",
        contentType: "image/png",
        byteSize: TINY_PNG.length,
        sha256: "x",
        data: Buffer.from(TINY_PNG),
        contentVersionId: submission.versions[0].id,
      },
    })
  ).id;
  b.agreementId = (
    await db().agreement.create({
      data: {
        partnerId: partnerB.id,
        year: 2026,
        language: "fr",
        templateVersion: 1,
        text: "Beatrix agreement",
        textHash: textHash("Beatrix agreement"),
        createdById: cm.id,
      },
    })
  ).id;
  cookieA = await openPortal(await portalTokenFor(a.id, staffCookie));
});

const cookie = () => cookieA;
const calls: Record<string, () => Promise<Response>[]> = {
  "portal._index": () => [
    responseOf(() =>
      indexRoute.action(
        args(formRequest(`/portal?index&offer=${b.offerId}`, { formId: `offer-${b.offerId}`, answer: "accepted" }, { cookie: cookie() })),
      ),
    ),
    responseOf(() =>
      indexRoute.action(
        args(
          formRequest(
            `/portal?index&gift=${b.giftId}`,
            { formId: `address-${b.giftId}`, address: "1 rue de la Paix, 75002 Paris" },
            { cookie: cookie() },
          ),
        ),
      ),
    ),
  ],
  "portal.agreements.$agreementId": () => [
    responseOf(() =>
      agreementRoute.loader(args(getRequest(`/portal/agreements/${b.agreementId}`, { cookie: cookie() }), { agreementId: b.agreementId })),
    ),
    responseOf(() =>
      agreementRoute.action(
        args(
          formRequest(
            `/portal/agreements/${b.agreementId}`,
            { formId: "sign", signerName: "Alice Own", consent: "on" },
            { cookie: cookie() },
          ),
          {
            agreementId: b.agreementId,
          },
        ),
      ),
    ),
  ],
  "portal.agreements.$agreementId.pdf": () => [
    responseOf(() =>
      agreementPdfRoute.loader(
        args(getRequest(`/portal/agreements/${b.agreementId}/pdf`, { cookie: cookie() }), { agreementId: b.agreementId }),
      ),
    ),
  ],
  "portal.content.$submissionId": () => [
    responseOf(() =>
      submissionRoute.loader(args(getRequest(`/portal/content/${b.submissionId}`, { cookie: cookie() }), { submissionId: b.submissionId })),
    ),
    responseOf(() =>
      submissionRoute.action(
        args(
          multipartRequest(
            `/portal/content/${b.submissionId}?step=version`,
            { formId: "content-version", platform: "blog", plannedOn: "2026-12-02", text: "Publicité : x" },
            cookie(),
          ),
          { submissionId: b.submissionId },
        ),
      ),
    ),
    responseOf(() =>
      submissionRoute.action(
        args(
          multipartRequest(
            `/portal/content/${b.submissionId}?step=published`,
            { formId: "published-post", url: "https://example.com/post", publishedOn: "2026-12-02", text: "x" },
            cookie(),
          ),
          { submissionId: b.submissionId },
        ),
      ),
    ),
  ],
  "portal.content.new": () => [
    responseOf(() =>
      newDraftRoute.action(
        args(
          multipartRequest(
            "/portal/content/new",
            {
              formId: "content-draft",
              target: `placement:${b.placementId}`,
              platform: "blog",
              plannedOn: "2026-12-02",
              text: "Publicité : x",
            },
            cookie(),
          ),
        ),
      ),
    ),
  ],
  "portal.files.$fileId": () => [
    responseOf(() => fileRoute.loader(args(getRequest(`/portal/files/${b.fileId}`, { cookie: cookie() }), { fileId: b.fileId }))),
  ],
  "portal.invoices": () => [
    responseOf(() =>
      invoicesRoute.action(
        args(
          multipartRequest(
            `/portal/invoices?placement=${b.placementId}`,
            {
              formId: `invoice-${b.placementId}`,
              legalIdKind: "siret",
              legalId: "73282932000074",
              invoice: new File([MINIMAL_PDF], "f.pdf", { type: "application/pdf" }),
            },
            cookie(),
          ),
        ),
      ),
    ),
  ],
  // These two read no partner's records: leaving ends one's own visit; "ended" is a static page.
  "portal.leave": () => [],
  "portal.ended": () => [],
};

describe("partner A's portal session and partner B's ids", () => {
  it("covers every portal route", () => {
    const routes = readdirSync("app/routes")
      .filter((file) => file.startsWith("portal."))
      .map((file) => file.replace(/\.tsx?$/, ""));
    expect(routes.sort()).toEqual(Object.keys(calls).sort());
  });

  it("gets nothing of B and changes nothing of B", async () => {
    const before = JSON.stringify(
      await db().partner.findUniqueOrThrow({
        where: { id: b.partnerId },
        include: {
          placements: true,
          gifts: { include: { address: true } },
          submissions: { include: { versions: true } },
          agreements: true,
          invoices: true,
        },
      }),
    );
    for (const [route, make] of Object.entries(calls)) {
      for (const response of await Promise.all(make())) {
        expect([404, 422], `${route} answered ${response.status}`).toContain(response.status);
        const text = await response.text();
        expect(text, route).not.toContain("Beatrix");
      }
    }
    const page = await responseOf(() => indexRoute.loader(args(getRequest("/portal", { cookie: cookie() }))));
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("Beatrix");
    const after = JSON.stringify(
      await db().partner.findUniqueOrThrow({
        where: { id: b.partnerId },
        include: {
          placements: true,
          gifts: { include: { address: true } },
          submissions: { include: { versions: true } },
          agreements: true,
          invoices: true,
        },
      }),
    );
    expect(after).toBe(before);
    expect(await db().portalFile.count({ where: { partnerId: { not: b.partnerId } } })).toBe(0);
  });
});
