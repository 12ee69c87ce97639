/**
 * The monthly report as a PDF, drawn on the server with PDFKit (standard fonts, no downloads).
 * It prints the same lines as the page and the CSV, in the reader's language.
 */
import { ticks } from "d3-array";
import { pdfValueAxis } from "./monthly-report";
import PDFDocument from "pdfkit";
import type { TFunction } from "i18next";
import type { CostBenefit } from "./metrics";
import { lineChange, lineUnit, monthlyColumnLabels, monthlyKpiLines, type MonthlyLine } from "./monthly-report";
import type { MonthlyReport } from "./monthly-report.server";
import { pdfText } from "~/utils/pdf-text.server";
import { formatChange, formatCompactMoney, formatDate, formatKpi, formatMoney, formatNumber, formatPercent } from "~/shared/format";

export async function monthlyReportPdf(report: MonthlyReport, t: TFunction, locale: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    info: { Title: pdfText(t("monthly.title", { month: report.months.current })), Producer: "PartnerLedger" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const { currency, figures, months } = report;
  const monthName = (month: string) => formatDate(locale, `${month}-01T00:00:00Z`, { month: "long", year: "numeric", timeZone: "UTC" });
  const columns = monthlyColumnLabels(locale, report);
  const format = (line: MonthlyLine, f: CostBenefit) => formatKpi(locale, lineUnit(line), line.value(f), currency);
  const label = (line: MonthlyLine) =>
    line.kind === "ratio" ? t(`costBenefit.kpi.${line.item}`) : t(`costBenefit.lines.${line.item as "cost"}`);
  const changeText = (line: MonthlyLine, now: number | null, before: number | null) => {
    const moved = lineChange(line, now, before);
    return moved === null ? "—" : formatChange(locale, moved);
  };

  const left = doc.page.margins.left;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc
      .moveDown(0.8)
      .font("Helvetica-Bold")
      .fontSize(13)
      .fillColor("#1f2937")
      .text(pdfText(text), left)
      .moveDown(0.3)
      .font("Helvetica")
      .fontSize(9);
  };
  // A header row wraps its cells and is as tall as its tallest cell, so a two-line header never
  // runs into the first row; data rows stay on one line.
  const row = (cells: string[], widths: number[], header = false) => {
    doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    const height = header ? Math.max(...cells.map((cell, i) => doc.heightOfString(pdfText(cell), { width: widths[i] - 6 }))) + 4 : 14;
    if (doc.y + height > doc.page.height - 56) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(pdfText(cell), x, y, {
        width: widths[i] - 6,
        align: i === 0 ? "left" : "right",
        ...(header ? {} : { lineBreak: false, ellipsis: true }),
      });
      x += widths[i];
    });
    if (header)
      doc
        .moveTo(left, y + height - 2)
        .lineTo(left + widths.reduce((sum, w) => sum + w, 0), y + height - 2)
        .lineWidth(0.5)
        .strokeColor("#c7cdd8")
        .stroke();
    doc.y = y + height;
    doc.x = left;
  };

  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(pdfText(t("monthly.title", { month: monthName(months.current) })));
  doc.font("Helvetica").fontSize(9).fillColor("#4b5563");
  doc.text(
    pdfText(
      `${report.throughDay === null ? t("monthly.comparedWith", { previous: columns.previous, lastYear: columns.lastYear }) : t("monthly.monthToDate", columns)} ${t(`costBenefit.basis.${report.basis}`)} ${t("costBenefit.currencyLine", { currency })}`,
    ),
  );
  doc.text(
    pdfText(
      `${t("costBenefit.emvRatesLine", { perMille: formatMoney(locale, report.rates.perMilleMinor, currency), perEngagement: formatMoney(locale, report.rates.perEngagementMinor, currency), perClick: formatMoney(locale, report.rates.perClickMinor, currency) })}${report.rates.placeholder ? ` (${t("costBenefit.placeholderRates")})` : ""}`,
    ),
  );
  doc.fillColor("#111827");

  if (figures.current.empty && report.newPartners.count === 0) {
    heading(t("monthly.emptyTitle"));
    doc.text(pdfText(t("monthly.empty", { month: monthName(months.current) })));
  } else {
    heading(t("monthly.kpis"));
    const widths = [130, 85, 85, 55, 85, 55];
    row([t("monthly.figure"), columns.current, columns.previous, t("monthly.change"), columns.lastYear, t("monthly.change")], widths, true);
    for (const line of monthlyKpiLines) {
      row(
        [
          label(line),
          format(line, figures.current),
          format(line, figures.previous),
          changeText(line, line.value(figures.current), line.value(figures.previous)),
          format(line, figures.lastYear),
          changeText(line, line.value(figures.current), line.value(figures.lastYear)),
        ],
        widths,
      );
    }
    if (figures.current.sums.unconverted)
      doc.moveDown(0.3).text(
        pdfText(
          t("costBenefit.unconverted", {
            count: figures.current.sums.unconverted,
            n: formatNumber(locale, figures.current.sums.unconverted),
          }),
        ),
      );

    heading(t("monthly.chartTitle"));
    drawBars(
      doc,
      [
        { label: columns.lastYear, f: figures.lastYear },
        { label: columns.previous, f: figures.previous },
        { label: columns.current, f: figures.current },
      ],
      [t("costBenefit.kpi.cost"), t("metrics.revenue"), t("costBenefit.kpi.emv")],
      (minor) => formatCompactMoney(locale, minor, currency),
    );

    heading(t("monthly.partners"));
    doc.text(pdfText(t("monthly.newPartners", { count: report.newPartners.count, n: formatNumber(locale, report.newPartners.count) })));
    if (report.stageChanges.length) {
      doc.moveDown(0.3);
      row([t("monthly.fromStage"), t("monthly.toStage"), t("monthly.partnerCount")], [160, 160, 80], true);
      for (const c of report.stageChanges)
        row(
          [
            t(`stages.${c.from as "active"}`, { defaultValue: c.from }),
            t(`stages.${c.to as "active"}`, { defaultValue: c.to }),
            formatNumber(locale, c.count),
          ],
          [160, 160, 80],
        );
    }

    heading(t("monthly.coverage"));
    if (report.coverageByPlatform.length) {
      row([t("channels.platform"), t("costBenefit.coverage"), t("metrics.impressions")], [160, 100, 120], true);
      for (const p of report.coverageByPlatform)
        row(
          [
            t(`platforms.${p.platform as "instagram"}`),
            formatNumber(locale, p.count),
            p.impressions === null ? "—" : formatNumber(locale, p.impressions),
          ],
          [160, 100, 120],
        );
    } else doc.text(pdfText(t("monthly.noCoverage")));

    heading(t("monthly.disclosure"));
    if (report.disclosure.totals.checked) {
      const widths = [70, 60, 65, 65, 60, 70, 80];
      row(
        [
          t("coverage.jurisdiction"),
          t("summary.checked"),
          t("verdicts.compliant"),
          t("verdicts.insufficient"),
          t("verdicts.missing"),
          t("summary.complianceRate"),
          t("summary.confirmedIssues"),
        ],
        widths,
        true,
      );
      for (const j of report.disclosure.byJurisdiction) {
        const needed = j.checked - j.notRequired;
        row(
          [
            j.key,
            formatNumber(locale, j.checked),
            formatNumber(locale, j.compliant),
            formatNumber(locale, j.insufficient),
            formatNumber(locale, j.missing),
            needed ? formatPercent(locale, (100 * j.compliant) / needed) : "—",
            formatNumber(locale, j.confirmedIssues),
          ],
          widths,
        );
      }
    } else doc.text(pdfText(t("monthly.noChecks")));
  }
  doc.end();
  return done;
}

