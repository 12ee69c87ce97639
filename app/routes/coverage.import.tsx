import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SpendImportPage } from "~/components/spend-import-page";
import { coverageCsvColumns } from "~/domain/coverage-import";
import { requirePermission } from "~/utils/auth.server";
import { spendImportAction } from "~/utils/import-action.server";

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
