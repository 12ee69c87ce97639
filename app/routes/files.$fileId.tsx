import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalFile } from "~/features/portal/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { fileDownload, forbidden, notFound, recordIdParam } from "~/utils/http.server";
import { can } from "~/shared/permissions";

/** A partner's upload for the team: invoices for those who see spend, the rest for those who see coverage. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const id = recordIdParam(params.fileId);
  const file = await portalFile(id);
  if (!file) notFound();
  if (!can(user.role, file.purpose === "invoice" ? "placements:read" : "coverage:read")) forbidden();
  return fileDownload(file);
}
