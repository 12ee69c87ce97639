import type { TFunction } from "i18next";

/** "Agreement 2026: Noël 2026": a partner with two agreements for a year can tell them apart. */
export function agreementTitle(t: TFunction, agreement: { year: number; campaign: { name: string } | null }) {
  const year = String(agreement.year);
  return agreement.campaign
    ? t("portal.agreement.titleForCampaign", { year, campaign: agreement.campaign.name })
    : t("portal.agreement.titleOutsideCampaigns", { year });
}
