/**
 * A written agreement as a PDF: its text exactly as signed, then the signature's evidence. Drawn
 * with PDFKit's standard fonts, as the monthly report is.
 */
import PDFDocument from "pdfkit";
import type { TFunction } from "i18next";
import { formatDateTime } from "~/shared/format";
import { pdfText } from "~/utils/pdf-text.server";

export interface AgreementForPdf {
  id: string;
  year: number;
  text: string;
  textHash: string;
  templateVersion: number;
  signedAt: Date | null;
  signerName: string | null;
  signedInSession: string | null;
  withdrawnAt: Date | null;
}

export async function agreementPdf(agreement: AgreementForPdf, t: TFunction, locale: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: pdfText(t("agreements.pdf.title", { year: String(agreement.year) })), Producer: "PartnerLedger" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const [heading, ...body] = agreement.text.split("\n");
  doc.font("Helvetica-Bold").fontSize(14).text(pdfText(heading));
  doc.moveDown(0.5);
  for (const line of body) {
    const isClauseTitle = /^\d+\.\s/.test(line);
    doc.font(isClauseTitle ? "Helvetica-Bold" : "Helvetica").fontSize(10);
    if (isClauseTitle) doc.moveDown(0.4);
    doc.text(pdfText(line || " "), { align: "left" });
  }

  doc.moveDown(1.5);
  doc
    .font("Helvetica-Bold")
    .fontSize(11)
    .text(pdfText(t("agreements.pdf.evidenceTitle")));
  doc.font("Helvetica").fontSize(9);
  const rows: [string, string][] = agreement.signedAt
    ? [
        [t("agreements.pdf.signer"), agreement.signerName ?? ""],
        [t("agreements.pdf.signedAt"), formatDateTime(locale, agreement.signedAt)],
        [t("agreements.pdf.session"), (agreement.signedInSession ?? "").slice(0, 16)],
      ]
    : [[t("agreements.pdf.status"), t(agreement.withdrawnAt ? "agreements.status.withdrawn" : "agreements.status.draft")]];
  rows.push(
    [t("agreements.pdf.version"), String(agreement.templateVersion)],
    [t("agreements.pdf.hash"), agreement.textHash],
    [t("agreements.pdf.reference"), agreement.id],
  );
  for (const [label, value] of rows) doc.text(pdfText(`${label}: ${value}`));
  doc.moveDown(0.5);
  doc.fillColor("#555555").text(pdfText(t("agreements.pdf.explainer")));
  doc.end();
  return done;
}
