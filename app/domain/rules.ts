import { z } from "zod";

/** A business rule the request breaks; routes answer it with a 4xx and the message, never a 500. */
export class RuleViolation extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly status: 403 | 404 | 409 | 422 = 409,
    /** The form field the rule is about, when there is one. */
    public readonly field?: string,
    /** What the message names ("Julien Fabre cannot receive gifts"). */
    public readonly values?: Record<string, string>,
  ) {
    super(messageKey);
  }

  /** The message as forms carry it: its key, with its values when it has some (see messageParts). */
  formMessage(): string {
    return this.values ? `${this.messageKey}?${new URLSearchParams(this.values)}` : this.messageKey;
  }
}

/** A form message: an i18n key, optionally followed by `?name=value` pairs to fill it in. */
export function messageParts(message: string): { key: string; values: Record<string, string> } {
  const [key, query] = message.split("?", 2);
  return { key, values: query ? Object.fromEntries(new URLSearchParams(query)) : {} };
}


/** A record id posted by a form (a hidden field). */
export const RecordIdSchema = z.string().trim().min(1).max(64);

/** A calendar day as YYYY-MM-DD, and a real one. */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.invalidDate").refine((day) => {
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}, "errors.invalidDate");

/** An empty or blank form field is a missing value, not an empty string. */
export const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A form field that may be left empty. */
export const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

/** Text that must be given, trimmed, at most `max` characters. */
export const requiredText = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

/** Text that may be left empty, trimmed, at most `max` characters. */
export const optionalText = (max: number) => optionalField(z.string().trim().max(max, "errors.tooLong"));

/** An HTML checkbox: "on" when ticked, absent otherwise. */
export const checkboxField = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/** A filter from the URL that could not be used, and why (a message key). */
export interface FilterProblem {
  field: string;
  message: string;
  values?: Record<string, string | number>;
}

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

/** A page past the end of a non-empty list, as a filter problem (the list shows its end instead). */
export function pageProblem(page: number, pageSize: number, total: number): FilterProblem | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return page > pages ? { field: "page", message: "errors.pageOutOfRange", values: { page, pages } } : null;
}

/** A list page number from the URL; anything odd means the first page. */
export const PageParamSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** Ids posted by a group of checkboxes or a multi-select: none, one or many. */
export const IdListSchema = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(RecordIdSchema).max(200));

/** A choice filter from the URL; blank or unknown means no filter. */
export const choiceFilter = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankAsUndefined, z.enum(values).optional().catch(undefined));

/** An id filter from the URL; anything odd means no filter. */
export const IdFilterSchema = z.preprocess(blankAsUndefined, RecordIdSchema.optional().catch(undefined));

/** A list of records that can be archived: `?archived=1` shows the archived ones. */
export const ArchivableListQuerySchema = z.object({ page: PageParamSchema, archived: z.preprocess((v) => v === "1", z.boolean()) });
