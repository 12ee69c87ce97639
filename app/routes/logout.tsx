import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "~/features/accounts/index.server";

export async function loader() {
  // Signing out changes state, so it is a POST (a link or prefetch must not sign anyone out).
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await logout(request) } });
}
