import { useTranslation } from "react-i18next";
import { isDoNotContact, type PartnerStage } from "../partner-terms";

/** The stage, with "do not contact" impossible to miss wherever a partner appears. */
export function StageBadge({ stage }: { stage: PartnerStage }) {
  const { t } = useTranslation();
  return <span className={`badge ${isDoNotContact(stage) ? "badge-danger" : "badge-stage"}`}>{t(`stages.${stage}`)}</span>;
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-muted">{t("partners.archivedBadge")}</span>;
}
