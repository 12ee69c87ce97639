import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SpendImportPage } from "~/features/spend";
import { coverageCsvColumns } from "~/features/compliance";
import { requirePermission } from "~/features/accounts/index.server";
import { spendImportAction } from "~/features/imports/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:write");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coverage:write");
  return spendImportAction("coverage", user, request);
}

export default function ImportCoverage() {
  return <SpendImportPage kind="coverage" columns={coverageCsvColumns} />;
}
