import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode, RefObject } from "react";
import { useTranslation } from "react-i18next";

/**
 * The confirmation itself (Radix AlertDialog: focus moves in and is trapped, Escape cancels).
 * Loaded when a confirm button is first pointed at, focused or pressed, so pages do not carry it.
 */
export default function ConfirmDialog({
  open,
  onOpenChange,
  message,
  button,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  message: string;
  /** The submit button that asked; it submits its form when the person confirms. */
  button: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          onCloseAutoFocus={(event) => {
            // Back to the button that opened it (it is not a Radix trigger: it must stay a submit button).
            event.preventDefault();
            button.current?.focus();
          }}
        >
          <AlertDialog.Title className="dialog-title">{t("common.areYouSure")}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{message}</AlertDialog.Description>
          <div className="form-actions justify-end">
            <AlertDialog.Cancel className="button button-quiet">{t("common.cancel")}</AlertDialog.Cancel>
            <AlertDialog.Action className="button" onClick={() => button.current?.form?.requestSubmit(button.current)}>
              {children}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
