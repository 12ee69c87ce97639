import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { $ZodType, output } from "zod/v4/core";
import { RuleQuestion, RuleViolation, type FormQuestion } from "~/shared/violations";
import { z } from "zod";
import { IDEMPOTENCY_FIELD } from "~/shared/forms";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "~/utils/idempotency.server";
import { redirectWithToast } from "./session.server";

const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

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
  if (submission.status !== "success") return formAnswer(formId, submission.reply(), 400);
  const stillSaving = () => formAnswer(formId, submission.reply({ formErrors: ["forms.stillSaving"] }), 409);
  return once(formData, stillSaving, async () => {
    try {
      return await run(submission.value as output<Schema>);
    } catch (error) {
      if (error instanceof RuleViolation) {
        // Over budget and "looks like a duplicate" are questions, not errors: the form shows them
        // with a "go ahead anyway" button and keeps what was typed.
        const question = error instanceof RuleQuestion ? error.question : null;
        return formAnswer(formId, question ? submission.reply() : replyToRule(submission, error), error.status, {
          ...question,
          details: error.details,
        });
      }
      throw error;
    }
  });
}

/**
 * Runs a create at most once per form key (the form's hidden `idempotencyKey`). A replay of a
 * request that succeeded is sent where the first one led; one that arrives while the first still
 * runs gets `stillSaving`. A request that did not redirect (bad input, a question, an error)
 * frees its key, so the corrected form can be sent again.
 */
export async function once(formData: FormData, stillSaving: () => Response, run: () => Promise<Response>): Promise<Response> {
  const key = IdempotencyKeySchema.safeParse(formData.get(IDEMPOTENCY_FIELD));
  if (!key.success) return run();
  const claim = await claimIdempotencyKey(key.data);
  if (!claim.claimed) {
    if (claim.status === "done" && claim.location)
      return redirectWithToast(claim.location, { kind: "info", message: "forms.alreadySaved" });
    return stillSaving();
  }
  let response: Response | undefined;
  try {
    response = await run();
    return response;
  } finally {
    const location = response && response.status >= 300 && response.status < 400 ? response.headers.get("Location") : null;
    await (location ? completeIdempotencyKey(key.data, location) : releaseIdempotencyKey(key.data));
  }
}

/** A broken rule as a Conform reply: on its field when it names one, else on the whole form. */
export function replyToRule(
  submission: { reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
  error: RuleViolation,
) {
  return error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.formMessage()] } })
    : submission.reply({ formErrors: [error.formMessage()] });
}

/**
 * An action behind a button rather than a form: a broken rule becomes `{ error }` with its 4xx,
 * for the page to show above its content.
 */
export async function answerRuleViolation(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RuleViolation)
      return json(error.details ? { error: error.formMessage(), details: error.details } : { error: error.formMessage() }, {
        status: error.status,
      });
    throw error;
  }
}

/** A form refused before its schema ran (a bad file): the message above the form, the typed values kept. */
export function refuseForm<Schema extends $ZodType>(formData: FormData | null, schema: Schema, message: string, status: number) {
  const formId = String(formData?.get("formId") ?? "");
  return formAnswer(formId, parseWithZod(formData ?? new FormData(), { schema }).reply({ formErrors: [message] }), status);
}

/** What a form's action answers when it does not redirect: the result for that form, and a question's or refusal's details. */
function formAnswer(
  formId: string,
  result: SubmissionResult<string[]>,
  status: number,
  extras: { [Name in keyof FormQuestion]?: FormQuestion[Name] | null } & { details?: unknown } = {},
) {
  return json(
    { formId, result, overBudget: extras.overBudget ?? null, duplicate: extras.duplicate ?? null, details: extras.details ?? null },
    { status },
  );
}
