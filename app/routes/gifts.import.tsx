import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SpendImportPage, giftCsvColumns } from "~/features/spend";
import { requirePermission } from "~/features/accounts/index.server";
import { spendImportAction } from "~/features/imports/index.server";

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
