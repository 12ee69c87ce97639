import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType, input, output } from "zod/v4/core";

type FormSchema = $ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * One form bound to its shared zod schema. Validates on submit and then as the user types:
 * validating on blur made errors appear or vanish under the pointer as a submit button was
 * pressed, moving the button so the click was lost.
 */
export function useZodForm<Schema extends FormSchema>(
  schema: Schema,
  options: { id?: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: DefaultValue<input<Schema>> } = {},
) {
  return useForm<input<Schema>, output<Schema>, string[]>({
    ...options,
    constraint: constraintOf(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

/**
 * Conform reads HTML constraints (required, maxLength…) from an object schema; a schema whose
 * object is piped into a transform (amounts turned into minor units) has them on its input side.
 */
function inputSide(schema: $ZodType): $ZodType {
  const def = schema._zod.def as { type: string; in?: $ZodType };
  return def.type === "pipe" && def.in ? inputSide(def.in) : schema;
}

// Schemas are module constants and walking one is costly; a page renders a dozen forms.
const constraints = new WeakMap<$ZodType, ReturnType<typeof getZodConstraint>>();

function constraintOf(schema: $ZodType) {
  let constraint = constraints.get(schema);
  if (!constraint) constraints.set(schema, (constraint = getZodConstraint(inputSide(schema))));
  return constraint;
}
