import { beforeAll, describe, expect, it } from "vitest";
import * as staffReviewRoute from "~/routes/content.$submissionId";
import * as staffFileRoute from "~/routes/files.$fileId";
import * as submissionRoute from "~/routes/portal.content.$submissionId";
import * as newDraftRoute from "~/routes/portal.content.new";
import * as portalFileRoute from "~/routes/portal.files.$fileId";
import { listQueue } from "~/features/compliance/disclosure.server";
import { erasePersonalData } from "~/features/accounts/personal-data.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { MINIMAL_PDF, multipartRequest, openPortal, portalTokenFor, TINY_PNG } from "../setup/portal";

type Actor = { id: string; cookie: string };
let cm: Actor, compliance: Actor, admin: Actor, viewer: Actor;

async function actor(role: "manager" | "compliance" | "admin" | "viewer") {
  const user = await createTestUser(role);
  return { id: user.id, cookie: await cookieFor(user.id) };
}

beforeAll(async () => {
  [cm, compliance, admin, viewer] = [await actor("manager"), await actor("compliance"), await actor("admin"), await actor("viewer")];
});

let campaignCount = 0;
/** A partner with an accepted placement in a French campaign, and their portal cookie. */
async function partnerInPortal(name: string) {
  const campaign = await db().campaign.create({ data: { name: `FR launch ${++campaignCount} ${name}`, jurisdictions: ["FR"] } });
  const partner = await db().partner.create({ data: { name, kind: "influencer", stage: "active", ownerId: cm.id } });
  const placement = await db().placement.create({
    data: {
      partnerId: partner.id,
      campaignId: campaign.id,
      title: `${name}'s reel`,
      feeMinor: 50_000,
      currency: "EUR",
      status: "approved",
      agreedOn: new Date("2026-11-02"),
    },
  });
  const cookie = await openPortal(await portalTokenFor(partner.id, cm.cookie));
  return { partnerId: partner.id, placementId: placement.id, cookie };
}

const draftFields = (placementId: string, text: string) => ({
  formId: "content-draft",
  target: `placement:${placementId}`,
  platform: "instagram",
  plannedOn: "2026-12-05",
  text,
});

const sendDraft = (cookie: string, fields: Record<string, string | File | File[]>) =>
  responseOf(() => newDraftRoute.action(args(multipartRequest("/portal/content/new", fields, cookie))));

const review = (who: Actor, submissionId: string, fields: Record<string, string>) =>
  responseOf(() =>
    staffReviewRoute.action(
      args(formRequest(`/content/${submissionId}`, { formId: "content-review", ...fields }, { cookie: who.cookie }), { submissionId }),
    ),
  );

const submissionIdOf = (response: Response) => response.headers.get("Location")!.split("/").pop()!;

