/**
 * The SMTP receiver (smtp-server, ADR 0014): it takes mail for the log address only, refuses the
 * rest at RCPT TO, and hands each message over whole. Limits: message size (SIZE, checked again on
 * the bytes), recipients per message, connections at once and per client address per minute.
 */
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { MAX_ENVELOPE_RECIPIENTS, MAX_MESSAGE_BYTES } from "./mail-terms";

export interface MailReceiverOptions {
  port: number;
  host: string;
  /** Whether RCPT TO names the log address. */
  acceptsRecipient: (address: string) => Promise<boolean>;
  /** Stores the message; a throw answers 451 so the sender tries again later. */
  onMessage: (raw: Buffer, session: SMTPServerSession) => Promise<void>;
  maxBytes?: number;
  connectionsPerMinute?: number;
}

class SmtpReply extends Error {
  constructor(
    public responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startMailReceiver(options: MailReceiverOptions): Promise<SMTPServer> {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  const perMinute = options.connectionsPerMinute ?? 120;
  const recent = new Map<string, number[]>();
  const server = new SMTPServer({
    name: "partnerledger",
    banner: "PartnerLedger mail log",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onConnect(session, callback) {
      const now = Date.now();
      const times = (recent.get(session.remoteAddress) ?? []).filter((time) => now - time < 60_000);
      times.push(now);
      recent.set(session.remoteAddress, times);
      if (recent.size > 10_000) recent.clear();
      if (times.length > perMinute) return callback(new SmtpReply(421, "Too many connections from your address; try again later"));
      callback();
    },
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_ENVELOPE_RECIPIENTS) return callback(new SmtpReply(452, "Too many recipients"));
      options
        .acceptsRecipient(address.address)
        .then((accepted) => callback(accepted ? undefined : new SmtpReply(550, "No such mailbox here")))
        .catch(() => callback(new SmtpReply(451, "Temporary failure; try again later")));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > maxBytes)
          return callback(new SmtpReply(552, `Message too large: the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB`));
        options
          .onMessage(Buffer.concat(chunks), session)
          .then(() => callback(null, "Logged"))
          .catch((error: unknown) => {
            console.error(`Mail receiver: ${(error as Error).message}`);
            callback(new SmtpReply(451, "Temporary failure; try again later"));
          });
      });
    },
  });
  server.on("error", (error) => console.error(`Mail receiver: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}

export function stopMailReceiver(server: SMTPServer) {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}
