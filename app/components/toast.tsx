import { useTranslation } from "react-i18next";
import type { Toast } from "~/utils/session.server";

export function ToastMessage({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation();
  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      {String(t(toast.message as "common.none", toast.values ?? {}))}
    </div>
  );
}
