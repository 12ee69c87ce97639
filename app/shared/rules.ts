import { z } from "zod";
import type { FilterProblem } from "./violations";

/** A record's id as a URL or a form gives it; control characters (a NUL byte) never name a record, and PostgreSQL refuses them. */
export const RecordIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((id) => !/\p{Cc}/u.test(id));

/** A calendar day as YYYY-MM-DD, and a real one. */
/** Days the app keeps: wide enough for any partnership, narrow enough for every date column. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/** A real calendar day as YYYY-MM-DD, within the years the app keeps. */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const year = Number(day.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/** A calendar day as YYYY-MM-DD, and a real one. */
export const DaySchema = z.string({ error: "errors.required" }).refine(isRealDay, "errors.invalidDate");

/** A date and time as a datetime-local field sends it (YYYY-MM-DDTHH:MM, seconds optional), on a real day. */
export const DateTimeSchema = z
  .string()
  .refine((value) => {
    const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
    return match !== null && isRealDay(match[1]);
  }, "errors.invalidDate")
  .transform((value) => new Date(value));

/**
 * A whole number typed as digits (a sign allowed). z.coerce.number() would read "0x10" as 16,
 * "1e3" as 1000 and " " as 0; anything but digits stays text and fails as not a number.
 */
export const wholeNumberText = (value: unknown) => (typeof value === "string" && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : value);

/** An empty or blank form field is a missing value, not an empty string. */
export const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A form field that may be left empty. */
export const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

/** Text that must be given, trimmed, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

/** Text that may be left empty, trimmed, at most `max` characters. */
export const optionalText = (max: number) => optionalField(z.string().trim().max(max, "errors.tooLong"));

/** An HTML checkbox: "on" when ticked, absent otherwise. */
/** Words typed one per line or separated by commas: trimmed, without repeats, at most 50 of 100 characters each. */
export const keywordList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? [
          ...new Set(
            value
              .split(/[\n,]/)
              .map((word) => word.trim())
              .filter(Boolean),
          ),
        ]
      : value === undefined || value === null
        ? []
        : value,
  z.array(z.string().max(100, "errors.keywordTooLong")).max(50, "errors.tooManyKeywords"),
);

export const checkboxField = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/**
 * A list's URL state. A value that does not fit is left out (the list shows without that filter)
 * and reported, so the page can say so next to the form with a 400 instead of failing whole.
 */
export function parseListQuery<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  input: Record<string, unknown>,
): { query: z.output<S>; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const remaining = { ...input };
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = schema.safeParse(remaining);
    if (parsed.success) return { query: parsed.data, problems };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (!(field in remaining)) throw parsed.error;
      problems.push({ field, message: issue.message.startsWith("errors.") ? issue.message : "errors.invalidFilter" });
      delete remaining[field];
    }
  }
  throw new Error("parseListQuery: the schema never accepted the input");
}

/** A list page number from the URL; anything odd means the first page. */
/** A whole number typed in a form, within bounds; one message for anything outside them. */
export const wholeNumberBetween = (min: number, max: number, outOfRange: string) =>
  z.preprocess(
    wholeNumberText,
    z.number({ error: "errors.wholeNumber" }).int("errors.wholeNumber").min(min, outOfRange).max(max, outOfRange),
  );

export const PageParamSchema = z.preprocess(wholeNumberText, z.number().int().min(1).max(100_000)).catch(1);

/** Ids posted by a group of checkboxes or a multi-select: none, one or many. */
export const IdListSchema = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(RecordIdSchema).max(200),
);

/** A choice filter from the URL; blank or unknown means no filter. */
export const choiceFilter = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankAsUndefined, z.enum(values).optional().catch(undefined));

/** An id filter from the URL; anything odd means no filter. */
export const IdFilterSchema = z.preprocess(blankAsUndefined, RecordIdSchema.optional().catch(undefined));

/** A list of records that can be archived: `?archived=1` shows the archived ones. */
export const ArchivableListQuerySchema = z.object({ page: PageParamSchema, archived: z.preprocess((v) => v === "1", z.boolean()) });

/** A list's order from the URL (`?sort=&dir=`): a column the server can sort by, else the list's default. */
export const sortQuery = <T extends readonly [string, ...string[]]>(columns: T, fallback: { sort: T[number]; dir: "asc" | "desc" }) => ({
  sort: z.enum(columns).catch(fallback.sort),
  dir: z.enum(["asc", "desc"]).catch(fallback.dir),
});

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "errors.invalidMonth");

/** `?month=YYYY-MM`, this month when absent; a malformed month is an error, not a silent default. */
export function parseMonthParam(value: string | null, today: string): { month: string } | { error: string } {
  if (value === null || value === "") return { month: today.slice(0, 7) };
  const parsed = MonthSchema.safeParse(value);
  return parsed.success ? { month: parsed.data } : { error: "errors.invalidMonth" };
}
