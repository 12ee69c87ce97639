import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { InvoiceSchema } from "~/features/portal";
import { uploadInvoice, requirePortalVisitor } from "~/features/portal/index.server";
import { handleForm, refuseForm } from "~/utils/forms.server";
import { recordIdParam } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";
import { readPortalForm } from "~/utils/upload.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePortalVisitor(request);
  return redirect("/portal");
}

/** The partner sends an invoice (a PDF) for one of their placements: `?placement=<id>`. */
export async function action({ request }: ActionFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const placementId = recordIdParam(new URL(request.url).searchParams.get("placement"));
  const read = await readPortalForm(request, { invoice: "invoice" });
  if (!read.ok) return refuseForm(read.formData, InvoiceSchema, read.message, read.status);
  const [file] = read.files.invoice;
  if (!file) return refuseForm(read.formData, InvoiceSchema, "portal.invoice.fileNeeded", 400);
  return handleForm(read.formData, InvoiceSchema, async (value) => {
    await uploadInvoice(visitor, placementId, value, file);
    return redirectWithToast("/portal", { kind: "success", message: "portal.invoice.saved" });
  });
}
