/** A reporting period as the URL asks for it: a preset, or a custom range with both ends in order. */
import { z } from "zod";
import { periodPresets, presetPeriod, type Period, type PeriodPreset } from "./metrics";
import { DaySchema } from "~/shared/rules";

/** The period every report shows when none is chosen (the ranking, the dashboard's best and weakest). */
export const DEFAULT_PERIOD_PRESET = "12m" satisfies Exclude<PeriodPreset, "custom">;

const optionalDay = z.preprocess((v) => (v === "" || v === null ? undefined : v), DaySchema.optional());

export const PeriodQuerySchema = z
  .object({
    period: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(periodPresets).default(DEFAULT_PERIOD_PRESET)),
    from: optionalDay,
    to: optionalDay,
  })
  .superRefine((value, ctx) => {
    if (value.period !== "custom") return;
    if (!value.from) ctx.addIssue({ code: "custom", path: ["from"], message: "errors.required" });
    if (!value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.required" });
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.endBeforeStart" });
  });

/** The period a page asked for; custom needs both ends in order. */
export function resolvePeriod(params: URLSearchParams, today: string): { period: Period } | { error: string } {
  const parsed = PeriodQuerySchema.safeParse({ period: params.get("period"), from: params.get("from"), to: params.get("to") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "errors.invalidPeriod" };
  const { period, from, to } = parsed.data;
  return { period: period === "custom" ? { preset: "custom", from: from!, to: to! } : presetPeriod(period, today) };
}
