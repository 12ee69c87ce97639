import { json } from "@remix-run/node";
import { planCoverageImport } from "~/domain/coverage-import";
import { parseCsv, type CsvTable } from "~/domain/csv";
import { planGiftImport, planPlacementImport } from "~/domain/spend-import";
import { importCoverage } from "~/models/coverage-import.server";
import { importGifts, importPlacements } from "~/models/spend-import.server";
import { ConfirmImportSchema, isUpload, readCsvUpload } from "./upload.server";
import { redirectWithToast } from "./session.server";


export type ImportKind = "gifts" | "placements" | "coverage";

export function runImport(kind: ImportKind, actorId: string | null, table: CsvTable, dryRun = false) {
  if (kind === "coverage") return importCoverage(actorId, planCoverageImport(table), dryRun);
  return kind === "gifts" ? importGifts(actorId, planGiftImport(table), dryRun) : importPlacements(actorId, planPlacementImport(table), dryRun);
}

const run = (kind: ImportKind, actorId: string, text: string, dryRun: boolean) => runImport(kind, actorId, parseCsv(text), dryRun);

/** Upload → preview (nothing written) → confirm (the same text, applied in one transaction). */
export async function spendImportAction(kind: ImportKind, actorId: string, request: Request) {
  if (isUpload(request)) {
    const text = await readCsvUpload(request);
    if (typeof text !== "string") return json({ error: text.error, preview: null, csv: null }, { status: text.status });
    const preview = await run(kind, actorId, text, true);
    return json({ error: null, csv: text, preview: { ...preview, errors: preview.errors.slice(0, 500) } });
  }
  const confirmed = ConfirmImportSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!confirmed.success) return json({ error: "import.missingFile", preview: null, csv: null }, { status: 400 });
  const result = await run(kind, actorId, confirmed.data.csv, false);
  return redirectWithToast(`/${kind}`, { kind: "success", message: "import.spendDone", values: { created: result.created, rejected: result.rejected } });
}