/** Cost, revenue and EMV for each month as grouped bars on a money axis; the table above carries the numbers. */
function drawBars(doc: PDFKit.PDFDocument, groups: { label: string; f: CostBenefit }[], names: string[], tick: (minor: number) => string) {
  const colours = ["#4338ca", "#047857", "#b45309"];
  const values = groups.map(({ f }) => [f.costMinor, f.sums.revenueMinor ?? 0, f.emvMinor ?? 0]);
  // A round top with room above the tallest bar, and round ticks (0, 1K, 2K, 3K rather than 0, 1.3K, 2.6K).
  const [, max] = pdfValueAxis(values.flat());
  const axisTicks = ticks(0, max, 4);
  const height = 90;
  if (doc.y + height + 30 > doc.page.height - 56) doc.addPage();
  const top = doc.y;
  const axis = 48;
  const left = doc.page.margins.left + axis;
  for (const value of axisTicks) {
    const share = value / max;
    const y = top + height - share * height;
    doc
      .moveTo(left - 4, y)
      .lineTo(left + 3 * 150 - 20, y)
      .lineWidth(0.5)
      .strokeColor(share ? "#e2e6ee" : "#9ca3af")
      .stroke();
    doc
      .fillColor("#4b5563")
      .fontSize(8)
      .text(pdfText(tick(value)), doc.page.margins.left, y - 3, { width: axis - 8, align: "right", lineBreak: false });
  }
  groups.forEach((group, i) => {
    const x = left + i * 150;
    values[i].forEach((value, j) => {
      const h = (value / max) * height;
      doc.rect(x + j * 26, top + height - h, 22, h).fill(colours[j]);
    });
    doc
      .fillColor("#111827")
      .fontSize(8)
      .text(pdfText(group.label), x, top + height + 4, { width: 140, lineBreak: false });
  });
  names.forEach((name, j) => {
    doc.rect(left + 420, top + j * 14, 8, 8).fill(colours[j]);
    doc
      .fillColor("#111827")
      .fontSize(8)
      .text(pdfText(name), left + 432, top + j * 14 - 1, { lineBreak: false });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height + 20;
}
