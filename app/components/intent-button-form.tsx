import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmSubmitButton } from "./form-fields";

/**
 * A form of one button that posts an intent about a record (archive this link, dismiss this
 * post): the hidden fields say which, and `confirmMessage` asks first for what cannot be undone.
 */
export function IntentButtonForm({
  intent,
  fields,
  confirmMessage,
  className = "button button-quiet button-small",
  children,
}: {
  intent: string;
  fields: Record<string, string>;
  confirmMessage?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirmMessage ? (
        <>
          <input type="hidden" name="intent" value={intent} />
          <ConfirmSubmitButton className={className} confirmMessage={confirmMessage}>
            {children}
          </ConfirmSubmitButton>
        </>
      ) : (
        <button type="submit" name="intent" value={intent} className={className}>
          {children}
        </button>
      )}
    </Form>
  );
}
