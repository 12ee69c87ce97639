import { expect } from "vitest";
import { partnerPage as pageRoute } from "./partner-page";
import * as linkRoute from "~/routes/p.$token";
import { args, formRequest, getRequest, responseOf } from "./fixtures";

/** Makes a link as a community manager (their cookie) and returns its token, as the page shows it once. */
export async function portalTokenFor(partnerId: string, staffCookie: string) {
  const response = await responseOf(() =>
    pageRoute.action(args(formRequest(`/partners/${partnerId}?index&intent=createPortalLink`, {}, { cookie: staffCookie }), { partnerId })),
  );
  expect(response.status).toBe(200);
  const { portalLink } = (await response.json()) as { portalLink: string };
  expect(portalLink).toMatch(/^http:\/\/localhost\/p\/[A-Za-z0-9_-]{43}$/);
  return portalLink.split("/p/")[1];
}

/** Opens the link as the partner's browser would, and returns the portal cookie it set. */
export async function openPortal(token: string) {
  const response = await responseOf(() => linkRoute.loader(args(getRequest(`/p/${token}`), { token })));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/portal");
  const setCookie = response.headers.get("Set-Cookie")!;
  expect(setCookie).toMatch(/^pl_portal=.+; Path=\/portal; .*HttpOnly/);
  return setCookie.split(";")[0];
}

/** A multipart POST, as a browser sends a form with files. */
export function multipartRequest(path: string, fields: Record<string, string | File | File[]>, cookie: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body });
}

/** The smallest real PNG (1×1), for uploads that must pass the type check. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);
export const MINIMAL_PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
