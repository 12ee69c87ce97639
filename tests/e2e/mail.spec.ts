/**
 * The mail loop, end to end with real SMTP on loopback: a draft written from a template, approved
 * and sent through nodemailer to a receiving server started here; the partner's reply, sent to the
 * app's own SMTP receiver (the log address), appears threaded in their log and answers the follow-up.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { MAIL_RECEIVER_PORT } from "../../playwright.config";
import { expect, test } from "./fixtures";

const received: Buffer[] = [];
let server: SMTPServer;
let port = 0;

test.beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("a draft from a template is approved and sent by SMTP; the reply to the log address is threaded under it and answers the follow-up", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const name = `Mail Partner ${stamp}`;
  const partnerEmail = `mail-partner-${stamp}@blog.test`;

  // The admin points outgoing mail at the receiving server and reads the log address.
  await signInAs("admin");
  await page.goto("/settings/mail");
  const settings = page.locator("#mail-settings");
  await settings.getByLabel("SMTP server", { exact: true }).fill("127.0.0.1");
  await settings.getByLabel("Port", { exact: true }).fill(String(port));
  await settings.getByLabel("Encryption").selectOption("none");
  await settings.getByLabel("From address", { exact: true }).fill("team@maison.test");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const logAddress = (await page.getByTestId("log-address").textContent())!.trim();
  expect(logAddress).toMatch(/^log\+[0-9a-f]+@/);

  // A template with variables.
  await page.goto("/settings/templates");
  const template = page.locator("#template-new");
  await template.getByLabel("Name").fill(`First contact ${stamp}`);
  await template.getByLabel("Language").selectOption("en");
  await template.getByLabel("Subject").fill("An idea for you, {{partnerName}}");
  await template
    .getByLabel("Message")
    .fill("Dear {{partnerName}},\nWe would love to send you our spring box. Could you answer by {{dueDate}}?");
  await template.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByRole("status")).toHaveText("Template created.");

  // The CM: a partner with an email, a follow-up, and a draft from the template.
  await page.context().clearCookies();
  await signInAs("manager");
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(partnerEmail);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const partnerUrl = page.url().split("?")[0];
  await page.goto(`${partnerUrl}?tab=outreach`);
  await page.locator("summary", { hasText: "Add follow-up" }).click();
  const task = page.locator("#new-task");
  await task.getByLabel("What to do").fill("Chase the spring box answer");
  await task.getByLabel("Due").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await task.getByRole("button", { name: "Add follow-up" }).click();
  await expect(page.getByRole("status")).toHaveText("Follow-up added.");

  await page.getByRole("link", { name: "Write from a template" }).click();
  await page.getByLabel("Template", { exact: true }).selectOption({ label: `First contact ${stamp} (English)` });
  await page.getByLabel("Due date").fill("2026-12-15");
  await page.getByRole("button", { name: "Write the draft" }).click();
  // The draft is the preview: the variables are filled before anyone reviews it.
  await expect(page.getByRole("heading", { name: `An idea for you, ${name}` })).toBeVisible();
  await expect(page.locator("p.prewrap")).toContainText("Could you answer by December 15, 2026?");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toHaveText("Submitted for review.");
  const draftUrl = page.url();

  // Marketing approves; the CM sends it by email.
  await page.context().clearCookies();
  await signInAs("marketing");
  await page.goto(draftUrl);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved.");
  await page.context().clearCookies();
  await signInAs("manager");
  await page.goto(draftUrl);
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Send by email" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send by email" }).click();
  await expect(page.getByText("Sent", { exact: true })).toBeVisible({ timeout: 20_000 });

  // The receiving server got it, from the workspace, with the Message-ID the log keeps.
  await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const sent = await simpleParser(received.at(-1)!);
  expect(sent.subject).toBe(`An idea for you, ${name}`);
  expect(sent.to && !Array.isArray(sent.to) ? sent.to.text : "").toBe(partnerEmail);
  expect(sent.from?.text).toContain("team@maison.test");
  const messageId = sent.messageId!;

  // The partner answers; the CM had the log address in BCC.
  await nodemailer.createTransport({ host: "127.0.0.1", port: MAIL_RECEIVER_PORT, secure: false, ignoreTLS: true }).sendMail({
    from: `${name} <${partnerEmail}>`,
    to: "team@maison.test",
    bcc: logAddress,
    subject: `Re: An idea for you, ${name}`,
    text: "Yes please! Send it to my studio.",
    inReplyTo: messageId,
    references: [messageId],
  });

  // The reply is in the partner's log, threaded under the sent message, and the follow-up is answered.
  await page.goto(`${partnerUrl}?tab=outreach`);
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".timeline-reply")).toContainText("Yes please! Send it to my studio.", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.locator(".timeline-reply .timeline-thread")).toHaveText(`↳ In reply to “An idea for you, ${name}”`);
  await expect(page.locator("li", { hasText: "Chase the spring box answer" }).getByText("Replied")).toBeVisible();
  await page.goto("/follow-ups");
  await expect(page.getByRole("heading", { name: "They replied" })).toBeVisible();
  await expect(page.locator("#upcoming-title + *")).not.toContainText("Chase the spring box answer");
  await page.goto("/");
  await expect(page.getByTestId("replied-follow-ups")).toContainText("Chase the spring box answer");
});
