import { beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "~/routes/drafts.$draftId";
import * as reviewQueueRoute from "~/routes/drafts._index";
import * as followUpsRoute from "~/routes/follow-ups";
import { partnerPage as pageRoute } from "../setup/partner-page";
import * as listRoute from "~/routes/partners._index";
import * as newRoute from "~/routes/partners.new";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

let cm: { id: string; cookie: string };
let otherCm: { id: string; cookie: string };
let marketing: { id: string; cookie: string };
let admin: { id: string; cookie: string };
let viewerCookie: string;

async function user(role: "manager" | "marketing" | "admin") {
  const created = await createTestUser(role);
  return { id: created.id, cookie: await cookieFor(created.id) };
}

beforeAll(async () => {
  cm = await user("manager");
  otherCm = await user("manager");
  marketing = await user("marketing");
  admin = await user("admin");
  viewerCookie = await cookieFor((await createTestUser("viewer")).id);
});

const partnerBase = { kind: "blogger", email: "", website: "", country: "", language: "", ownerId: "", tags: "", notes: "", riskNotes: "" };

async function partner(name: string, stage = "active") {
  const response = await responseOf(() =>
    newRoute.action(args(formRequest("/partners/new", { ...partnerBase, name, stage }, { cookie: cm.cookie }))),
  );
  return response.headers.get("Location")!.split("/").pop()!;
}

const onPage = (partnerId: string, fields: Record<string, string>, cookie = cm.cookie) =>
  responseOf(() =>
    pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=${fields.intent}`, fields, { cookie }), { partnerId })),
  );

const onDraft = (draftId: string, fields: Record<string, string>, cookie: string) =>
  responseOf(() => draftRoute.action(args(formRequest(`/drafts/${draftId}`, fields, { cookie }), { draftId })));

describe("the outreach log", () => {
  it("logs messages, keeps entries unchangeable, and adds corrections as new entries", async () => {
    const id = await partner("Log Keeper");
    expect(
      (
        await onPage(id, {
          intent: "log",
          formId: "log",
          type: "email",
          direction: "inbound",
          subject: "Hello",
          body: "Thanks for the parcel!",
        })
      ).status,
    ).toBe(302);
    const entry = await db().interaction.findFirstOrThrow({ where: { partnerId: id } });
    expect(entry).toMatchObject({ direction: "inbound", authorId: cm.id, body: "Thanks for the parcel!" });

    await expect(db().$executeRawUnsafe(`UPDATE "Interaction" SET "body" = 'rewritten' WHERE "id" = '${entry.id}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe(`DELETE FROM "Interaction" WHERE "id" = '${entry.id}'`)).rejects.toThrow(/append-only/);

    await onPage(id, {
      intent: "log",
      formId: "c",
      type: "email",
      direction: "inbound",
      body: "Thanks for the parcels (two of them)!",
      correctsId: entry.id,
    });
    const entries = await db().interaction.findMany({ where: { partnerId: id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.body, e.correctsId])).toEqual([
      ["Thanks for the parcel!", null],
      ["Thanks for the parcels (two of them)!", entry.id],
    ]);
    expect(
      await db().auditEvent.count({
        where: {
          entityType: "Interaction",
          action: { in: ["interaction.log", "interaction.correct"] },
          entityId: { in: entries.map((e) => e.id) },
        },
      }),
    ).toBe(2);
  });

  it("needs a direction except for notes, and refuses a date in the future", async () => {
    const id = await partner("Validator");
    const response = await onPage(id, {
      intent: "log",
      formId: "log",
      type: "call",
      direction: "",
      body: "",
      occurredAt: "2100-01-01T10:00",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({
      direction: ["errors.required"],
      body: ["errors.required"],
      occurredAt: ["errors.inFuture"],
    });
    expect((await onPage(id, { intent: "log", formId: "log", type: "note", body: "Met at the salon." })).status).toBe(302);
  });

  it("refuses outgoing messages and drafts for a do-not-contact partner, but logs what they send", async () => {
    const id = await partner("Leave Me Alone", "do_not_contact");
    const out = await onPage(id, { intent: "log", formId: "log", type: "email", direction: "outbound", body: "Hi again" });
    expect(out.status).toBe(409);
    expect((await out.json()).result.error[""]).toEqual(["outreach.doNotContact"]);
    const draft = await onPage(id, { intent: "createDraft", formId: "d", kind: "message", channel: "email", body: "Offer" });
    expect(draft.status).toBe(409);
    expect((await onPage(id, { intent: "log", formId: "log", type: "email", direction: "inbound", body: "Please stop." })).status).toBe(
      302,
    );
    expect(await db().interaction.count({ where: { partnerId: id } })).toBe(1);
    expect(await db().draft.count({ where: { partnerId: id } })).toBe(0);
  });

  it("refuses a viewer with 403", async () => {
    const id = await partner("Viewer Proof");
    expect((await onPage(id, { intent: "log", formId: "log", type: "note", body: "x" }, viewerCookie)).status).toBe(403);
  });

  it("shows stage changes in the timeline", async () => {
    const id = await partner("Stage Mover", "prospect");
    const page = async () =>
      (
        await (
          await responseOf(() =>
            pageRoute.loader(args(getRequest(`/partners/${id}?tab=outreach`, { cookie: cm.cookie }), { partnerId: id })),
          )
        ).json()
      ).timeline;
    const { default: editRoute } = { default: await import("~/routes/partners.$partnerId_.edit") };
    await responseOf(() =>
      editRoute.action(
        args(
          formRequest(
            `/partners/${id}/edit`,
            { ...partnerBase, name: "Stage Mover", stage: "contacted", version: "1" },
            { cookie: cm.cookie },
          ),
          { partnerId: id },
        ),
      ),
    );
    const timeline = await page();
    expect(timeline.stageChanges.map((c: { from: string | null; to: string }) => [c.from, c.to])).toEqual([
      ["prospect", "contacted"],
      [null, "prospect"],
    ]);
  });
});

