import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { PartnerCoveragePanels } from "~/features/compliance";
import { partnerCoverage } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";
import type { loader as partnerLoader } from "./partners.$partnerId";

/** The coverage tab: what the partner published and its disclosure record (read by the page's header already). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const partnerId = params.partnerId ?? "";
  return json({ partnerId, coverage: await partnerCoverage(partnerId), canRecordCoverage: can(user.role, "coverage:write") });
}

export default function PartnerCoverage() {
  const { disclosureRecord } = useRouteLoaderData<typeof partnerLoader>("routes/partners.$partnerId")!;
  const { partnerId, coverage, canRecordCoverage } = useLoaderData<typeof loader>();
  return (
    <div className="panels">
      <PartnerCoveragePanels partnerId={partnerId} coverage={coverage} record={disclosureRecord} canWrite={canRecordCoverage} />
    </div>
  );
}
