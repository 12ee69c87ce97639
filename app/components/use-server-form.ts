import { parse } from "@conform-to/dom";
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import type { input, output } from "zod/v4/core";
import type { FormName, FormSchemas } from "~/features/form-schemas";
import { formConstraints } from "./form-constraints.generated";

/**
 * One form, validated by its shared zod schema on the server (ADR 0008). The browser gets only
 * the schema's HTML constraints, so required fields are marked and, without JavaScript, checked
 * natively; errors the server finds come back through lastResult onto the fields.
 */
export function useServerForm<Name extends FormName>(
  name: Name,
  options: { id?: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: DefaultValue<input<FormSchemas[Name]>> } = {},
) {
  return useForm<input<FormSchemas[Name]>, output<FormSchemas[Name]>, string[]>({
    ...options,
    constraint: formConstraints[name],
    // No rules run here, but Conform's own intents (reset after a save, validate) must stay in the
    // browser: without an onValidate it posts them to the action as if the form had been sent again.
    onValidate: ({ formData }) => parse(formData, { resolve: (value) => ({ value: value as output<FormSchemas[Name]> }) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}
