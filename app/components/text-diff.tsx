import { useTranslation } from "react-i18next";
import type { DiffPart } from "~/shared/text-diff";

/** What changed between two texts: removed words struck, added words marked (titles say after what). */
export function TextDiff({ parts, removedTitle, addedTitle }: { parts: DiffPart[]; removedTitle?: string; addedTitle?: string }) {
  const { t } = useTranslation();
  return (
    <p className="prewrap text-diff" data-testid="text-diff">
      {parts.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={index} title={removedTitle ?? t("content.removedAfterApproval")}>
            {part.text}
          </del>
        ) : (
          <ins key={index} title={addedTitle ?? t("content.addedAfterApproval")}>
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}
