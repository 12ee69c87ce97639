import { json } from "@remix-run/node";
import { parseMonthParam } from "~/shared/rules";
import { isoDay } from "~/shared/days";
import { RecordIdSchema } from "~/shared/rules";

/** Thrown from loaders and actions; the root error boundary renders a readable page. */
export function forbidden(): never {
  throw json({ message: "errors.forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw json({ message: "errors.notFound" }, { status: 404 });
}

export function tooManyRequests(retryAfterSeconds: number): never {
  throw json({ message: "errors.tooManyRequests" }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/** A query string the page cannot answer (e.g. a period that ends before it starts). */
export function badRequest(messageKey: string): never {
  throw json({ message: messageKey }, { status: 400 });
}

/** `?month=YYYY-MM` (this month when absent); a malformed month is a 400. */
export function requireMonthParam(request: Request): string {
  const parsed = parseMonthParam(new URL(request.url).searchParams.get("month"), isoDay(new Date()));
  if ("error" in parsed) badRequest(parsed.error);
  return parsed.month;
}

/**
 * A stored file as a download, never shown inline: a partner's upload could be anything a browser
 * would run, so it is an attachment, not sniffed, and sandboxed should anything open it.
 */
export function fileDownload(file: { fileName: string; contentType: string; data: Uint8Array }) {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

/** A record id from the URL or a form; anything that cannot be one is a 404, like an id that names nothing. */
export function recordIdParam(value: unknown): string {
  const id = RecordIdSchema.safeParse(value);
  if (!id.success) notFound();
  return id.data;
}
