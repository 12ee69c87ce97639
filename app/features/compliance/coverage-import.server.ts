import type { PlannedCoverage } from "./coverage-import";
import type { ImportError } from "~/features/partners";
import type { SpendImportPlan } from "~/features/spend";
import { db, type DbClient } from "~/utils/db.server";
import { insertCoverage } from "./coverage.server";
import { checkContext } from "./disclosure.server";
import { fingerprint, IMPORT_TIMEOUT_MS, rowResolver, summary, type SpendImportResult } from "~/features/spend/index.server";

/**
 * Coverage rows go in one transaction, each checked for its disclosure as the form would. Coverage
 * from a do-not-contact partner is still a fact and is accepted. Each row's fingerprint is kept,
 * so importing the same file again adds nothing. With `dryRun` nothing is written (the preview).
 */
export async function importCoverage(
  actorId: string | null,
  plan: SpendImportPlan<PlannedCoverage>,
  dryRun = false,
): Promise<SpendImportResult> {
  const run = async (tx: DbClient) => {
    const errors: ImportError[] = [...plan.errors];
    const resolve = await rowResolver(tx, plan.rows, { allowDoNotContact: true });
    const ready = [];
    for (const row of plan.rows) {
      const rowErrors: ImportError[] = [];
      const refs = resolve(row, rowErrors);
      if (rowErrors.length || !refs) {
        errors.push(...rowErrors);
        continue;
      }
      const input = { ...row.input, partnerId: refs.partnerId, campaignId: refs.campaignId ?? undefined };
      ready.push({ input, importKey: fingerprint({ kind: "coverage", ...input }) });
    }
    const existing = new Set(
      (await tx.coverageItem.findMany({ where: { importKey: { in: ready.map((r) => r.importKey) } }, select: { importKey: true } })).map(
        (c) => c.importKey,
      ),
    );
    const seen = new Set<string>();
    const fresh = ready.filter((r) => !existing.has(r.importKey) && !seen.has(r.importKey) && seen.add(r.importKey));
    if (!dryRun && fresh.length) {
      const context = await checkContext(tx);
      for (const row of fresh) await insertCoverage(tx, actorId, row.input, { checkContext: context, importKey: row.importKey });
    }
    return summary(plan, errors, fresh.length, ready.length - fresh.length);
  };
  return dryRun ? run(db()) : db().$transaction(run, { timeout: IMPORT_TIMEOUT_MS });
}
