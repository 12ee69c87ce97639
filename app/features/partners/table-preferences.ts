/** How a user likes a list: which optional columns show, and how dense the rows are. */
import { z } from "zod";
import { partnerColumns } from "./partner-list-terms";

export const densities = ["comfortable", "compact"] as const;
export type Density = (typeof densities)[number];

/** The lists that remember preferences, with the optional columns each one lets people hide. */
export const tableColumns = { partners: partnerColumns, ranking: [] } as const satisfies Record<string, readonly string[]>;
export type TableName = keyof typeof tableColumns;

export const TablePreferenceSchema = z
  .object({
    table: z.enum(Object.keys(tableColumns) as [TableName, ...TableName[]], { error: "errors.invalidChoice" }),
    density: z.enum(densities, { error: "errors.invalidChoice" }),
    columns: z.array(z.string().max(40)).max(30),
  })
  .superRefine((value, ctx) => {
    const allowed = new Set<string>(tableColumns[value.table]);
    if (value.columns.some((column) => !allowed.has(column)))
      ctx.addIssue({ code: "custom", path: ["columns"], message: "errors.invalidChoice" });
  });
export type TablePreferenceInput = z.output<typeof TablePreferenceSchema>;
