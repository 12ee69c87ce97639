import { useActionData } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A form folded under a summary, which opens by itself when the server sent that form back with
 * errors: without JavaScript the refused page is a new page, and a closed fold would hide the
 * errors and what was typed.
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
  return (
    // `open` is left to the reader unless the form came back refused; React then sets it, once.
    <details className={className} open={refused || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
