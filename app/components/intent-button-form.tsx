import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmSubmitButton } from "./form-fields";

/**
 * A form of one button that posts an intent about a record (archive this link, dismiss this
 * post): the hidden fields say which, and `confirmMessage` asks first for what cannot be undone.
 * With `intentInUrl` the intent goes in the form's address (`?intent=…`) for routes that check
 * the role it needs before they read the body (runIntent).
 */
export function IntentButtonForm({
  intent,
  intentInUrl = false,
  fields,
  confirmMessage,
  className = "button button-quiet button-small",
  children,
}: {
  intent: string;
  intentInUrl?: boolean;
  fields: Record<string, string>;
  confirmMessage?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" action={intentInUrl ? `?intent=${intent}` : undefined}>
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
