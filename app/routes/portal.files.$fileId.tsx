import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalFile, requirePortalVisitor } from "~/features/portal/index.server";
import { fileDownload, notFound, recordIdParam } from "~/utils/http.server";

/** A file the partner uploaded, for that partner only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = recordIdParam(params.fileId);
  const file = await portalFile(id, visitor.partnerId);
  if (!file) notFound();
  return fileDownload(file);
}
