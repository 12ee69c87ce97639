import type { LoaderFunctionArgs } from "@remix-run/node";
import { RecordIdSchema } from "~/domain/rules";
import { portalFile } from "~/models/content.server";
import { fileDownload, notFound } from "~/utils/http.server";
import { requirePortalVisitor } from "~/utils/portal-session.server";

/** A file the partner uploaded, for that partner only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = RecordIdSchema.safeParse(params.fileId);
  if (!id.success) notFound();
  const file = await portalFile(id.data, visitor.partnerId);
  if (!file) notFound();
  return fileDownload(file);
}