describe("content before it is published", () => {
  it("refuses a draft without the disclosure, saying what to write and where, and writes nothing", async () => {
    const { placementId, cookie, partnerId } = await partnerInPortal("Camille Draft");
    const refused = await sendDraft(cookie, draftFields(placementId, "Ma routine du soir avec le nouveau sérum ✨ #skincare"));
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.result.error).toMatchObject({ text: ["portal.content.fixDisclosure"] });
    expect(body.details).toEqual([
      expect.objectContaining({
        jurisdiction: "FR",
        verdict: "missing",
        advice: [expect.objectContaining({ key: "addMarker", marker: "Publicité", fold: 125 })],
      }),
    ]);
    expect(await db().contentSubmission.count({ where: { partnerId } })).toBe(0);

    const late = `Ma routine du soir avec le nouveau sérum, testé pendant trois semaines, et franchement je ne m'attendais pas du tout à un tel résultat sur ma peau sensible, même en plein hiver ✨ Publicité`;
    const afterFold = await sendDraft(cookie, draftFields(placementId, late));
    expect(afterFold.status).toBe(422);
    expect((await afterFold.json()).details[0].advice[0]).toMatchObject({
      key: "moveBeforeFold",
      found: "Publicité",
      position: late.indexOf("Publicité") + 1,
    });

    const fixed = await sendDraft(cookie, draftFields(placementId, "Publicité — ma routine du soir avec le nouveau sérum ✨"));
    expect(fixed.status).toBe(302);
    const submission = await db().contentSubmission.findFirstOrThrow({ where: { partnerId }, include: { versions: true } });
    expect(submission).toMatchObject({ status: "in_review", latestVersion: 1, placementId });
    expect(submission.versions[0]).toMatchObject({ number: 1, compliant: true });
    expect(await db().auditEvent.count({ where: { entityId: submission.id, action: "content.submit", actorPartnerId: partnerId } })).toBe(
      1,
    );
  });

  it("needs a community manager and a compliance reviewer, two different people, to approve", async () => {
    const { placementId, cookie } = await partnerInPortal("Two Person");
    const id = submissionIdOf(await sendDraft(cookie, draftFields(placementId, "Publicité : mon avis sur le sérum")));
    expect((await review(viewer, id, { version: "1", decision: "approved" })).status).toBe(403);
    expect((await review(cm, id, { version: "1", decision: "changes_requested" })).status).toBe(400);
    expect((await review(admin, id, { version: "1", decision: "approved" })).status).toBe(302);
    expect((await db().contentSubmission.findUniqueOrThrow({ where: { id } })).status).toBe("in_review");
    // The admin took the community side; the same admin cannot also approve as compliance.
    const twice = await review(admin, id, { version: "1", decision: "approved" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).result.error[""]).toEqual(["content.samePerson"]);
    expect((await review(cm, id, { version: "1", decision: "approved" })).status).toBe(409);
    expect((await review(compliance, id, { version: "1", decision: "approved" })).status).toBe(302);
    expect(await db().contentSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "approved", approvedVersion: 1 });
    expect(await db().contentReview.count({ where: { version: { submissionId: id } } })).toBe(2);
  });

  it("sends changes back with a comment the partner reads, and keeps every version", async () => {
    const { placementId, cookie, partnerId } = await partnerInPortal("Changes Please");
    const id = submissionIdOf(await sendDraft(cookie, draftFields(placementId, "Publicité : premier jet")));
    expect((await review(compliance, id, { version: "1", decision: "changes_requested", comment: "Citez le nom du sérum." })).status).toBe(
      302,
    );
    const page = await responseOf(() =>
      submissionRoute.loader(args(getRequest(`/portal/content/${id}`, { cookie }), { submissionId: id })),
    );
    const { submission } = await page.json();
    expect(submission.status).toBe("changes_requested");
    expect(submission.versions[0].reviews).toEqual([expect.objectContaining({ side: "compliance", comment: "Citez le nom du sérum." })]);
    expect(JSON.stringify(submission)).not.toContain(compliance.id);
    const resubmit = await responseOf(() =>
      submissionRoute.action(
        args(
          multipartRequest(
            `/portal/content/${id}?step=version`,
            { formId: "content-version", platform: "instagram", plannedOn: "2026-12-06", text: "Publicité : le sérum Aube, deuxième jet" },
            cookie,
          ),
          { submissionId: id },
        ),
      ),
    );
    expect(resubmit.status).toBe(302);
    expect(await db().contentVersion.count({ where: { submissionId: id } })).toBe(2);
    expect(await db().contentSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "in_review", latestVersion: 2 });
    // A decision on the old version is refused: the reviewer must read the new one.
    expect((await review(cm, id, { version: "1", decision: "approved" })).status).toBe(409);
    expect(await db().auditEvent.count({ where: { entityId: id, action: "content.resubmit", actorPartnerId: partnerId } })).toBe(1);
  });

  it("turns the live post into coverage, and sends it to the compliance queue when the disclosure was removed", async () => {
    const { placementId, cookie, partnerId } = await partnerInPortal("Removed Later");
    const id = submissionIdOf(await sendDraft(cookie, draftFields(placementId, "Publicité — le sérum Aube, mon avis")));
    await review(cm, id, { version: "1", decision: "approved" });
    await review(compliance, id, { version: "1", decision: "approved" });
    const published = await responseOf(() =>
      submissionRoute.action(
        args(
          multipartRequest(
            `/portal/content/${id}?step=published`,
            {
              formId: "published-post",
              url: "https://instagram.com/p/removed-later",
              publishedOn: "2026-12-05",
              text: "Le sérum Aube, mon avis",
              likes: "1200",
              evidence: new File([TINY_PNG], "stats.png", { type: "image/png" }),
            },
            cookie,
          ),
          { submissionId: id },
        ),
      ),
    );
    expect(published.status).toBe(302);
    const submission = await db().contentSubmission.findUniqueOrThrow({ where: { id } });
    expect(submission).toMatchObject({ status: "published", weakenedAfterApproval: true });
    const item = await db().coverageItem.findUniqueOrThrow({
      where: { id: submission.coverageItemId! },
      include: { placements: true, checks: { where: { current: true } } },
    });
    expect(item).toMatchObject({ partnerId, paid: true, likes: 1200, createdById: null });
    expect(item.placements.map((p) => p.placementId)).toEqual([placementId]);
    expect(item.checks).toEqual([expect.objectContaining({ jurisdiction: "FR", verdict: "missing", needsReview: true })]);
    const queue = await listQueue({ page: 1, order: "oldest", partnerId } as never);
    expect(queue.rows.map((row) => row.coverageItem.id)).toEqual([item.id]);
    const evidence = await db().portalFile.findFirstOrThrow({ where: { coverageItemId: item.id } });
    expect(evidence).toMatchObject({ purpose: "metrics_evidence", contentType: "image/png", byteSize: TINY_PNG.length });
    // The team sees the difference on the submission.
    const staffPage = await responseOf(() =>
      staffReviewRoute.loader(args(getRequest(`/content/${id}`, { cookie: compliance.cookie }), { submissionId: id })),
    );
    const { diff } = await staffPage.json();
    expect(diff).toContainEqual({ kind: "removed", text: expect.stringContaining("Publicité") });
  });

  it("checks uploads by their bytes, keeps them to their partner, and serves them as attachments", async () => {
    const a = await partnerInPortal("Upload Alpha");
    const b = await partnerInPortal("Upload Beta");
    const fake = new File([new TextEncoder().encode("<script>alert(1)</script>")], "photo.png", { type: "image/png" });
    const refused = await sendDraft(a.cookie, { ...draftFields(a.placementId, "Publicité : photo"), media: fake });
    expect(refused.status).toBe(415);
    expect((await refused.json()).result.error[""]).toEqual(["portal.files.wrongType"]);
    expect(await db().contentSubmission.count({ where: { partnerId: a.partnerId } })).toBe(0);
    const tooMany = Array.from({ length: 5 }, (_, i) => new File([TINY_PNG], `p${i}.png`, { type: "image/png" }));
    expect((await sendDraft(a.cookie, { ...draftFields(a.placementId, "Publicité : photos"), media: tooMany })).status).toBe(422);
    const pdfAsMedia = new File([MINIMAL_PDF], "x.pdf", { type: "application/pdf" });
    expect((await sendDraft(a.cookie, { ...draftFields(a.placementId, "Publicité : pdf"), media: pdfAsMedia })).status).toBe(415);

    const ok = await sendDraft(a.cookie, {
      ...draftFields(a.placementId, "Publicité : photo"),
      media: new File([TINY_PNG], "../../etc/Photo 1.png", { type: "image/png" }),
    });
    expect(ok.status).toBe(302);
    const file = await db().portalFile.findFirstOrThrow({ where: { partnerId: a.partnerId } });
    expect(file).toMatchObject({ fileName: "Photo 1.png", contentType: "image/png", purpose: "draft_media" });
    const mine = await responseOf(() =>
      portalFileRoute.loader(args(getRequest(`/portal/files/${file.id}`, { cookie: a.cookie }), { fileId: file.id })),
    );
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Photo 1.png"/);
    expect(mine.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(TINY_PNG);
    const theirs = await responseOf(() =>
      portalFileRoute.loader(args(getRequest(`/portal/files/${file.id}`, { cookie: b.cookie }), { fileId: file.id })),
    );
    expect(theirs.status).toBe(404);
    const staff = await responseOf(() =>
      staffFileRoute.loader(args(getRequest(`/files/${file.id}`, { cookie: viewer.cookie }), { fileId: file.id })),
    );
    expect(staff.status).toBe(200);
  });

  it("erases a partner's drafts, comments and media with their personal data, keeping that they existed", async () => {
    const { placementId, cookie, partnerId } = await partnerInPortal("Erase Me");
    const id = submissionIdOf(
      await sendDraft(cookie, {
        ...draftFields(placementId, "Publicité : Erase Me en photo"),
        media: new File([TINY_PNG], "me.png", { type: "image/png" }),
      }),
    );
    await review(compliance, id, { version: "1", decision: "changes_requested", comment: "Erase Me, changez la photo" });
    await erasePersonalData(admin.id, partnerId);
    const kept = await db().contentSubmission.findUniqueOrThrow({ where: { id }, include: { versions: { include: { reviews: true } } } });
    expect(kept.versions[0].text).toBe("");
    expect(kept.versions[0].reviews[0].comment).toBeNull();
    expect(await db().portalFile.count({ where: { partnerId } })).toBe(0);
  });
});
