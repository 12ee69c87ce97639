/**
 * What a request body may be, decided from its headers before anything reads it: forms only
 * (URL-encoded or multipart), with a declared length under a per-route limit. Imports take files;
 * every other form is text typed by people.
 */

export const MAX_FORM_BODY_BYTES = 1024 * 1024;
export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;
/** Mail history: an mbox export of a mailbox runs large. */
export const MAX_MAIL_IMPORT_BODY_BYTES = 60 * 1024 * 1024;
const MAIL_IMPORT_PATH = /^\/mail\/import\/?$/;
import { MAX_UPLOAD_BODY_BYTES } from "~/shared/uploads";

/** Portal forms that carry files: drafts with media, the live post's statistics, invoices. */
const UPLOAD_PATHS = /^\/portal\/(content\/[^/]+|invoices)\/?$/;

const IMPORT_PATHS = /^\/(partners|gifts|placements|coverage|orders)\/import\/?$|^\/settings\/rates\/?$/;
const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Shops post their webhooks as JSON, signed; the route checks the signature before using a byte. */
const WEBHOOK_PATHS = /^\/webhooks\/[a-z]+\/?$/;
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export type BodyRefusal = { status: 411 | 413 | 415; reason: string };

export function bodyLimitFor(path: string): number {
  if (UPLOAD_PATHS.test(path)) return MAX_UPLOAD_BODY_BYTES;
  if (MAIL_IMPORT_PATH.test(path)) return MAX_MAIL_IMPORT_BODY_BYTES;
  return IMPORT_PATHS.test(path) ? MAX_IMPORT_BODY_BYTES : MAX_FORM_BODY_BYTES;
}

export function bodyRefusal(
  method: string,
  path: string,
  headers: { contentLength?: string; transferEncoding?: string; contentType?: string },
): BodyRefusal | null {
  if (BODYLESS_METHODS.has(method.toUpperCase())) return null;
  const declared = headers.contentLength;
  if (declared === undefined) {
    // A streamed body of unknown length cannot be bounded before it is read; browsers always declare one.
    return headers.transferEncoding ? { status: 411, reason: "no Content-Length" } : null;
  }
  const bytes = Number(declared);
  if (!/^\d+$/.test(declared) || !Number.isSafeInteger(bytes)) return { status: 413, reason: `bad Content-Length ${declared}` };
  if (bytes > bodyLimitFor(path)) return { status: 413, reason: `${bytes} bytes` };
  if (bytes === 0) return null;
  const type = (headers.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (WEBHOOK_PATHS.test(path) && type === "application/json") return null;
  if (!FORM_TYPES.includes(type)) return { status: 415, reason: `Content-Type ${type || "none"}` };
  return null;
}
