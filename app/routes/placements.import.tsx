import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SpendImportPage } from "~/components/spend-import-page";
import { placementCsvColumns } from "~/domain/spend-import";
import { requirePermission } from "~/utils/auth.server";
import { spendImportAction } from "~/utils/import-action.server";

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
