import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { can, type Permission, type Role } from "~/shared/permissions";
import { LanguageSwitcher } from "./language-switcher";

interface ShellUser {
  name: string;
  role: Role;
}

const sections: {
  to: string;
  label:
    | "nav.dashboard"
    | "nav.partners"
    | "nav.followUps"
    | "nav.mail"
    | "nav.reviews"
    | "nav.contentReview"
    | "nav.gifts"
    | "nav.placements"
    | "nav.campaigns"
    | "nav.spend"
    | "nav.coverage"
    | "nav.compliance"
    | "nav.reports"
    | "nav.settings";
  permission?: Permission;
}[] = [
  { to: "/", label: "nav.dashboard" },
  { to: "/partners", label: "nav.partners", permission: "partners:read" },
  { to: "/follow-ups", label: "nav.followUps", permission: "outreach:write" },
  { to: "/mail", label: "nav.mail", permission: "outreach:write" },
  { to: "/drafts", label: "nav.reviews", permission: "outreach:review" },
  { to: "/content", label: "nav.contentReview", permission: "coverage:read" },
  { to: "/gifts", label: "nav.gifts", permission: "gifts:read" },
  { to: "/placements", label: "nav.placements", permission: "placements:read" },
  { to: "/campaigns", label: "nav.campaigns", permission: "placements:read" },
  { to: "/spend", label: "nav.spend", permission: "reports:read" },
  { to: "/coverage", label: "nav.coverage", permission: "coverage:read" },
  { to: "/compliance", label: "nav.compliance", permission: "compliance:read" },
  { to: "/reports", label: "nav.reports", permission: "reports:read" },
  { to: "/settings", label: "nav.settings" },
];

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          {t("app.name")}
        </Link>
        <div className="topbar-user">
          <span className="who">{t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</span>
          <LanguageSwitcher />
          <Form method="post" action="/logout">
            <button type="submit" className="button button-quiet">
              {t("nav.signOut")}
            </button>
          </Form>
        </div>
      </header>
      <nav className="sidenav" aria-label={t("nav.main")}>
        <ul>
          {sections
            .filter((section) => !section.permission || can(user.role, section.permission))
            .map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} end={section.to === "/"} prefetch="intent">
                  {t(section.label)}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** The name in the header with its mark: the app's, or the brand's in the partner portal. */
export function Brand({ name }: { name: string }) {
  return (
    <span className="brand">
      <span className="brand-mark" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </span>
      {name}
    </span>
  );
}

export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-shell">
      <header className="public-header">
        <Brand name={t("app.name")} />
        <LanguageSwitcher />
      </header>
      <main id="main" className="public-main">
        {children}
      </main>
    </div>
  );
}
