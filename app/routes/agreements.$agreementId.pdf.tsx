import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { agreementFor } from "~/models/agreements.server";
import { agreementPdfResponse } from "~/utils/agreement-pdf-response.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, recordIdParam } from "~/utils/http.server";

/** A partner's agreement as a PDF, signed or not, for the team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const id = recordIdParam(params.agreementId);
  const agreement = await agreementFor(id);
  if (!agreement) notFound();
  return agreementPdfResponse(agreement, await resolveLocale(request, user.locale));
}
