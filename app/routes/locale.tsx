import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LocaleSchema } from "~/features/accounts";
import { isStaffLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { setUserLocale, getCurrentUser } from "~/features/accounts/index.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader() {
  return redirect("/");
}

/** Signed in: the choice is stored on the user (audited). Before sign-in: a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = LocaleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ message: "errors.invalidChoice" }, { status: 400 });
  const user = await getCurrentUser(request);
  // German is the portal's; a team member's own language stays one the team's pages are written in.
  if (user && isStaffLocale(parsed.data.locale)) await setUserLocale(user.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}
