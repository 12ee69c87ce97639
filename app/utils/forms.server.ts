import { parseWithZod } from "@conform-to/zod/v4";
import { json } from "@remix-run/node";
import type { $ZodType, output } from "zod/v4/core";
import { RuleViolation } from "~/domain/rules";

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
  if (submission.status !== "success") return json({ formId, result: submission.reply() }, { status: 400 });
  try {
    return await run(submission.value as output<Schema>);
  } catch (error) {
    if (error instanceof RuleViolation) {
      return json({ formId, result: submission.reply({ formErrors: [error.messageKey] }) }, { status: error.status });
    }
    throw error;
  }
}
