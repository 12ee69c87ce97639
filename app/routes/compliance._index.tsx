import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { SectionPlaceholder } from "~/components/section-placeholder";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "compliance:read");
  return json({});
}

export default function ComplianceSection() {
  return <SectionPlaceholder section="compliance" />;
}
