import { createCookie, redirect } from "@remix-run/node";
import { PORTAL_SESSION_HOURS } from "./portal-terms";
import { portalVisitor, type PortalVisitor } from "./portal.server";
import { remember } from "~/utils/remember.server";
import { oncePerRequest } from "~/utils/request-scope.server";

/** The portal's own cookie: apart from staff sessions, sent only to the portal's pages. */
export function portalCookie() {
  return remember("portalCookie", () =>
    createCookie("pl_portal", {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production",
      path: "/portal",
      secrets: [process.env.SESSION_SECRET ?? ""],
      maxAge: PORTAL_SESSION_HOURS * 3600,
    }),
  );
}

export const isPortalPath = (path: string) => path === "/portal" || path.startsWith("/portal/") || path.startsWith("/p/");

/** The partner behind this request's portal cookie, or null. */
export async function findPortalVisitor(request: Request): Promise<PortalVisitor | null> {
  const secret = await portalCookie().parse(request.headers.get("Cookie"));
  // The root loader and the page's loader both ask, as for staff users: read once per request.
  return typeof secret === "string" && secret ? oncePerRequest(`portal:${secret}`, () => portalVisitor(secret)) : null;
}

/** Every portal loader and action starts here, before it reads a body. */
export async function requirePortalVisitor(request: Request): Promise<PortalVisitor> {
  const visitor = await findPortalVisitor(request);
  if (!visitor) throw redirect("/portal/ended");
  return visitor;
}
