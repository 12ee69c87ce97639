/**
 * Broken rules and the messages that name them. Zod-free, so the browser can read messages
 * without loading the schemas (see rules.ts for those).
 */

/** A business rule the request breaks; routes answer it with a 4xx and the message, never a 500. */
export class RuleViolation extends Error {
  /** Set on every instance, subclasses too: isRuleViolation recognises one across module copies. */
  readonly isRuleViolation = true;

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

  /** What the page needs to explain the refusal beyond its message (the checker's advice on a draft). */
  details: unknown = null;

  /** The message as forms carry it: its key, with its values when it has some (see messageParts). */
  formMessage(): string {
    return this.values ? `${this.messageKey}?${new URLSearchParams(this.values)}` : this.messageKey;
  }
}

/** How far a new gift or placement takes its campaign's budget, in the budget's currency. */
export interface BudgetCheck {
  budgetMinor: number;
  committedMinor: number;
  /** Null when the new amount cannot be valued in the budget's currency (no rate). */
  additionMinor: number | null;
  currency: string;
}

export type DuplicateReason = "sameInvoice" | "sameAmountSameDay";

/** What a form asks before it goes ahead anyway. */
export interface FormQuestion {
  overBudget?: BudgetCheck;
  duplicate?: DuplicateReason;
}

/** A rule the person may override: the form asks its question and keeps what was typed, instead of refusing. */
export class RuleQuestion extends RuleViolation {
  constructor(
    messageKey: string,
    public readonly question: FormQuestion,
  ) {
    super(messageKey, 409);
  }
}

/**
 * Whether an error is a RuleViolation. The server's own modules and the app's build each load a
 * copy of this class, so instanceof cannot tell across them.
 */
export function isRuleViolation(error: unknown): error is RuleViolation {
  return error instanceof Error && (error as Partial<RuleViolation>).isRuleViolation === true;
}

/** A form message: an i18n key, optionally followed by `?name=value` pairs to fill it in. */
export function messageParts(message: string): { key: string; values: Record<string, string> } {
  const [key, query] = message.split("?", 2);
  return { key, values: query ? Object.fromEntries(new URLSearchParams(query)) : {} };
}

/** A filter from the URL that could not be used, and why (a message key). */
export interface FilterProblem {
  field: string;
  message: string;
  values?: Record<string, string | number>;
}

/** A page past the end of a non-empty list, as a filter problem (the list shows its end instead). */
export function pageProblem(page: number, pageSize: number, total: number): FilterProblem | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return page > pages ? { field: "page", message: "errors.pageOutOfRange", values: { page, pages } } : null;
}

/** A failure worth trying again (a mail server that did not answer), with what a person should read meanwhile. */
export class TransientFailure extends Error {
  readonly isTransientFailure = true;

  constructor(
    public readonly messageKey: string,
    public readonly values?: Record<string, string>,
  ) {
    super(messageKey);
  }

  formMessage(): string {
    return this.values ? `${this.messageKey}?${new URLSearchParams(this.values)}` : this.messageKey;
  }
}

export function isTransientFailure(error: unknown): error is TransientFailure {
  return error instanceof Error && (error as Partial<TransientFailure>).isTransientFailure === true;
}
