import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Tabs } from "~/components/tabs";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page";
import { requireUser } from "~/features/accounts/index.server";
import { can } from "~/shared/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    canManageUsers: can(user.role, "users:manage"),
    canReadAudit: can(user.role, "audit:read"),
    canManageSettings: can(user.role, "settings:manage"),
    canSeePrivacy: can(user.role, "privacy:access"),
    canOutreach: can(user.role, "outreach:write"),
  });
}

export default function SettingsLayout() {
  const { t } = useTranslation();
  const { canManageUsers, canReadAudit, canManageSettings, canSeePrivacy, canOutreach } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("settings.title")} />
      <Tabs label={t("settings.title")}>
        <NavLink to="/settings" end>
          {t("settings.profile")}
        </NavLink>
        <NavLink to="/settings/security">{t("settings.security")}</NavLink>
        {canManageUsers ? <NavLink to="/settings/users">{t("settings.users")}</NavLink> : null}
        {canManageSettings ? <NavLink to="/settings/workspace">{t("settings.workspace")}</NavLink> : null}
        {canOutreach ? <NavLink to="/settings/mail">{t("settings.mail")}</NavLink> : null}
        {canOutreach ? <NavLink to="/settings/templates">{t("settings.templates")}</NavLink> : null}
        {canManageSettings ? <NavLink to="/settings/shops">{t("settings.shops")}</NavLink> : null}
        {canManageSettings ? <NavLink to="/settings/rates">{t("settings.rates")}</NavLink> : null}
        {canSeePrivacy ? <NavLink to="/settings/privacy">{t("settings.privacy")}</NavLink> : null}
        {canReadAudit ? <NavLink to="/settings/audit">{t("settings.audit")}</NavLink> : null}
      </Tabs>
      <Outlet />
    </>
  );
}
