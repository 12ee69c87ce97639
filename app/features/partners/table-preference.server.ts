import type { TableName, TablePreferenceInput, Density } from "./table-preferences";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

export interface TablePreferenceView {
  columns: string[];
  density: Density;
}

export async function getTablePreference(userId: string, table: TableName): Promise<TablePreferenceView> {
  const found = await db().tablePreference.findUnique({
    where: { userId_table: { userId, table } },
    select: { columns: true, density: true },
  });
  return { columns: found?.columns ?? [], density: found?.density === "compact" ? "compact" : "comfortable" };
}

export async function saveTablePreference(userId: string, input: TablePreferenceInput) {
  await db().$transaction(async (tx) => {
    const key = { userId_table: { userId, table: input.table } };
    const before = await tx.tablePreference.findUnique({ where: key, select: { columns: true, density: true } });
    const after = await tx.tablePreference.upsert({
      where: key,
      create: { userId, table: input.table, columns: input.columns, density: input.density },
      update: { columns: input.columns, density: input.density },
      select: { table: true, columns: true, density: true },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.tablePreference",
      entityType: "User",
      entityId: userId,
      before: before ?? undefined,
      after,
    });
  });
}
