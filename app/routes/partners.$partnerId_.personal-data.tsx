import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isRuleViolation } from "~/shared/violations";
import { exportPersonalData, requirePermission } from "~/features/accounts/index.server";
import { notFound } from "~/utils/http.server";

/** The download is a POST: it is audited, so a link or a prefetch must not set it off. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "privacy:access");
  return redirect(`/partners/${encodeURIComponent(params.partnerId ?? "")}`);
}

/** Everything held about one partner, as a ZIP (GDPR access request). Admins and compliance. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "privacy:access");
  try {
    const { fileName, bytes } = await exportPersonalData(user.id, params.partnerId ?? "");
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isRuleViolation(error) && error.status === 404) notFound();
    throw error;
  }
}
