import { planCoverageImport } from "~/features/compliance";
import type { CsvTable } from "~/shared/csv";
import { planGiftImport, planPlacementImport } from "~/features/spend";
import { importCoverage } from "~/features/compliance/index.server";
import { importGifts, importPlacements, type ImportActor } from "~/features/spend/index.server";

export type ImportKind = "gifts" | "placements" | "coverage";

/**
 * The command line (`npm run import`) is an operator's tool with the database's own credentials:
 * it imports as nobody in particular, with every permission.
 */
export const commandLineImporter: ImportActor = { id: null, mayApprove: true };

/** Plans a CSV with the same rules as the forms, then previews (dryRun) or applies it. */
export function runImport(kind: ImportKind, actor: ImportActor, table: CsvTable, dryRun = false) {
  if (kind === "coverage") return importCoverage(actor.id, planCoverageImport(table), dryRun);
  return kind === "gifts"
    ? importGifts(actor.id, planGiftImport(table), dryRun)
    : importPlacements(actor, planPlacementImport(table), dryRun);
}
