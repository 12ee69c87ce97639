import type { LoaderFunctionArgs } from "@remix-run/node";
import { agreementFor, agreementPdfResponse } from "~/features/spend/index.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { resolveAnyLocale } from "~/i18n/locale.server";
import { requirePortalVisitor } from "~/features/portal/index.server";

/** The partner's own agreement as a PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = recordIdParam(params.agreementId);
  const agreement = await agreementFor(id, visitor.partnerId);
  if (!agreement) notFound();
  return agreementPdfResponse(agreement, await resolveAnyLocale(request, visitor.language));
}
