import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";

/** The last server result for the form with this id, on a page with several forms. */
export function useFormResult(formId: string): SubmissionResult<string[]> | undefined {
  const actionData = useActionData<{ formId?: string; result?: SubmissionResult<string[]> }>();
  return actionData?.formId === formId ? actionData.result : undefined;
}
