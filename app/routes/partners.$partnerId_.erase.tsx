import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isRuleViolation } from "~/shared/violations";
import { erasePersonalData, requirePermission } from "~/features/accounts/index.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

/** Erasure happens only through the confirmed POST on the partner page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "privacy:erase");
  return redirect(`/partners/${encodeURIComponent(params.partnerId ?? "")}`);
}

/** Erasure (GDPR art. 17). Admins only; the partner page asks for confirmation first. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "privacy:erase");
  const partnerId = params.partnerId ?? "";
  const back = `/partners/${encodeURIComponent(partnerId)}`;
  try {
    await erasePersonalData(user.id, partnerId);
  } catch (error) {
    if (isRuleViolation(error) && error.status === 404) notFound();
    if (isRuleViolation(error) && error.status === 409) return redirectWithToast(back, { kind: "error", message: error.messageKey });
    throw error;
  }
  return redirectWithToast(back, { kind: "success", message: "privacy.erased" });
}
