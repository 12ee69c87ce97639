/** Real SMTP on loopback: a receiving server standing in for a partner's mail host, and the app's receiver. */
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { expect } from "vitest";
import { acceptInboundMail } from "~/features/mail/mail-inbound.server";
import { acceptsLogRecipient } from "~/features/mail/mail-settings.server";
import { db } from "~/utils/db.server";
import { startMailReceiver, stopMailReceiver } from "~/features/mail/mail-receiver.server";

export interface CapturingServer {
  port: number;
  received: { from: string; to: string[]; raw: Buffer }[];
  /** The next n messages get a 451 (try again later). */
  refuseNext: (count: number) => void;
  close: () => Promise<void>;
}

/** An SMTP server that keeps what it is given (smtp-server, no authentication, no TLS). */
export async function startCapturingServer(): Promise<CapturingServer> {
  const received: CapturingServer["received"] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const busy = Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 });
          return callback(busy);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null, "Queued");
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refuseNext: (count) => (refusals = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The app's receiver on a free loopback port, wired as the server wires it. */
export async function startAppReceiver(options: { maxBytes?: number } = {}) {
  const server = await startMailReceiver({
    port: 0,
    host: "127.0.0.1",
    acceptsRecipient: acceptsLogRecipient,
    onMessage: async (raw) => void (await acceptInboundMail(raw)),
    maxBytes: options.maxBytes,
  });
  return { port: (server.server.address() as AddressInfo).port, close: () => stopMailReceiver(server) };
}

/** nodemailer pointed at a loopback SMTP port. */
export function smtpClient(port: number) {
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
}

/** Waits until every mail job so far has finished (received mail is filed by a job). */
export async function mailJobsSettled(timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await db().job.count({ where: { kind: { startsWith: "mail." }, status: { in: ["queued", "running"] } } });
    if (open === 0) return;
    expect(Date.now(), "mail jobs still running").toBeLessThan(until);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
