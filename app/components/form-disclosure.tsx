import { useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A form folded under a summary, which opens by itself when the server sent that form back with
 * errors (without JavaScript the refused page is a new page, and a closed fold would hide the
 * errors and what was typed), and folds again once the form was accepted, so the page shows what
 * it made rather than a blank form.
 */
export function FormDisclosure({
  formId,
  summary,
  className,
  children,
}: {
  formId: string;
  summary: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const actionData = useActionData<{ formId?: string; result?: { status?: string; error?: Record<string, unknown> | null } }>();
  const result = actionData?.formId === formId ? actionData.result : undefined;
  const refused = result?.status === "error" || Object.keys(result?.error ?? {}).length > 0;
  const navigation = useNavigation();
  const sending = navigation.formData?.get("formId") === formId;
  const wasSending = useRef(false);
  const fold = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (wasSending.current && !sending && !refused && fold.current) fold.current.open = false;
    wasSending.current = sending;
  }, [sending, refused]);
  return (
    // `open` is left to the reader unless the form came back refused; React then sets it, once.
    <details ref={fold} className={className} open={refused || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
