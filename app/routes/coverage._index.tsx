import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { SectionPlaceholder } from "~/components/section-placeholder";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:read");
  return json({});
}

export default function CoverageSection() {
  return <SectionPlaceholder section="coverage" />;
}
