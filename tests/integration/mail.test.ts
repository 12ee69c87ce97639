/**
 * The mail path with no mocks: drafts go out through nodemailer to an SMTP server started here, and
 * replies come back through the app's own SMTP receiver on loopback, filed by the real job queue.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import * as draftRoute from "~/routes/drafts.$draftId";
import * as mailInboxRoute from "~/routes/mail._index";
import * as templatesRoute from "~/routes/settings.templates";
import * as templateDraftRoute from "~/routes/partners.$partnerId_.template-draft";
import { inboundSecret } from "~/features/mail/mail-settings.server";
import { fileRawMessage, startMailImport } from "~/features/mail/mail-inbound.server";
import { sendDailyDigests, sendMonthlyReportIfDue } from "~/jobs/scheduled-mail.server";
import { erasePersonalData } from "~/features/accounts/personal-data.server";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { finishedJob, startTestJobQueue, stopJobQueue } from "../setup/jobs";
import { mailJobsSettled, smtpClient, startAppReceiver, startCapturingServer, type CapturingServer } from "../setup/mail";

let cm: { id: string; cookie: string; email: string };
let reviewer: { id: string; cookie: string };
let partnerServer: CapturingServer;
let receiver: { port: number; close: () => Promise<void> };
let logAddress = "";

async function user(role: "manager" | "marketing" | "admin") {
  const created = await createTestUser(role);
  return { id: created.id, email: created.email, cookie: await cookieFor(created.id) };
}

async function partner(name: string, email: string, stage: "active" | "prospect" = "active") {
  return (await db().partner.create({ data: { name, kind: "blogger", email, stage } })).id;
}

const onDraft = (draftId: string, fields: Record<string, string>, cookie: string) =>
  responseOf(() => draftRoute.action(args(formRequest(`/drafts/${draftId}`, fields, { cookie }), { draftId })));

/** A draft written, submitted by the CM and approved by someone else: ready to send. */
async function approvedDraft(partnerId: string, subject: string, body = "Bonjour ! Voici notre proposition.") {
  const draft = await db().draft.create({
    data: {
      partnerId,
      authorId: cm.id,
      kind: "message",
      channel: "email",
      subject,
      body,
      events: { create: { actorId: cm.id, action: "created" } },
    },
  });
  expect((await onDraft(draft.id, { intent: "submit", formId: "submit" }, cm.cookie)).status).toBe(302);
  expect((await onDraft(draft.id, { intent: "review", formId: "review", decision: "approve" }, reviewer.cookie)).status).toBe(302);
  return draft.id;
}

async function sendByEmail(draftId: string) {
  const response = await onDraft(draftId, { intent: "email" }, cm.cookie);
  const draft = await db().draft.findUniqueOrThrow({ where: { id: draftId } });
  return { response, draft };
}

beforeAll(async () => {
  await startTestJobQueue();
  cm = await user("manager");
  reviewer = await user("marketing");
  partnerServer = await startCapturingServer();
  receiver = await startAppReceiver({ maxBytes: 2 * 1024 * 1024 });
  await db().workspaceSettings.update({
    where: { id: 1 },
    data: {
      smtpHost: "127.0.0.1",
      smtpPort: partnerServer.port,
      smtpSecurity: "none",
      mailFromAddress: "team@maison.test",
      mailFromName: "Maison",
    },
  });
  logAddress = `log+${await inboundSecret()}@crm.test`;
});

afterAll(async () => {
  await receiver.close();
  await partnerServer.close();
  await stopJobQueue();
});

