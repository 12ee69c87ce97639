import { useTranslation } from "react-i18next";
import { formatNumber } from "~/shared/format";

export type CountKey =
  | "checksNeeded"
  | "wereCompliant"
  | "waitingReview"
  | "confirmedIssues"
  | "itemsChecked"
  | "changed"
  | "rows"
  | "new"
  | "updated"
  | "unchanged"
  | "duplicates"
  | "rejected";

/**
 * A count in words with the language's plural rules ("1 check", "2 checks"; "0 changée" in
 * French). A sentence with several counts puts together one of these per count.
 */
export function useCount() {
  const { t, i18n } = useTranslation();
  return (key: CountKey, value: number) => t(`counts.${key}`, { count: value, n: formatNumber(i18n.language, value) });
}
