import { json } from "@remix-run/node";
import { parseCsv } from "~/shared/csv";
import { runImport, type ImportKind } from "./imports.server";
import type { ImportActor } from "~/features/spend/index.server";
import { can, type Role } from "~/shared/permissions";
import { ConfirmImportSchema, isUpload, readCsvUpload } from "~/utils/upload.server";
import { redirectWithToast } from "~/utils/session.server";

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
