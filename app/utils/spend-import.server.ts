import { json } from "@remix-run/node";
import { parseCsv } from "~/domain/csv";
import { planGiftImport, planPlacementImport } from "~/domain/spend-import";
import { importGifts, importPlacements } from "~/models/spend-import.server";
import { ConfirmImportSchema, isUpload, readCsvUpload } from "./upload.server";
import { redirectWithToast } from "./session.server";


function run(kind: "gifts" | "placements", actorId: string, text: string, dryRun: boolean) {
  const table = parseCsv(text);
  return kind === "gifts" ? importGifts(actorId, planGiftImport(table), dryRun) : importPlacements(actorId, planPlacementImport(table), dryRun);
}

/** Upload → preview (nothing written) → confirm (the same text, applied in one transaction). */
export async function spendImportAction(kind: "gifts" | "placements", actorId: string, request: Request) {
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
