import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, PageHeader } from "~/components/page";
import { requireUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "PartnerLedger" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    name: user.name,
    panels: {
      cm: can(user.role, "partners:write"),
      marketing: can(user.role, "spend:approve"),
      compliance: can(user.role, "compliance:review"),
    },
  });
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, panels } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name })} />
      <p className="lead">{t("dashboard.intro")}</p>
      <div className="panels">
        {panels.cm ? <EmptyState title={t("nav.partners")}>{t("dashboard.cm")}</EmptyState> : null}
        {panels.marketing ? <EmptyState title={t("nav.spend")}>{t("dashboard.marketing")}</EmptyState> : null}
        {panels.compliance ? <EmptyState title={t("nav.compliance")}>{t("dashboard.compliance")}</EmptyState> : null}
      </div>
    </>
  );
}
