import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Brand } from "~/components/app-shell";
import { supportedLocales } from "~/i18n/config";
import { LanguageSwitcher } from "~/components/language-switcher";

/** The partner portal's frame: the brand, the partner, their language, and no staff navigation. */
export function PortalShell({
  brandName,
  partnerName,
  children,
}: {
  brandName: string | null;
  partnerName: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="public-shell">
      <header className="public-header portal-header">
        <Brand name={brandName ?? t("app.name")} />
        <div className="portal-header-tools">
          {partnerName ? <span className="muted text-sm">{t("portal.signedInAs", { name: partnerName })}</span> : null}
          <LanguageSwitcher locales={supportedLocales} />
          {partnerName ? (
            <Form method="post" action="/portal/leave" reloadDocument>
              <button type="submit" className="button button-quiet button-small">
                {t("portal.leave")}
              </button>
            </Form>
          ) : null}
        </div>
      </header>
      <main id="main" className="public-main portal-main">
        {children}
      </main>
    </div>
  );
}
