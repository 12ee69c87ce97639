import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { openPortalLink, portalCookie } from "~/features/portal/index.server";

/**
 * A partner's link: opening it starts a portal session and leads to the portal. A wrong token
 * (404) and an expired or revoked one (410) get the same plain page, naming no partner; the
 * server throttles guesses per address.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const opened = await openPortalLink(params.token ?? "");
  if (opened.kind === "unknown") throw json({ message: "portal.linkUnknown" }, { status: 404 });
  if (opened.kind === "expired") throw json({ message: "portal.linkExpired" }, { status: 410 });
  return redirect("/portal", {
    headers: { "Set-Cookie": await portalCookie().serialize(opened.sessionSecret, { expires: opened.expiresAt }) },
  });
}

/** Never shown (the loader redirects or refuses); having it makes a refusal a page, not raw data. */
export default function PortalLink() {
  return null;
}
