import { beforeAll, describe, expect, it } from "vitest";
import * as staffPdfRoute from "~/routes/agreements.$agreementId.pdf";
import * as giftRoute from "~/routes/gifts.$giftId";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as placementRoute from "~/routes/placements.$placementId";
import * as signRoute from "~/routes/portal.agreements.$agreementId";
import * as portalPdfRoute from "~/routes/portal.agreements.$agreementId.pdf";
import * as invoiceRoute from "~/routes/portal.invoices";
import { hashClientAddress, textHash } from "~/features/spend/agreements.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { MINIMAL_PDF, multipartRequest, openPortal, portalTokenFor, TINY_PNG } from "../setup/portal";

type Actor = { id: string; cookie: string };
let cm: Actor, marketing: Actor, marketing2: Actor, viewer: Actor;

async function actor(role: "manager" | "marketing" | "viewer") {
  const user = await createTestUser(role);
  return { id: user.id, cookie: await cookieFor(user.id) };
}

beforeAll(async () => {
  [cm, marketing, marketing2, viewer] = [await actor("manager"), await actor("marketing"), await actor("marketing"), await actor("viewer")];
  await db().workspaceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, brandName: "Maison Test" },
    update: { brandName: "Maison Test" },
  });
});

let n = 0;
async function partnerWithCampaign(name: string) {
  const campaign = await db().campaign.create({ data: { name: `Agreement campaign ${++n}`, jurisdictions: ["FR"] } });
  const partner = await db().partner.create({ data: { name, kind: "influencer", stage: "active", ownerId: cm.id } });
  return { partnerId: partner.id, campaignId: campaign.id };
}

const makeAgreement = (partnerId: string, fields: Record<string, string>, cookie = cm.cookie) =>
  responseOf(() =>
    pageRoute.action(
      args(formRequest(`/partners/${partnerId}?index&intent=createAgreement`, { formId: "agreement", ...fields }, { cookie }), {
        partnerId,
      }),
    ),
  );

const approve = (placementId: string, who: Actor, extra: Record<string, string> = {}) =>
  responseOf(() =>
    placementRoute.action(
      args(formRequest(`/placements/${placementId}`, { intent: "approve", ...extra }, { cookie: who.cookie }), { placementId }),
    ),
  );

