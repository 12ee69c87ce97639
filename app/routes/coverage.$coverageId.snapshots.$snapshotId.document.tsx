import type { LoaderFunctionArgs } from "@remix-run/node";
import { snapshotDocument } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { fileDownload, notFound, recordIdParam } from "~/utils/http.server";

/** The fetched document, byte for byte: served as a download in a sandbox, never rendered as our page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:read");
  const document = await snapshotDocument(recordIdParam(params.coverageId), recordIdParam(params.snapshotId));
  if (!document) notFound();
  const extension = document.contentType.includes("html") ? "html" : document.contentType.includes("xml") ? "xml" : "bin";
  return fileDownload({
    fileName: `snapshot-${document.sha256.slice(0, 12)}.${extension}`,
    contentType: document.contentType,
    data: document.body,
  });
}
