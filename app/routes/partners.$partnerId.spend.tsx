import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PartnerSpendPanels } from "~/features/spend";
import { partnerGifts, partnerPlacements, partnerSpendTotals } from "~/features/spend/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";

/** The gifts and placements tab: what the partner received and was paid, with their totals. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  const [totals, gifts, placements] = await Promise.all([
    partnerSpendTotals(partnerId),
    partnerGifts(partnerId),
    partnerPlacements(partnerId),
  ]);
  return json({
    partnerId,
    totals,
    gifts,
    placements,
    canGift: can(user.role, "gifts:write"),
    canPropose: can(user.role, "placements:write"),
  });
}

export default function PartnerSpend() {
  const { partnerId, totals, gifts, placements, canGift, canPropose } = useLoaderData<typeof loader>();
  return (
    <div className="panels">
      <PartnerSpendPanels
        partnerId={partnerId}
        totals={totals}
        gifts={gifts}
        placements={placements}
        canGift={canGift}
        canPropose={canPropose}
      />
    </div>
  );
}