describe("written agreements and the French €1,000 rule", () => {
  it("makes an agreement from the template, which the partner signs in the portal with its evidence kept", async () => {
    const { partnerId, campaignId } = await partnerWithCampaign("Signing Partner");
    await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Reel de décembre",
        feeMinor: 90_000,
        currency: "EUR",
        status: "approved",
        agreedOn: new Date("2026-11-20"),
      },
    });
    expect((await makeAgreement(partnerId, { year: "2026", campaignId, language: "fr" }, viewer.cookie)).status).toBe(403);
    expect((await makeAgreement(partnerId, { year: "2025", campaignId, language: "fr" })).status).toBe(400);
    expect((await makeAgreement(partnerId, { year: "2026", campaignId, language: "fr" })).status).toBe(302);
    const agreement = await db().agreement.findFirstOrThrow({ where: { partnerId } });
    expect(agreement.text).toContain("Reel de décembre\u202F: 900,00");
    expect(agreement.text).toContain("Signing Partner");
    expect(agreement.text).toContain("L’annonceur\u202F: Maison Test.");
    expect(agreement.textHash).toBe(textHash(agreement.text));

    const cookie = await openPortal(await portalTokenFor(partnerId, cm.cookie));
    const sign = (fields: Record<string, string>) =>
      responseOf(() =>
        signRoute.action(
          args(
            formRequest(`/portal/agreements/${agreement.id}`, { formId: "sign", ...fields }, { cookie }),
            { agreementId: agreement.id },
            "203.0.113.7",
          ),
        ),
      );
    const noConsent = await sign({ signerName: "Signing Partner" });
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).result.error.consent).toEqual(["portal.agreement.consentNeeded"]);
    expect((await sign({ signerName: "Signing Partner", consent: "on" })).status).toBe(302);
    const signed = await db().agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(signed).toMatchObject({ signerName: "Signing Partner", signerAddressHash: hashClientAddress("203.0.113.7") });
    expect(signed.signedAt).not.toBeNull();
    expect(signed.signedInSession).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db().auditEvent.findMany({ where: { entityId: agreement.id } }))).not.toContain("203.0.113.7");
    expect((await sign({ signerName: "Again", consent: "on" })).status).toBe(409);

    const staffPdf = await responseOf(() =>
      staffPdfRoute.loader(args(getRequest(`/agreements/${agreement.id}/pdf`, { cookie: viewer.cookie }), { agreementId: agreement.id })),
    );
    expect(staffPdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await staffPdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const partnerPdf = await responseOf(() =>
      portalPdfRoute.loader(args(getRequest(`/portal/agreements/${agreement.id}/pdf`, { cookie }), { agreementId: agreement.id })),
    );
    expect(partnerPdf.status).toBe(200);
    // Another partner's portal session does not reach it.
    const other = await partnerWithCampaign("Other Partner");
    const otherCookie = await openPortal(await portalTokenFor(other.partnerId, cm.cookie));
    const crossing = await responseOf(() =>
      portalPdfRoute.loader(
        args(getRequest(`/portal/agreements/${agreement.id}/pdf`, { cookie: otherCookie }), { agreementId: agreement.id }),
      ),
    );
    expect(crossing.status).toBe(404);
  });

  it("asks before approving a placement that reaches €1,000 without a signed agreement, and records going ahead", async () => {
    const { partnerId, campaignId } = await partnerWithCampaign("Threshold Placement");
    // A gift worth €300 at retail, then a proposed €750 fee: €1,050 once approved.
    await db().gift.create({
      data: {
        partnerId,
        campaignId,
        itemName: "Coffret",
        quantity: 1,
        unitCostMinor: 10_000,
        unitRetailMinor: 30_000,
        currency: "EUR",
        status: "shipped",
        shippedOn: new Date("2026-10-01"),
      },
    });
    const placement = await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Vidéo",
        feeMinor: 75_000,
        currency: "EUR",
        status: "proposed",
        agreedOn: new Date("2026-11-10"),
        proposedById: cm.id,
      },
    });
    const asked = await approve(placement.id, marketing);
    expect(asked.status).toBe(409);
    expect(await asked.json()).toMatchObject({
      error: "agreements.neededQuestion",
      details: { agreementNeeded: { year: 2026, totalMinor: 105_000 } },
    });
    expect(await db().placement.findUniqueOrThrow({ where: { id: placement.id } })).toMatchObject({ status: "proposed" });
    expect(await db().placementApproval.count({ where: { placementId: placement.id } })).toBe(0);
    expect((await approve(placement.id, marketing, { withoutAgreementConfirmed: "on" })).status).toBe(302);
    expect(await db().placement.findUniqueOrThrow({ where: { id: placement.id } })).toMatchObject({ status: "approved" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: placement.id, action: "placement.approve" } });
    expect(audit.after).toMatchObject({ withoutSignedAgreement: true });
  });

  it("does not ask when a signed agreement covers the year and objective, nor below the threshold or in another year", async () => {
    const { partnerId, campaignId } = await partnerWithCampaign("Covered Partner");
    const under = await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Petit",
        feeMinor: 99_999,
        currency: "EUR",
        status: "proposed",
        agreedOn: new Date("2026-03-01"),
        proposedById: cm.id,
      },
    });
    expect((await approve(under.id, marketing)).status).toBe(302);
    // In USD, converted at its date: 2026 has €999.99 already; a $5 fee in 2027 starts a new year.
    await db().exchangeRate.create({
      data: { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.9", validOn: new Date("2027-01-02"), minorUnitShift: 0 },
    });
    const nextYear = await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Janvier",
        feeMinor: 500,
        currency: "USD",
        status: "proposed",
        agreedOn: new Date("2027-01-05"),
        proposedById: cm.id,
      },
    });
    expect((await approve(nextYear.id, marketing)).status).toBe(302);
    const over = await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Grand",
        feeMinor: 10_000,
        currency: "EUR",
        status: "proposed",
        agreedOn: new Date("2026-06-01"),
        proposedById: cm.id,
      },
    });
    await db().agreement.create({
      data: {
        partnerId,
        campaignId,
        year: 2026,
        language: "fr",
        templateVersion: 1,
        text: "x",
        textHash: textHash("x"),
        createdById: cm.id,
        signedAt: new Date(),
        signerName: "Covered",
      },
    });
    expect((await approve(over.id, marketing2)).status).toBe(302);
  });

  it("asks before shipping a gift that reaches the threshold", async () => {
    const { partnerId, campaignId } = await partnerWithCampaign("Threshold Gift");
    await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Reel",
        feeMinor: 95_000,
        currency: "EUR",
        status: "approved",
        agreedOn: new Date("2026-09-01"),
      },
    });
    const gift = await db().gift.create({
      data: {
        partnerId,
        campaignId,
        itemName: "Sérum",
        quantity: 1,
        unitCostMinor: 2_000,
        unitRetailMinor: 6_000,
        currency: "EUR",
        status: "planned",
        createdAt: new Date("2026-09-02"),
      },
    });
    const ship = (extra: Record<string, string>) =>
      responseOf(() =>
        giftRoute.action(
          args(
            formRequest(
              `/gifts/${gift.id}`,
              { formId: "shipment", giftId: gift.id, status: "shipped", shippedOn: "2026-09-03", ...extra },
              { cookie: cm.cookie },
            ),
            {
              giftId: gift.id,
            },
          ),
        ),
      );
    const asked = await ship({});
    expect(asked.status).toBe(409);
    expect((await asked.json()).details.agreementNeeded).toMatchObject({ totalMinor: 101_000 });
    expect(await db().gift.findUniqueOrThrow({ where: { id: gift.id } })).toMatchObject({ status: "planned" });
    expect((await ship({ withoutAgreementConfirmed: "on" })).status).toBe(302);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: gift.id, action: "gift.shipment" } });
    expect(audit.after).toMatchObject({ withoutSignedAgreement: true, status: "shipped" });
  });
});

