import { z } from "zod";

/** A business rule the request breaks; routes answer it with a 4xx and the message, never a 500. */
export class RuleViolation extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly status: 403 | 404 | 409 | 422 = 409,
    /** The form field the rule is about, when there is one. */
    public readonly field?: string,
  ) {
    super(messageKey);
  }
}


/** A record id posted by a form (a hidden field). */
export const RecordIdSchema = z.string().trim().min(1).max(64);
