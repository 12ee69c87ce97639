import { FormProvider, getFormProps, type FormMetadata } from "@conform-to/react";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { IDEMPOTENCY_FIELD, newIdempotencyKey } from "~/shared/forms";
import { FormErrors } from "./form-fields";

interface ConformFormProps<Schema extends Record<string, unknown>> {
  form: FormMetadata<Schema, string[]>;
  children: ReactNode;
  method?: "post" | "get";
  action?: string;
  /** Runs before validation; return false to stop (e.g. a declined confirmation). */
  onBeforeSubmit?: (event: FormEvent<HTMLFormElement>) => boolean;
  /** Forms that carry files. */
  encType?: "multipart/form-data";
  /** Any field changed (the portal's draft form checks the disclosure as the partner types). */
  onInput?: (form: HTMLFormElement) => void;
}

/**
 * A Remix form bound to a Conform form, with its form-level errors on top. A POST form carries a
 * one-time key, so a double-sent submission writes once; after a save that succeeded (the action
 * redirected instead of answering this form) the fields empty and the key is renewed, so the
 * same entry cannot be sent twice by a second click.
 */
export function ConformForm<Schema extends Record<string, unknown>>({
  form,
  children,
  method = "post",
  action,
  onBeforeSubmit,
  encType,
  onInput,
}: ConformFormProps<Schema>) {
  const formProps = getFormProps(form);
  const navigation = useNavigation();
  const actionData = useActionData<{ formId?: string } | undefined>();
  const [key, setKey] = useState(newIdempotencyKey);
  const submitted = useRef(false);
  // The action answered (an error, a question) rather than redirecting: keep what was typed. A page
  // with several forms names the form its answer is for.
  const answeredThisForm = actionData !== undefined && (!actionData?.formId || actionData.formId === form.id);
  useEffect(() => {
    if (navigation.state !== "idle" || !submitted.current) return;
    submitted.current = false;
    if (answeredThisForm) return;
    form.reset();
    setKey(newIdempotencyKey());
  }, [navigation.state, answeredThisForm, form]);
  return (
    <FormProvider context={form.context}>
      <Form
        method={method}
        action={action}
        {...formProps}
        encType={encType}
        onInput={onInput ? (event) => onInput(event.currentTarget) : undefined}
        onChange={onInput ? (event) => onInput(event.currentTarget) : undefined}
        onSubmit={(event) => {
          if (onBeforeSubmit && !onBeforeSubmit(event)) {
            event.preventDefault();
            return;
          }
          formProps.onSubmit(event);
          if (!event.defaultPrevented) submitted.current = true;
        }}
      >
        {method === "post" ? <input type="hidden" name={IDEMPOTENCY_FIELD} value={key} /> : null}
        <FormErrors />
        {children}
      </Form>
    </FormProvider>
  );
}
