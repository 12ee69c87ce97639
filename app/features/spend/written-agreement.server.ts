import {
  agreementTotals,
  FR_AGREEMENT_CURRENCY,
  giftBenefitMinor,
  giftsCountTowardAgreement,
  placementsCountTowardAgreement,
  type AgreementItem,
} from "./written-agreement";
import { isoDay } from "~/shared/days";
import { db, type DbClient } from "~/utils/db.server";
import { ratesInto } from "~/features/accounts/index.server";

/** A partner's gifts and fees, per year and campaign, against the French written-agreement threshold. */
export async function partnerAgreementTotals(partnerId: string, client: DbClient = db()) {
  const [gifts, placements, rates] = await Promise.all([
    client.gift.findMany({
      where: { partnerId },
      select: {
        id: true,
        status: true,
        shippedOn: true,
        createdAt: true,
        quantity: true,
        unitCostMinor: true,
        unitRetailMinor: true,
        shippingMinor: true,
        currency: true,
        campaign: { select: { id: true, name: true } },
      },
    }),
    client.placement.findMany({
      where: { partnerId },
      select: { id: true, status: true, agreedOn: true, feeMinor: true, currency: true, campaign: { select: { id: true, name: true } } },
    }),
    ratesInto(client, FR_AGREEMENT_CURRENCY),
  ]);
  const items: AgreementItem[] = [
    ...gifts
      .filter((gift) => giftsCountTowardAgreement(gift.status))
      .map((gift) => ({
        kind: "gift" as const,
        id: gift.id,
        campaignId: gift.campaign?.id ?? null,
        campaignName: gift.campaign?.name ?? null,
        on: isoDay(gift.shippedOn ?? gift.createdAt),
        amountMinor: giftBenefitMinor(gift),
        currency: gift.currency,
      })),
    ...placements
      .filter((placement) => placementsCountTowardAgreement(placement.status))
      .map((placement) => ({
        kind: "placement" as const,
        id: placement.id,
        campaignId: placement.campaign?.id ?? null,
        campaignName: placement.campaign?.name ?? null,
        on: isoDay(placement.agreedOn),
        amountMinor: placement.feeMinor,
        currency: placement.currency,
      })),
  ];
  return agreementTotals(items, rates);
}
