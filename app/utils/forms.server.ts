import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { $ZodType, output } from "zod/v4/core";
import { RuleViolation } from "~/domain/rules";
import { OverBudget } from "~/domain/spend";

/**
 * One form of a page that has several: validates with the shared schema, runs the change, and
 * answers bad input (400) or a broken rule (its 4xx) with the form's id so the page shows the
 * errors on the right form, keeping what the user typed.
 */
export async function handleForm<Schema extends $ZodType>(
  formData: FormData,
  schema: Schema,
  run: (value: output<Schema>) => Promise<Response>,
) {
  const formId = String(formData.get("formId") ?? "");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ formId, result: submission.reply(), overBudget: null }, { status: 400 });
  try {
    return await run(submission.value as output<Schema>);
  } catch (error) {
    if (error instanceof RuleViolation) {
      // Over budget is a question, not an error: the form shows it with a "go ahead anyway" button.
      const overBudget = error instanceof OverBudget ? error.check : null;
      return json({ formId, result: overBudget ? submission.reply() : replyToRule(submission, error), overBudget }, { status: error.status });
    }
    throw error;
  }
}

/** A broken rule as a Conform reply: on its field when it names one, else on the whole form. */
export function replyToRule(submission: { reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> }, error: RuleViolation) {
  return error.field ? submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) : submission.reply({ formErrors: [error.messageKey] });
}

/**
 * An action behind a button rather than a form: a broken rule becomes `{ error }` with its 4xx,
 * for the page to show above its content.
 */
export async function answerRuleViolation(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RuleViolation) return json({ error: error.messageKey }, { status: error.status });
    throw error;
  }
}