describe("sending an approved draft", () => {
  it("sends through SMTP, logs it with its Message-ID, and threads the partner's reply under it", async () => {
    const partnerId = await partner("Camille Reply", "camille@blog.test");
    const task = await db().task.create({
      data: { partnerId, title: "Relancer Camille", dueOn: new Date("2026-12-10"), assigneeId: cm.id },
    });
    const draftId = await approvedDraft(partnerId, "Collaboration printemps");
    const { response, draft } = await sendByEmail(draftId);
    expect(response.status).toBe(302);
    expect(draft.messageId).toMatch(/@maison\.test$/);
    expect((await finishedJob(draft.sendJobId!)).status).toBe("succeeded");

    // The partner's server got exactly this message, from the workspace identity.
    expect(partnerServer.received).toHaveLength(1);
    const delivered = await simpleParser(partnerServer.received[0].raw);
    expect(partnerServer.received[0].to).toEqual(["camille@blog.test"]);
    expect(delivered.messageId).toBe(`<${draft.messageId}>`);
    expect(delivered.subject).toBe("Collaboration printemps");
    expect(delivered.from?.text).toContain("team@maison.test");

    const sent = await db().interaction.findUniqueOrThrow({ where: { draftId }, include: { mailMessage: true } });
    expect(sent.direction).toBe("outbound");
    expect(sent.mailMessage?.messageId).toBe(draft.messageId);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("sent");

    // The reply, sent to the log address (as a BCC copy would be), lands under the sent message.
    await smtpClient(receiver.port).sendMail({
      from: "Camille <camille@blog.test>",
      to: "team@maison.test",
      bcc: logAddress,
      subject: "Re: Collaboration printemps",
      text: "Avec plaisir, envoyez-moi le coffret.",
      inReplyTo: `<${draft.messageId}>`,
      references: [`<${draft.messageId}>`],
      attachments: [{ filename: "media-kit.pdf", content: Buffer.from("%PDF-1.4 media kit") }],
    });
    await mailJobsSettled();
    const reply = await db().interaction.findFirstOrThrow({
      where: { partnerId, direction: "inbound" },
      include: { mailMessage: { include: { attachments: true } } },
    });
    expect(reply.inReplyToId).toBe(sent.id);
    expect(reply.body).toContain("Avec plaisir");
    expect(reply.authorId).toBeNull();
    expect(reply.mailMessage?.attachments).toHaveLength(1);
    expect(reply.mailMessage?.attachments[0].sha256).toBe(createHash("sha256").update("%PDF-1.4 media kit").digest("hex"));
    // Stop on reply: the follow-up leaves "my follow-ups", marked replied with the reply.
    const replied = await db().task.findUniqueOrThrow({ where: { id: task.id } });
    expect(replied.repliedAt).not.toBeNull();
    expect(replied.replyId).toBe(reply.id);
    expect(await db().auditEvent.count({ where: { action: "task.replied", entityId: task.id } })).toBe(1);

    // The same message received twice is logged once: here the copy of what we sent, imported back.
    const again = await fileRawMessage(partnerServer.received[0].raw, "imported");
    expect(again.outcome).toBe("duplicate");
    expect(await db().interaction.count({ where: { partnerId } })).toBe(2);
  });

  it("re-checks do-not-contact at send time: a retry after the partner opted out fails for good, with the reason on the draft", async () => {
    const partnerId = await partner("Opt Out", "optout@blog.test");
    const draftId = await approvedDraft(partnerId, "Offre");
    partnerServer.refuseNext(1);
    const before = partnerServer.received.length;
    const { draft } = await sendByEmail(draftId);
    // The first try meets a busy server (451): the job waits to try again, and says why.
    for (let i = 0; i < 100; i++) {
      const job = await db().job.findUniqueOrThrow({ where: { id: draft.sendJobId! } });
      if (job.error) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await db().job.findUniqueOrThrow({ where: { id: draft.sendJobId! } })).error).toMatch(/^mail\.serverUnreachable/);
    await db().partner.update({ where: { id: partnerId }, data: { stage: "do_not_contact" } });
    const job = await finishedJob(draft.sendJobId!, 60_000);
    expect(job.status).toBe("failed");
    expect(job.error).toBe("outreach.doNotContact");
    expect(partnerServer.received.length).toBe(before);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("approved");
    expect(await db().interaction.count({ where: { partnerId } })).toBe(0);
  }, 90_000);

  it("refuses at once what could not go: a daily cap reached, a subject with a line break", async () => {
    const partnerId = await partner("Capped", "capped@blog.test");
    const draftId = await approvedDraft(partnerId, "Cap");
    await db().workspaceSettings.update({ where: { id: 1 }, data: { dailySendCap: 1 } });
    const capped = await sendByEmail(draftId);
    await db().workspaceSettings.update({ where: { id: 1 }, data: { dailySendCap: 200 } });
    expect(capped.response.status).toBe(409);
    expect(await capped.response.json()).toMatchObject({ error: "mail.dailyCapReached?cap=1" });
    expect(capped.draft.sendJobId).toBeNull();

    const created = await db().draft.create({
      data: {
        partnerId,
        authorId: cm.id,
        kind: "message",
        channel: "email",
        subject: "x",
        body: "y",
        events: { create: { actorId: cm.id, action: "created" } },
      },
    });
    const injected = await onDraft(
      created.id,
      { intent: "edit", formId: "edit-draft", kind: "message", channel: "email", subject: "Hi\r\nBcc: all@evil.test", body: "y" },
      cm.cookie,
    );
    expect(injected.status).toBe(400);
    expect((await db().draft.findUniqueOrThrow({ where: { id: created.id } })).subject).toBe("x");
  });
});

