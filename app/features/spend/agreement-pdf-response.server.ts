import { agreementPdf, type AgreementForPdf } from "./agreement-pdf.server";
import { createI18n, type Locale } from "~/i18n/config";

/** The agreement's PDF as a download, for staff and for the partner alike. */
export async function agreementPdfResponse(agreement: AgreementForPdf, locale: Locale) {
  const pdf = await agreementPdf(agreement, createI18n(locale).t, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="agreement-${agreement.year}-${agreement.id}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
