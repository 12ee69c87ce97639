import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailAttachment } from "~/features/mail/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { fileDownload, forbidden, notFound, recordIdParam } from "~/utils/http.server";
import { can } from "~/shared/permissions";

/** An attachment as received, always as a download (never rendered in the app's origin). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const attachment = await getMailAttachment(recordIdParam(params.attachmentId));
  if (!attachment?.content) notFound();
  if (attachment.status !== "logged" && !can(user.role, "outreach:write")) forbidden();
  return fileDownload({ fileName: attachment.filename ?? "attachment", contentType: "application/octet-stream", data: attachment.content });
}
