import { useTranslation } from "react-i18next";
import { EmptyState, PageHeader } from "./page";

export type SectionName = "reports";

/** A section that a later issue fills: a plain empty state, never sample data. */
export function SectionPlaceholder({ section }: { section: SectionName }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`sections.${section}Title`)} />
      <EmptyState>{t(`sections.${section}Empty`)}</EmptyState>
    </>
  );
}
