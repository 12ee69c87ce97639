import { beforeAll, describe, expect, it } from "vitest";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as newRoute from "~/routes/partners.new";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

let cookie: string;
let managerId: string;
let viewerCookie: string;

beforeAll(async () => {
  const manager = await createTestUser("manager");
  managerId = manager.id;
  cookie = await cookieFor(manager.id);
  viewerCookie = await cookieFor((await createTestUser("viewer")).id);
});

const base = {
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
const create = (fields: Record<string, string>) =>
  responseOf(() => newRoute.action(args(formRequest("/partners/new", { ...base, ...fields }, { cookie }))));
const idFrom = (response: Response) => response.headers.get("Location")!.split("/").pop()!;
const onPage = (partnerId: string, fields: Record<string, string>, as = cookie) =>
  responseOf(() =>
    pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=${fields.intent}`, fields, { cookie: as }), { partnerId })),
  );

describe("duplicates", () => {
  it("warns before creating a partner with a known email or website, and creates anyway on request", async () => {
    const first = idFrom(await create({ name: "Léa Original", email: "lea.dup@example.fr", website: "https://www.lea-dup.example.fr" }));
    for (const fields of [{ email: "LEA.DUP@example.fr" }, { website: "http://lea-dup.example.fr/blog" }] as Record<string, string>[]) {
      const warned = await create({ name: "Léa Again", ...fields });
      expect(warned.status).toBe(409);
      expect((await warned.json()).duplicate).toEqual({ id: first, name: "Léa Original" });
    }
    expect(await db().partner.count({ where: { name: "Léa Again" } })).toBe(0);
    expect((await create({ name: "Léa Again", email: "lea.dup@example.fr", createAnyway: "1" })).status).toBe(302);
  });

  it("merges a duplicate: everything moves, the duplicate is archived, a do-not-contact survives", async () => {
    const keep = idFrom(await create({ name: "Keep Me", email: "keep@example.fr", tags: "beauty" }));
    const dup = idFrom(
      await create({
        name: "Keep Me (old)",
        email: "keep@example.fr",
        stage: "do_not_contact",
        tags: "paris",
        notes: "Met at a fair.",
        createAnyway: "1",
      }),
    );
    await onPage(dup, { intent: "addChannel", formId: "c", platform: "instagram", handle: "@keepme", followers: "5000" });
    await onPage(dup, { intent: "log", formId: "l", type: "email", direction: "inbound", body: "Please stop writing." });
    await onPage(dup, { intent: "addTask", formId: "t", title: "Check", dueOn: "2026-12-01", assigneeId: managerId });

    const page = await (
      await responseOf(() => pageRoute.loader(args(getRequest(`/partners/${keep}`, { cookie }), { partnerId: keep })))
    ).json();
    expect(page.duplicates.map((d: { id: string }) => d.id)).toEqual([dup]);

    expect((await onPage(keep, { intent: "merge", otherId: dup }, viewerCookie)).status).toBe(403);
    expect((await onPage(keep, { intent: "merge", otherId: keep })).status).toBe(422);
    expect((await onPage(keep, { intent: "merge", otherId: dup })).status).toBe(302);

    const kept = await db().partner.findUniqueOrThrow({
      where: { id: keep },
      include: { channels: true, interactions: true, tasks: true },
    });
    expect(kept).toMatchObject({ stage: "do_not_contact", tags: ["beauty", "paris"], notes: "Met at a fair.", totalFollowers: 5000 });
    expect([kept.channels.length, kept.interactions.length, kept.tasks.length]).toEqual([1, 1, 1]);
    const gone = await db().partner.findUniqueOrThrow({ where: { id: dup } });
    expect(gone.mergedIntoId).toBe(keep);
    const gonePage = await (
      await responseOf(() => pageRoute.loader(args(getRequest(`/partners/${dup}`, { cookie }), { partnerId: dup })))
    ).json();
    expect(gonePage.mergedInto).toEqual({ id: keep, name: "Keep Me" });
    expect(gonePage.partner).not.toHaveProperty("mergedInto");
    expect(
      (await responseOf(() => pageRoute.loader(args(getRequest("/partners/unknown", { cookie }), { partnerId: "unknown" })))).status,
    ).toBe(404);
    expect(gone.archivedAt).not.toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: keep, action: "partner.merge" } });
    expect(event.after).toMatchObject({ mergedFrom: dup, moved: { channels: 1, interactions: 1, drafts: 0, tasks: 1 } });
    expect((await onPage(keep, { intent: "merge", otherId: dup })).status).toBe(409);
  });

  it("lists look-alikes on the partner page by email, website, handle or channel URL, oldest first, never itself or archived ones", async () => {
    const tag = Date.now().toString(36);
    const subject = idFrom(
      await create({ name: "Subject", email: `same-${tag}@example.fr`, website: `https://www.site-${tag}.example.fr` }),
    );
    await onPage(subject, { intent: "addChannel", formId: "c", platform: "tiktok", handle: `@Handle${tag}`, followers: "10" });
    await onPage(subject, {
      intent: "addChannel",
      formId: "c",
      platform: "youtube",
      url: `https://youtube.example/${tag}`,
      followers: "10",
    });
    const byEmail = idFrom(await create({ name: "By email", email: `same-${tag}@example.fr`, createAnyway: "1" }));
    const byWebsite = idFrom(await create({ name: "By website", website: `http://site-${tag}.example.fr/about`, createAnyway: "1" }));
    const byHandle = idFrom(await create({ name: "By handle" }));
    await onPage(byHandle, { intent: "addChannel", formId: "c", platform: "tiktok", handle: `handle${tag}`, followers: "10" });
    const byUrl = idFrom(await create({ name: "By URL" }));
    await onPage(byUrl, { intent: "addChannel", formId: "c", platform: "youtube", url: `https://youtube.example/${tag}`, followers: "10" });
    const otherPlatform = idFrom(await create({ name: "Same handle elsewhere" }));
    await onPage(otherPlatform, { intent: "addChannel", formId: "c", platform: "instagram", handle: `handle${tag}`, followers: "10" });
    const archived = idFrom(await create({ name: "Archived twin", email: `same-${tag}@example.fr`, createAnyway: "1" }));
    await db().partner.update({ where: { id: archived }, data: { archivedAt: new Date() } });

    const page = await (
      await responseOf(() => pageRoute.loader(args(getRequest(`/partners/${subject}`, { cookie }), { partnerId: subject })))
    ).json();
    expect(page.duplicates.map((d: { id: string }) => d.id)).toEqual([byEmail, byWebsite, byHandle, byUrl]);
  });
});
