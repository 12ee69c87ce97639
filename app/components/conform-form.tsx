import { FormProvider, getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { FormErrors } from "./form-fields";

interface ConformFormProps<Schema extends Record<string, unknown>> {
  form: FormMetadata<Schema, string[]>;
  children: ReactNode;
  method?: "post" | "get";
  action?: string;
  /** Runs before validation; return false to stop (e.g. a declined confirmation). */
  onBeforeSubmit?: (event: FormEvent<HTMLFormElement>) => boolean;
}

/** A Remix form bound to a Conform form, with its form-level errors on top. */
export function ConformForm<Schema extends Record<string, unknown>>({ form, children, method = "post", action, onBeforeSubmit }: ConformFormProps<Schema>) {
  const formProps = getFormProps(form);
  return (
    <FormProvider context={form.context}>
      <Form
        method={method}
        action={action}
        {...formProps}
        onSubmit={(event) => {
          if (onBeforeSubmit && !onBeforeSubmit(event)) {
            event.preventDefault();
            return;
          }
          formProps.onSubmit(event);
        }}
      >
        <FormErrors />
        {children}
      </Form>
    </FormProvider>
  );
}
