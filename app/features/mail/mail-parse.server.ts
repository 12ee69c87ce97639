/** Reading a raw message (mailparser, ADR 0014): the parts the log keeps, or a refusal with its reason. */
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { MAX_MESSAGE_ADDRESSES, MAX_MESSAGE_BYTES } from "./mail-terms";
import { RuleViolation } from "~/shared/violations";

export interface ParsedMessage {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null };
  to: string[];
  cc: string[];
  subject: string | null;
  text: string;
  headers: [string, string][];
  sentAt: Date | null;
  rawSha256: string;
  sizeBytes: number;
  attachments: { filename: string | null; contentType: string; content: Buffer; sha256: string }[];
  /** For a delivery failure report: the addresses it says failed. */
  failedRecipients: string[] | null;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const bare = (id: string) => id.trim().replace(/^<|>$/g, "").trim();
/** One line: a decoded header may still carry line breaks meant to start another header. */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029\u0085\t]+/g, " ").trim();

function addressEntries(field: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const groups = Array.isArray(field) ? field : field ? [field] : [];
  const flat = (list: AddressObject["value"]): { address: string; name: string }[] =>
    list.flatMap((entry) => (entry.group ? flat(entry.group) : entry.address ? [{ address: entry.address, name: entry.name }] : []));
  return groups.flatMap((group) => flat(group.value));
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [...new Set(addressEntries(field).map((entry) => entry.address.toLowerCase()))];
}

/** A header as people read it: encoded words decoded, addresses and dates written out. */
function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toUTCString();
  if (Array.isArray(value)) return value.map(headerText).join(", ");
  if (value && typeof value === "object") {
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("value" in value) {
      const { value: main, params } = value as { value: unknown; params?: Record<string, string> };
      return [String(main), ...Object.entries(params ?? {}).map(([k, v]) => `${k}=${v}`)].join("; ");
    }
  }
  return String(value ?? "");
}

/** Each header once per line of the original, in order, decoded; at most 500. */
function readableHeaders(parsed: ParsedMail): [string, string][] {
  const seen = new Map<string, number>();
  return parsed.headerLines.slice(0, 500).map((line) => {
    const index = seen.get(line.key) ?? 0;
    seen.set(line.key, index + 1);
    // Repeated headers (Received) come back as an array from mailparser: take this line's own.
    const value = parsed.headers.get(line.key);
    const own = Array.isArray(value) && value.length > index ? value[index] : value;
    return [line.key, oneLine(headerText(own)).slice(0, 2000)];
  });
}

/** "Final-Recipient: rfc822; a@b" lines of a delivery report whose action failed. */
function failedRecipientsOf(parsed: ParsedMail, raw: Buffer): string[] | null {
  const contentType = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const isReport = contentType?.value === "multipart/report" && contentType.params?.["report-type"]?.toLowerCase() === "delivery-status";
  if (!isReport) return null;
  // mailparser folds the message/delivery-status part into the text; the per-recipient fields are read from the original.
  const text = raw.toString("latin1");
  const failed: string[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const recipient = /^(?:Final|Original)-Recipient:\s*rfc822;\s*(\S+)/im.exec(block)?.[1];
    const action = /^Action:\s*(\S+)/im.exec(block)?.[1]?.toLowerCase();
    if (recipient && action === "failed") failed.push(bare(recipient).toLowerCase());
  }
  return failed;
}

export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  if (raw.length > MAX_MESSAGE_BYTES)
    throw new RuleViolation("mail.tooLarge", 422, undefined, { megabytes: String(MAX_MESSAGE_BYTES / 1024 / 1024) });
  // A message starts with headers: "Name: value" on its first line.
  if (
    !/^[\x21-\x39\x3b-\x7e]+:/.test(
      raw
        .subarray(0, 200)
        .toString("latin1")
        .replace(/^From [^\n]*\n/, ""),
    )
  )
    throw new RuleViolation("mail.notAMessage", 422);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: false, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    throw new RuleViolation("mail.malformed", 422, undefined, { reason: String((error as Error).message).slice(0, 200) });
  }
  const from = addressEntries(parsed.from)[0];
  if (!from?.address) throw new RuleViolation("mail.noSender", 422);
  const to = addresses(parsed.to);
  const cc = addresses(parsed.cc);
  if (to.length + cc.length + 1 > MAX_MESSAGE_ADDRESSES)
    throw new RuleViolation("mail.tooManyAddresses", 422, undefined, {
      count: String(to.length + cc.length + 1),
      max: String(MAX_MESSAGE_ADDRESSES),
    });
  const rawSha256 = sha256(raw);
  const references = (Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [])
    .flatMap((value) => value.split(/\s+/))
    .filter(Boolean)
    .map(bare);
  const failedRecipients = failedRecipientsOf(parsed, raw);
  return {
    // A message without a Message-ID is known by its content, so importing it twice still logs it once.
    messageId: parsed.messageId ? bare(parsed.messageId).slice(0, 500) : `sha256-${rawSha256}@partnerledger.invalid`,
    inReplyTo: parsed.inReplyTo ? bare(parsed.inReplyTo.split(/\s+/)[0]) : null,
    references,
    from: { address: from.address.toLowerCase(), name: from.name ? oneLine(from.name).slice(0, 200) : null },
    to,
    cc,
    subject: parsed.subject ? oneLine(parsed.subject).slice(0, 1000) : null,
    // An HTML-only message gets its text made from the HTML by mailparser.
    text: (parsed.text ?? "").slice(0, 1_000_000),
    headers: readableHeaders(parsed),
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    rawSha256,
    sizeBytes: raw.length,
    attachments: parsed.attachments
      .filter((part) => !(failedRecipients && part.contentType.startsWith("message/")))
      .map((part) => ({
        filename: part.filename ? oneLine(part.filename).replace(/[/\\]/g, "_").slice(0, 255) : null,
        contentType: part.contentType.slice(0, 200),
        content: part.content,
        sha256: sha256(part.content),
      })),
    failedRecipients,
  };
}

/** Splits an mbox file into its messages ("From " lines between them, ">From " unquoted). */
export function splitMbox(bytes: Buffer): Buffer[] {
  const text = bytes.toString("latin1");
  if (!text.startsWith("From ")) return [bytes];
  return text
    .split(/\r?\n(?=From [^\r\n]*\r?\n)/)
    .map((chunk) => chunk.replace(/^From [^\n]*\n/, "").replace(/^>(>*From )/gm, "$1"))
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => Buffer.from(chunk, "latin1"));
}
