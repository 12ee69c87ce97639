import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { agreementFor, agreementPdfResponse } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { notFound, recordIdParam } from "~/utils/http.server";

/** A partner's agreement as a PDF, signed or not, for the team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const id = recordIdParam(params.agreementId);
  const agreement = await agreementFor(id);
  if (!agreement) notFound();
  return agreementPdfResponse(agreement, await resolveLocale(request, user.locale));
}
