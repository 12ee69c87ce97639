import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SpendImportPage, placementCsvColumns } from "~/features/spend";
import { requirePermission } from "~/features/accounts/index.server";
import { spendImportAction } from "~/features/imports/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "placements:write");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placements:write");
  return spendImportAction("placements", user, request);
}

export default function ImportPlacements() {
  return <SpendImportPage kind="placements" columns={placementCsvColumns} />;
}
