import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endPortalSession, portalCookie } from "~/features/portal/index.server";

export const loader = () => redirect("/portal");

/** Ends the visit on this device; the link still works until it expires or is revoked. */
export async function action({ request }: ActionFunctionArgs) {
  const secret = await portalCookie().parse(request.headers.get("Cookie"));
  if (typeof secret === "string" && secret) await endPortalSession(secret);
  return redirect("/portal/ended", { headers: { "Set-Cookie": await portalCookie().serialize("", { maxAge: 0 }) } });
}