describe("invoices from the portal", () => {
  it("takes a PDF with a valid SIRET or VAT number for the partner's own accepted placement", async () => {
    const { partnerId, campaignId } = await partnerWithCampaign("Invoicing Partner");
    const placement = await db().placement.create({
      data: {
        partnerId,
        campaignId,
        title: "Facturé",
        feeMinor: 40_000,
        currency: "EUR",
        status: "delivered",
        agreedOn: new Date("2026-11-01"),
      },
    });
    const cookie = await openPortal(await portalTokenFor(partnerId, cm.cookie));
    const send = (fields: Record<string, string | File>, placementId = placement.id, as = cookie) =>
      responseOf(() =>
        invoiceRoute.action(
          args(multipartRequest(`/portal/invoices?placement=${placementId}`, { formId: `invoice-${placementId}`, ...fields }, as)),
        ),
      );
    const pdf = () => new File([MINIMAL_PDF], "facture.pdf", { type: "application/pdf" });
    const badSiret = await send({ invoice: pdf(), legalIdKind: "siret", legalId: "73282932000075" });
    expect(badSiret.status).toBe(400);
    expect((await badSiret.json()).result.error.legalId).toEqual(["portal.invoice.invalid_siret"]);
    expect((await send({ invoice: new File([TINY_PNG], "f.pdf"), legalIdKind: "siret", legalId: "73282932000074" })).status).toBe(415);
    expect((await send({ legalIdKind: "siret", legalId: "73282932000074" })).status).toBe(400);
    expect(await db().partnerInvoice.count({ where: { partnerId } })).toBe(0);
    expect(await db().portalFile.count({ where: { partnerId } })).toBe(0);
    expect((await send({ invoice: pdf(), legalIdKind: "vat", legalId: "FR 40 303265045", number: "F-2026-12" })).status).toBe(302);
    const invoice = await db().partnerInvoice.findFirstOrThrow({ where: { partnerId }, include: { file: true } });
    expect(invoice).toMatchObject({ legalIdKind: "vat", legalId: "FR40303265045", number: "F-2026-12", placementId: placement.id });
    expect(invoice.file).toMatchObject({ purpose: "invoice", contentType: "application/pdf" });
    expect(await db().auditEvent.count({ where: { entityId: invoice.id, action: "invoice.upload", actorPartnerId: partnerId } })).toBe(1);
    // Staff see it next to the payments.
    const staff = await responseOf(() =>
      placementRoute.loader(args(getRequest(`/placements/${placement.id}`, { cookie: viewer.cookie }), { placementId: placement.id })),
    );
    expect((await staff.json()).invoices).toEqual([expect.objectContaining({ id: invoice.id, legalId: "FR40303265045" })]);
    // Another partner's placement is not theirs to invoice.
    const other = await partnerWithCampaign("Not Theirs");
    const theirs = await db().placement.create({
      data: {
        partnerId: other.partnerId,
        title: "Autre",
        feeMinor: 1_000,
        currency: "EUR",
        status: "approved",
        agreedOn: new Date("2026-11-01"),
      },
    });
    expect((await send({ invoice: pdf(), legalIdKind: "siret", legalId: "73282932000074" }, theirs.id)).status).toBe(404);
  });
});
