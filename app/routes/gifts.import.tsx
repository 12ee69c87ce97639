import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SpendImportPage } from "~/components/spend-import-page";
import { giftCsvColumns } from "~/domain/spend-import";
import { requirePermission } from "~/utils/auth.server";
import { spendImportAction } from "~/utils/import-action.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "gifts:write");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "gifts:write");
  return spendImportAction("gifts", user, request);
}

export default function ImportGifts() {
  return <SpendImportPage kind="gifts" columns={giftCsvColumns} />;
}