describe("the SMTP receiver", () => {
  it("rejects mail for any other address, too many recipients and oversized messages at the SMTP level", async () => {
    const client = smtpClient(receiver.port);
    await expect(client.sendMail({ from: "a@x.test", to: "someone@crm.test", text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    // Past 50 recipients each RCPT TO is answered 452; the message goes to the first 50 only.
    const crowded = await client.sendMail({
      envelope: { from: "a@x.test", to: Array.from({ length: 60 }, (_, i) => logAddress.replace("@crm.test", `@d${i}.test`)) },
      raw: "Subject: x\r\n\r\nhi",
    });
    expect([crowded.accepted.length, crowded.rejected.length]).toEqual([50, 10]);
    expect((crowded as unknown as { rejectedErrors: { responseCode: number }[] }).rejectedErrors[0].responseCode).toBe(452);
    await expect(client.sendMail({ from: "a@x.test", to: logAddress, text: "x".repeat(3 * 1024 * 1024) })).rejects.toMatchObject({
      responseCode: 552,
    });
    await mailJobsSettled();
    expect(await db().mailMessage.count({ where: { fromAddress: "a@x.test" } })).toBe(0);
  });

  it("sends mail that matches no partner to triage, where a person attaches or discards it, audited", async () => {
    const client = smtpClient(receiver.port);
    await client.sendMail({ from: "Nadia <nadia@unknown.test>", to: logAddress, subject: "Partenariat ?", text: "Je suis blogueuse." });
    await client.sendMail({ from: "spam@unknown.test", to: logAddress, subject: "Win", text: "Buy now" });
    await mailJobsSettled();
    const nadia = await db().mailMessage.findFirstOrThrow({ where: { fromAddress: "nadia@unknown.test" } });
    const spam = await db().mailMessage.findFirstOrThrow({ where: { fromAddress: "spam@unknown.test" } });
    expect([nadia.status, spam.status]).toEqual(["triage", "triage"]);

    const partnerId = await partner("Nadia Blog", "contact@nadia.test");
    // The inbox suggests the partner whose name has a word of the sender's, and no one for the spam.
    const listed = await (await responseOf(() => mailInboxRoute.loader(args(getRequest("/mail", { cookie: cm.cookie }))))).json();
    const suggested = (id: string) =>
      listed.messages.find((m: { id: string }) => m.id === id).suggestions.map((p: { name: string }) => p.name);
    expect(suggested(nadia.id)).toEqual(["Nadia Blog"]);
    expect(suggested(spam.id)).toEqual([]);
    const inbox = (fields: Record<string, string>) =>
      responseOf(() => mailInboxRoute.action(args(formRequest("/mail", fields, { cookie: cm.cookie }))));
    const unknown = await inbox({ intent: "attach", formId: "attach", messageId: nadia.id, partner: "nobody@nowhere.test" });
    expect(unknown.status).toBe(422);
    expect((await inbox({ intent: "attach", formId: "attach", messageId: nadia.id, partner: "Nadia Blog" })).status).toBe(302);
    expect(await db().interaction.count({ where: { partnerId, mailMessageId: nadia.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "mail.attach", entityId: nadia.id, actorId: cm.id } })).toBe(1);
    expect((await inbox({ intent: "discard", messageId: spam.id })).status).toBe(302);
    const discarded = await db().mailMessage.findUniqueOrThrow({ where: { id: spam.id } });
    expect([discarded.status, discarded.bodyText, discarded.raw]).toEqual(["discarded", "", null]);
    expect(await db().auditEvent.count({ where: { action: "mail.discard", entityId: spam.id } })).toBe(1);
    // A second decision on the same message is refused.
    expect((await inbox({ intent: "discard", messageId: nadia.id })).status).toBe(409);
  });

  it("marks a partner's address as bouncing from a delivery failure report", async () => {
    const partnerId = await partner("Bouncy", "gone@blog.test");
    const report = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.test>",
      `To: ${logAddress}`,
      "Subject: Undelivered Mail Returned to Sender",
      "Message-ID: <bounce-1@mx.test>",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "MIME-Version: 1.0",
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Your message could not be delivered.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.test",
      "",
      "Final-Recipient: rfc822; gone@blog.test",
      "Action: failed",
      "Status: 5.1.1",
      "--b1--",
      "",
    ].join("\r\n");
    await smtpClient(receiver.port).sendMail({ envelope: { from: "", to: [logAddress] }, raw: report });
    await mailJobsSettled();
    expect((await db().partner.findUniqueOrThrow({ where: { id: partnerId } })).emailBouncedAt).not.toBeNull();
    expect((await db().mailMessage.findUniqueOrThrow({ where: { messageId: "bounce-1@mx.test" } })).status).toBe("bounce");
    // Sending to a bouncing address is refused before anything goes out.
    const draftId = await approvedDraft(partnerId, "Encore ?");
    expect((await sendByEmail(draftId)).response.status).toBe(409);
  });
});

describe("scheduled mail", () => {
  it("mails the monthly report as a PDF on the month's first working day only, and each CM's digest", async () => {
    await db().workspaceSettings.update({
      where: { id: 1 },
      data: { monthlyReportRecipients: ["direction@maison.test", "cm-team@maison.test"] },
    });
    const before = partnerServer.received.length;
    // 1 December 2026 is a Tuesday: the first working day. 2 December is not.
    expect(await sendMonthlyReportIfDue(new Date("2026-12-02T07:00:00Z"))).toMatchObject({ sent: false });
    expect(await sendMonthlyReportIfDue(new Date("2026-12-01T07:00:00Z"))).toMatchObject({ sent: true, month: "2026-11", recipients: 2 });
    expect(partnerServer.received.length).toBe(before + 1);
    const report = partnerServer.received.at(-1)!;
    expect(report.to.sort()).toEqual(["cm-team@maison.test", "direction@maison.test"]);
    const parsed = await simpleParser(report.raw);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([["monthly-report-2026-11.pdf", "application/pdf"]]);
    expect(parsed.attachments[0].content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await db().auditEvent.count({ where: { action: "report.mailed", entityId: "2026-11" } })).toBe(1);

    const digestUser = await user("manager");
    const partnerId = await partner("Digest Partner", "digest@blog.test");
    await db().task.create({
      data: { partnerId, title: "Relancer pour le coffret", dueOn: new Date("2026-01-05"), assigneeId: digestUser.id },
    });
    await sendDailyDigests();
    const digest = partnerServer.received.filter((m) => m.to.includes(digestUser.email));
    expect(digest).toHaveLength(1);
    expect((await simpleParser(digest[0].raw)).text).toContain("Digest Partner: Relancer pour le coffret");
  });
});

describe("privacy", () => {
  it("erasing a partner empties their messages' text, original and attachments, and keeps that they existed", async () => {
    const partnerId = await partner("Erase Mail", "erase-me@blog.test");
    await smtpClient(receiver.port).sendMail({
      from: "Erase Me <erase-me@blog.test>",
      to: logAddress,
      cc: "someone-else@other.test",
      subject: "Mon adresse personnelle",
      text: "J'habite 3 rue des Lilas.",
      attachments: [{ filename: "photo.jpg", content: Buffer.from("jpeg bytes") }],
    });
    await mailJobsSettled();
    const before = await db().interaction.findFirstOrThrow({ where: { partnerId }, select: { mailMessageId: true } });
    const admin = await createTestUser("admin");
    await erasePersonalData(admin.id, partnerId);
    const message = await db().mailMessage.findUniqueOrThrow({ where: { id: before.mailMessageId! }, include: { attachments: true } });
    expect([message.subject, message.bodyText, message.raw, message.fromName, message.fromAddress]).toEqual([
      null,
      "",
      null,
      null,
      "erased@erased.invalid",
    ]);
    expect(message.ccAddresses).toEqual(["someone-else@other.test"]);
    expect(message.erasedAt).not.toBeNull();
    expect(message.attachments.map((a) => [a.content, a.filename])).toEqual([[null, null]]);
    expect(message.attachments[0].sha256).toHaveLength(64);
    expect(JSON.stringify(message.headers)).not.toContain("erase-me");
  });
});

describe("history import", () => {
  it("files .eml and .mbox through the same path: matched, deduplicated, and bad messages refused with a reason", async () => {
    const partnerId = await partner("Mbox Partner", "mbox@blog.test");
    const message = (id: string, extra = "") =>
      `From: Mbox Partner <mbox@blog.test>\r\nTo: ${cm.email}\r\nSubject: Old ${id}\r\nMessage-ID: <${id}@old.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n${extra}\r\nHello ${id}\r\n`;
    const tenThousand = Array.from({ length: 10_000 }, (_, i) => `r${i}@x.test`).join(", ");
    const mbox = [
      `From mbox@blog.test Mon Mar  2 10:00:00 2026\n${message("m1")}`,
      `From mbox@blog.test Mon Mar  2 11:00:00 2026\n${message("m2")}`,
      `From mbox@blog.test Mon Mar  2 11:00:00 2026\n${message("m1")}`,
      `From x@y Mon Mar  2 12:00:00 2026\nthis is not a message at all\n`,
      `From x@y Mon Mar  2 12:00:00 2026\nFrom: a@x.test\r\nTo: ${tenThousand}\r\nSubject: many\r\n\r\nhi\r\n`,
      `From x@y Mon Mar  2 12:00:00 2026\nFrom: mbox@blog.test\r\nSubject: =?UTF-8?Q?Hi=0D=0ABcc:_evil@x.test?=\r\nMessage-ID: <inject@old.test>\r\n\r\nhi\r\n`,
    ].join("\n");
    const jobId = await startMailImport(cm.id, [
      { name: "old.mbox", bytes: Buffer.from(mbox) },
      { name: "one.eml", bytes: Buffer.from(message("m3")) },
    ]);
    const job = await finishedJob(jobId);
    expect(job.status).toBe("succeeded");
    expect(job.total).toBe(7);
    expect(job.result).toMatchObject({ logged: 4, duplicate: 1, triage: 0 });
    const refused = (job.result as { refused: { reason: string }[] }).refused.map((r) => r.reason.split("?")[0]);
    expect(refused).toEqual(["mail.notAMessage", "mail.tooManyAddresses"]);
    expect(await db().interaction.count({ where: { partnerId } })).toBe(4);
    // A subject that decodes to two lines is kept on one: it cannot become a header.
    expect((await db().mailMessage.findUniqueOrThrow({ where: { messageId: "inject@old.test" } })).subject).toBe("Hi Bcc: evil@x.test");
    expect(await db().inboundMail.count({ where: { jobId } })).toBe(0);

    // A 30 MB message is refused with its reason, and nothing of it is kept.
    const huge = Buffer.concat([Buffer.from("From: big@x.test\r\nSubject: big\r\n\r\n"), Buffer.alloc(30 * 1024 * 1024, 97)]);
    await expect(fileRawMessage(huge, "imported")).rejects.toMatchObject({ messageKey: "mail.tooLarge" });
    expect(await db().mailMessage.count({ where: { fromAddress: "big@x.test" } })).toBe(0);
  });
});

describe("templates", () => {
  const onTemplates = (fields: Record<string, string>) =>
    responseOf(() => templatesRoute.action(args(formRequest("/settings/templates", fields, { cookie: cm.cookie }))));

  it("refuses unknown variables and markup, and fills a draft from a template", async () => {
    const base = { intent: "create", formId: "template-new", name: "Premier contact", language: "fr" };
    const unknown = await onTemplates({ ...base, subject: "Bonjour {{firstName}}", body: "Texte" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("templates.unknownVariable");
    const script = await onTemplates({ ...base, subject: "Bonjour", body: "Hi <script>alert(1)</script>" });
    expect(script.status).toBe(400);
    expect(JSON.stringify(await script.json())).toContain("templates.noMarkup");
    expect(await db().messageTemplate.count({ where: { name: "Premier contact" } })).toBe(0);

    const created = await onTemplates({
      ...base,
      subject: "{{campaign}} : une idée pour vous, {{partnerName}}",
      body: "Bonjour {{partnerName}},\nRéponse avant le {{dueDate}}. {{gift}}",
    });
    expect(created.status).toBe(302);
    const template = await db().messageTemplate.findFirstOrThrow({ where: { name: "Premier contact" } });
    const campaign = await db().campaign.create({ data: { name: `Printemps ${Date.now()}` } });
    const partnerId = await partner("Léa Template", "lea@blog.test");
    const response = await responseOf(() =>
      templateDraftRoute.action(
        args(
          formRequest(
            `/partners/${partnerId}/template-draft`,
            { formId: "draft-from-template", templateId: template.id, campaignId: campaign.id, giftId: "", dueOn: "2026-12-15" },
            { cookie: cm.cookie },
          ),
          { partnerId },
        ),
      ),
    );
    expect(response.status).toBe(302);
    const draft = await db().draft.findFirstOrThrow({ where: { partnerId, templateId: template.id } });
    expect(draft.subject).toBe(`${campaign.name} : une idée pour vous, Léa Template`);
    expect(draft.body).toBe("Bonjour Léa Template,\nRéponse avant le 15 décembre 2026. {{gift}}");
    // The unfilled {{gift}} keeps it from review until someone fills it in.
    const submit = await onDraft(draft.id, { intent: "submit", formId: "submit" }, cm.cookie);
    expect(submit.status).toBe(422);
  });
});
