import { useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Toast } from "~/utils/session.server";

/**
 * The flash message of the last redirect. The root loader does not re-run on every client-side
 * navigation, so the message is tied to the page it arrived with and hidden on the next one. The
 * page is taken once the message has been committed (in an effect): a render in the middle of a
 * navigation can still see the previous location, and anchoring there hid the message at once.
 */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [anchor, setAnchor] = useState<{ toast: Toast; key: string } | null>(null);
  useEffect(() => {
    if (toast && anchor?.toast !== toast) setAnchor({ toast, key: location.key });
  }, [toast, anchor, location.key]);
  const arrivedJustNow = anchor?.toast !== toast;
  if (!toast || (!arrivedJustNow && anchor?.key !== location.key)) return null;
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      {String(t(toast.message as "common.none", toast.values ?? {}))}
    </div>
  );
}
