import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/models/personal-data.server";
import { requirePermission } from "~/utils/auth.server";

/** Everything held about one partner, as a ZIP (GDPR access request). Admins and compliance. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "privacy:access");
  const { fileName, bytes } = await exportPersonalData(user.id, params.partnerId ?? "");
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
