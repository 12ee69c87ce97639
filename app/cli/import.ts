/**
 * npm run import -- partners|gifts|placements|coverage FILE.csv
 * Imports the valid rows in one transaction and lists the rejected ones by line and column.
 * Exit code: 0 when every row was imported or already there, 2 when some rows were rejected.
 */
import fs from "node:fs";
import { decodeCsvBytes, parseCsv } from "~/shared/csv";
import { planPartnerImport, type ImportError } from "~/features/partners";
import { commandLineImporter, runImport, type ImportKind } from "~/features/imports/index.server";
import { en } from "../i18n/en";
import { applyPartnerImport } from "~/features/partners/index.server";
import { withCliDatabase, runCli } from "./database";

function message(key: string): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  return typeof text === "string" ? text : key;
}

function printErrors(errors: ImportError[]) {
  for (const error of errors) {
    console.log(
      `line ${error.line}${error.column ? `, column ${error.column}` : ""}: ${message(error.messageKey)}${error.value ? ` (${JSON.stringify(error.value)})` : ""}`,
    );
  }
}

/** Gifts and placements: one transaction, already-imported rows skipped, rejected rows listed. */
async function importSpend(kind: ImportKind, file: string) {
  const table = parseCsv(decodeCsvBytes(fs.readFileSync(file)));
  return withCliDatabase(async (database) => {
    const started = Date.now();
    const result = await runImport(kind, commandLineImporter, table);
    console.log(
      `${file} → ${database}: ${result.rowCount} rows; ${result.created} ${{ gifts: "gifts", placements: "placements and payments", coverage: "coverage items" }[kind]} added, ${result.unchanged} already there, ${result.rejected} rejected (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    printErrors(result.errors);
    return result.rejected > 0 ? 2 : 0;
  });
}

runCli(async () => {
  const [kind, file] = process.argv.slice(2).filter((arg) => arg !== "--");
  if (!["partners", "gifts", "placements", "coverage"].includes(kind) || !file) {
    console.error("Usage: npm run import -- partners|gifts|placements|coverage FILE.csv");
    return 64;
  }
  if (!fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 66;
  }
  if (kind === "gifts" || kind === "placements" || kind === "coverage") return importSpend(kind, file);
  const plan = planPartnerImport(parseCsv(decodeCsvBytes(fs.readFileSync(file))));
  return withCliDatabase(async (database) => {
    const started = Date.now();
    let lastReport = 0;
    const result = await applyPartnerImport(null, plan, (done, total) => {
      if (Date.now() - lastReport > 1000 || done === total) {
        lastReport = Date.now();
        process.stderr.write(`\rImporting… ${done}/${total} partners`);
      }
    });
    if (result.partners.some((p) => p.outcome === "new" || p.outcome === "updated")) process.stderr.write("\n");
    const { summary } = result;
    console.log(
      `${file} → ${database}: ${result.rowCount} rows; ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.duplicate} duplicates skipped, ${summary.rejected} rejected (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    for (const duplicate of result.partners.filter((p) => p.outcome === "duplicate")) {
      console.log(
        `line ${duplicate.planned.lines.join(", ")}: "${duplicate.planned.partner.name}" looks like existing partner "${duplicate.existing?.name}" (${duplicate.existing?.id}); merge them in the app.`,
      );
    }
    printErrors(result.errors);
    return summary.rejected > 0 ? 2 : 0;
  });
});
