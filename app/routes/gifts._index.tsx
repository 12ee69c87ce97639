import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { SectionPlaceholder } from "~/components/section-placeholder";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "gifts:read");
  return json({});
}

export default function GiftsSection() {
  return <SectionPlaceholder section="gifts" />;
}
