/**
 * Outgoing mail through nodemailer (ADR 0014). A message is built first, so the exact bytes sent are
 * the ones the log keeps, then handed to the workspace's SMTP server.
 */
import nodemailer from "nodemailer";
import { RuleViolation, TransientFailure } from "~/shared/violations";
import type { WorkspaceSettings } from "~/features/accounts/index.server";
import { openSecret } from "~/utils/secret-box.server";

export interface OutgoingMessage {
  from: { name: string; address: string };
  replyTo: string | null;
  to: string | string[];
  subject: string;
  text: string;
  /** Without angle brackets. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  inReplyTo?: string | null;
  references?: string[];
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

/** The message as it will travel: headers are encoded and folded by nodemailer, never pasted. */
export async function composeMessage(message: OutgoingMessage): Promise<Buffer> {
  const info = await composer.sendMail({
    from: message.from,
    to: message.to,
    replyTo: message.replyTo ?? undefined,
    subject: message.subject,
    text: message.text,
    messageId: `<${message.messageId}>`,
    inReplyTo: message.inReplyTo ? `<${message.inReplyTo}>` : undefined,
    references: message.references?.map((id) => `<${id}>`),
    attachments: message.attachments,
    date: new Date(),
  });
  return info.message as Buffer;
}

function smtpTransport(settings: WorkspaceSettings) {
  if (!settings.smtpHost) throw new RuleViolation("mail.notConfigured", 409);
  return nodemailer.createTransport({
    host: settings.smtpHost,
    port: settings.smtpPort,
    secure: settings.smtpSecurity === "tls",
    requireTLS: settings.smtpSecurity === "starttls",
    ignoreTLS: settings.smtpSecurity === "none",
    auth: settings.smtpUser
      ? { user: settings.smtpUser, pass: settings.smtpPasswordSealed ? openSecret(settings.smtpPasswordSealed) : "" }
      : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

/**
 * Hands the message to the SMTP server. A refusal (a 5xx answer, a failed login) is final and says
 * what the server said; anything else (no answer, a 4xx) is worth another try.
 */
export async function deliver(settings: WorkspaceSettings, envelope: { from: string; to: string[] }, raw: Buffer) {
  const transport = smtpTransport(settings);
  try {
    const info = await transport.sendMail({ envelope, raw });
    const rejected = info.rejected.map(String);
    if (rejected.length) throw new RuleViolation("mail.recipientRefused", 422, undefined, { response: String(info.response ?? "") });
    return { response: String(info.response ?? "") };
  } catch (error) {
    if (error instanceof RuleViolation) throw error;
    const failure = error as { code?: string; responseCode?: number; response?: string; message?: string };
    const said = (failure.response ?? failure.message ?? "").slice(0, 300);
    if (failure.code === "EAUTH") throw new RuleViolation("mail.loginRefused", 422, undefined, { response: said });
    if (failure.responseCode && failure.responseCode >= 500)
      throw new RuleViolation("mail.serverRefused", 422, undefined, { response: said });
    throw new TransientFailure("mail.serverUnreachable", { response: said || String(failure.code ?? "") });
  } finally {
    transport.close();
  }
}
