import { json } from "@remix-run/node";
import { planCoverageImport } from "~/domain/coverage-import";
import { parseCsv, type CsvTable } from "~/domain/csv";
import { planGiftImport, planPlacementImport } from "~/domain/spend-import";
import { importCoverage } from "~/models/coverage-import.server";
import { importGifts, importPlacements, type ImportActor } from "~/models/spend-import.server";
import { can, type Role } from "./permissions";
import { ConfirmImportSchema, isUpload, readCsvUpload } from "./upload.server";
import { redirectWithToast } from "./session.server";

export type ImportKind = "gifts" | "placements" | "coverage";

/**
 * The command line (`npm run import`) is an operator's tool with the database's own credentials:
 * it imports as nobody in particular, with every permission.
 */
export const commandLineImporter: ImportActor = { id: null, mayApprove: true };

export function runImport(kind: ImportKind, actor: ImportActor, table: CsvTable, dryRun = false) {
  if (kind === "coverage") return importCoverage(actor.id, planCoverageImport(table), dryRun);
  return kind === "gifts"
    ? importGifts(actor.id, planGiftImport(table), dryRun)
    : importPlacements(actor, planPlacementImport(table), dryRun);
}

const run = (kind: ImportKind, actor: ImportActor, text: string, dryRun: boolean) => runImport(kind, actor, parseCsv(text), dryRun);

/** Upload → preview (nothing written) → confirm (the same text, applied in one transaction). */
export async function spendImportAction(kind: ImportKind, user: { id: string; role: Role }, request: Request) {
  const actor: ImportActor = { id: user.id, mayApprove: can(user.role, "spend:approve") };
  if (isUpload(request)) {
    const text = await readCsvUpload(request);
    if (typeof text !== "string") return json({ error: text.error, preview: null, csv: null }, { status: text.status });
    const preview = await run(kind, actor, text, true);
    return json({ error: null, csv: text, preview: { ...preview, errors: preview.errors.slice(0, 500) } });
  }
  const confirmed = ConfirmImportSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!confirmed.success) return json({ error: "import.missingFile", preview: null, csv: null }, { status: 400 });
  const result = await run(kind, actor, confirmed.data.csv, false);
  return redirectWithToast(`/${kind}`, {
    kind: "success",
    message: "import.spendDone",
    values: { created: result.created, rejected: result.rejected },
  });
}
