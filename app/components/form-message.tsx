import { useTranslation } from "react-i18next";
import { messageParts } from "~/domain/violations";

/**
 * A message as forms and jobs carry it (an i18n key, perhaps with values), in the reader's
 * language. Its own module: pages without forms should not load the form library for it.
 */
export function FormMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  const { key, values } = messageParts(message);
  return <>{t(key as never, values)}</>;
}
