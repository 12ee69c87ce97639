import { useTranslation } from "react-i18next";
import { messageParts } from "~/shared/violations";

/**
 * A message as forms and jobs carry it (an i18n key, perhaps with values), in the reader's
 * language. Its own module: pages without forms should not load the form library for it.
 */
export function FormMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  const { key, values } = messageParts(message);
  return <>{t(key as never, values)}</>;
}

/** What an action refused (a rule it broke), above the page's content; nothing when it did not. */
export function ActionError({ error }: { error?: string | null }) {
  return error ? (
    <div className="form-errors" role="alert">
      <FormMessage message={error} />
    </div>
  ) : null;
}
