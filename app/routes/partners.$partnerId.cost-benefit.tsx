import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { PartnerCostBenefitPanel, presetPeriod, resolvePeriod } from "~/features/reports";
import { metricsContext, partnerCostBenefit } from "~/features/reports/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { isoDay } from "~/shared/days";
import type { loader as partnerLoader } from "./partners.$partnerId";

/**
 * The cost-benefit tab for the period asked. The page's header has read the last 12 months
 * already, so that period (the default) is not read twice.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  const today = isoDay(new Date());
  const lastYear = presetPeriod("12m", today);
  const asked = resolvePeriod(new URL(request.url).searchParams, today);
  // A period that cannot be used shows on the period form (400); the panel shows 12 months meanwhile.
  const periodError = "error" in asked ? asked.error : null;
  const period = "error" in asked ? lastYear : asked.period;
  const context = await metricsContext();
  const isLastYear = period.from === lastYear.from && period.to === lastYear.to;
  const figures = isLastYear ? null : await partnerCostBenefit(partnerId, period, context);
  return json(
    { partnerId, period, periodError, costBenefit: figures, currency: context.currency, basis: context.basis, emvRates: context.rates },
    { status: periodError ? 400 : 200 },
  );
}

export default function PartnerCostBenefit() {
  const { yearFigures } = useRouteLoaderData<typeof partnerLoader>("routes/partners.$partnerId")!;
  const { partnerId, period, periodError, costBenefit, currency, basis, emvRates } = useLoaderData<typeof loader>();
  const figures = costBenefit ?? yearFigures;
  return (
    <PartnerCostBenefitPanel
      partnerId={partnerId}
      period={period}
      periodError={periodError}
      figures={figures.total}
      months={figures.months}
      currency={currency}
      basis={basis}
      rates={emvRates}
    />
  );
}
