import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalFile } from "~/models/content.server";
import { fileDownload, notFound, recordIdParam } from "~/utils/http.server";
import { requirePortalVisitor } from "~/utils/portal-session.server";

/** A file the partner uploaded, for that partner only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = recordIdParam(params.fileId);
  const file = await portalFile(id, visitor.partnerId);
  if (!file) notFound();
  return fileDownload(file);
}