describe("approval before publishing", () => {
  it("walks a brief from draft to sent with a second person's approval, keeping every step", async () => {
    const id = await partner("Brief Receiver");
    const created = await onPage(id, {
      intent: "createDraft",
      formId: "d",
      kind: "brief",
      channel: "email",
      subject: "Spring campaign",
      body: "Please mention #ad.",
    });
    expect(created.status).toBe(302);
    const draftId = created.headers.get("Location")!.split("/").pop()!;

    // Not approved yet: cannot be sent.
    expect((await onDraft(draftId, { intent: "send" }, cm.cookie)).status).toBe(409);
    expect((await onDraft(draftId, { intent: "submit" }, otherCm.cookie)).status).toBe(403); // not the author
    expect((await onDraft(draftId, { intent: "submit" }, cm.cookie)).status).toBe(302);

    // Managers cannot approve at all; reviewers must say what to change.
    expect((await onDraft(draftId, { intent: "review", formId: "review", decision: "approve" }, otherCm.cookie)).status).toBe(403);
    const noComment = await onDraft(draftId, { intent: "review", formId: "review", decision: "request_changes" }, marketing.cookie);
    expect(noComment.status).toBe(400);
    expect((await noComment.json()).result.error.comment).toEqual(["outreach.commentRequired"]);

    const queue = await (await responseOf(() => reviewQueueRoute.loader(args(getRequest("/drafts", { cookie: marketing.cookie }))))).json();
    expect(queue.drafts.map((d: { id: string }) => d.id)).toContain(draftId);

    expect(
      (
        await onDraft(
          draftId,
          { intent: "review", formId: "review", decision: "request_changes", comment: "Add the FR disclosure." },
          marketing.cookie,
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await onDraft(
          draftId,
          {
            intent: "edit",
            formId: "edit-draft",
            kind: "brief",
            channel: "email",
            subject: "Spring campaign",
            body: "Please mention #ad / #publicité.",
          },
          cm.cookie,
        )
      ).status,
    ).toBe(302);
    await onDraft(draftId, { intent: "submit" }, cm.cookie);
    expect((await onDraft(draftId, { intent: "review", formId: "review", decision: "approve" }, marketing.cookie)).status).toBe(302);
    expect((await onDraft(draftId, { intent: "send" }, cm.cookie)).status).toBe(302);

    const draft = await db().draft.findUniqueOrThrow({
      where: { id: draftId },
      include: { events: { orderBy: { createdAt: "asc" } }, sentAs: true },
    });
    expect(draft.status).toBe("sent");
    expect(draft.events.map((e) => e.action)).toEqual([
      "created",
      "submitted",
      "changes_requested",
      "edited",
      "submitted",
      "approved",
      "sent",
    ]);
    expect(draft.events.find((e) => e.action === "changes_requested")).toMatchObject({
      actorId: marketing.id,
      comment: "Add the FR disclosure.",
    });
    expect(draft.sentAs).toMatchObject({ partnerId: id, direction: "outbound", body: "Please mention #ad / #publicité." });
    // Sent is final.
    expect((await onDraft(draftId, { intent: "send" }, cm.cookie)).status).toBe(409);
  });

  it("does not let anyone, even an admin, approve their own draft", async () => {
    const id = await partner("Own Draft");
    const created = await onPage(id, { intent: "createDraft", formId: "d", kind: "message", channel: "dm", body: "Hi!" }, admin.cookie);
    const draftId = created.headers.get("Location")!.split("/").pop()!;
    await onDraft(draftId, { intent: "submit" }, admin.cookie);
    const own = await onDraft(draftId, { intent: "review", formId: "review", decision: "approve" }, admin.cookie);
    expect(own.status).toBe(403);
    expect((await own.json()).result.error[""]).toEqual(["outreach.ownDraft"]);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("in_review");
  });
});

describe("follow-ups", () => {
  it("lists a user's overdue and upcoming follow-ups and filters the partner list by overdue", async () => {
    const late = await partner("Late Follow-up");
    const soon = await partner("Soon Follow-up");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await onPage(late, { intent: "addTask", formId: "t", title: "Chase the review", dueOn: day(-3), assigneeId: cm.id })).status,
    ).toBe(302);
    await onPage(soon, { intent: "addTask", formId: "t", title: "Send samples", dueOn: day(2), assigneeId: cm.id });
    await onPage(soon, { intent: "addTask", formId: "t", title: "Someone else's", dueOn: day(-1), assigneeId: otherCm.id });

    const mine = await (await responseOf(() => followUpsRoute.loader(args(getRequest("/follow-ups", { cookie: cm.cookie }))))).json();
    expect(mine.overdue.map((t: { title: string }) => t.title)).toEqual(["Chase the review"]);
    expect(mine.upcoming.map((t: { title: string }) => t.title)).toEqual(["Send samples"]);

    const overdueList = await (
      await responseOf(() => listRoute.loader(args(getRequest("/partners?overdue=1&q=follow-up", { cookie: cm.cookie }))))
    ).json();
    expect(overdueList.rows.map((r: { name: string }) => r.name).sort()).toEqual(["Late Follow-up", "Soon Follow-up"]);

    const task = await db().task.findFirstOrThrow({ where: { partnerId: late } });
    expect((await onPage(soon, { intent: "taskDone", taskId: task.id })).status).toBe(404); // wrong partner
    await onPage(late, { intent: "taskDone", taskId: task.id });
    const after = await (
      await responseOf(() => listRoute.loader(args(getRequest("/partners?overdue=1&q=follow-up", { cookie: cm.cookie }))))
    ).json();
    expect(after.rows.map((r: { name: string }) => r.name)).toEqual(["Soon Follow-up"]);
  });

  it("counts a follow-up the partner has replied to as overdue nowhere: not in my follow-ups, not in the partner list", async () => {
    const replied = await partner("Replied Follow-up");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await onPage(replied, { intent: "addTask", formId: "t", title: "Chase the answer", dueOn: day(-5), assigneeId: cm.id });
    await db().task.updateMany({ where: { partnerId: replied }, data: { repliedAt: new Date() } });

    const mine = await (await responseOf(() => followUpsRoute.loader(args(getRequest("/follow-ups", { cookie: cm.cookie }))))).json();
    expect(mine.overdue.map((t: { title: string }) => t.title)).not.toContain("Chase the answer");
    const overdueList = await (
      await responseOf(() => listRoute.loader(args(getRequest("/partners?overdue=1&q=replied", { cookie: cm.cookie }))))
    ).json();
    expect(overdueList.rows).toEqual([]);
  });

  it("refuses an assignee who is not an active user", async () => {
    const id = await partner("Bad Assignee");
    const response = await onPage(id, { intent: "addTask", formId: "t", title: "x", dueOn: "2026-12-01", assigneeId: "ghost" });
    expect(response.status).toBe(422);
  });
});
