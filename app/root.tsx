import "./utils/load-context";
import { json, redirect, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { AppShell, PublicShell } from "./components/app-shell";
import { PortalShell } from "~/features/portal";
import { ErrorPage } from "./components/error-page";
import { useNonce } from "./components/nonce";
import { ToastMessage } from "./components/toast";
import { availableLocale, createI18n, defaultLocale, isLocale } from "./i18n/config";
import { resolveAnyLocale, resolveLocale } from "./i18n/locale.server";
import stylesHref from "./styles.css";
import { getCurrentUser, hasAnyUser, brandName } from "~/features/accounts/index.server";
import { takeToast } from "./utils/session.server";
import { findPortalVisitor, isPortalPath } from "~/features/portal/index.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "PartnerLedger" }];

const PUBLIC_PATHS = ["/setup", "/login"];

export async function loader({ request }: LoaderFunctionArgs) {
  const path = new URL(request.url).pathname;
  if (isPortalPath(path)) {
    // The partner portal: no staff session, its own layout, the partner's language.
    const visitor = await findPortalVisitor(request);
    const locale = await resolveAnyLocale(request, visitor?.language);
    const { toast, headers } = await takeToast(request);
    return json(
      { user: null, portal: { partnerName: visitor?.partnerName ?? null, brandName: await brandName() }, locale, toast },
      { headers },
    );
  }
  const user = await getCurrentUser(request);
  // First run: while no user exists, every page leads to the set-up page.
  if (!user && path !== "/setup" && !(await hasAnyUser())) throw redirect("/setup");
  if (!user && !PUBLIC_PATHS.includes(path) && !path.startsWith("/invite/")) {
    // Route loaders enforce this too; the root check keeps unknown URLs from revealing the shell.
    throw redirect(`/login?${new URLSearchParams({ redirectTo: path + new URL(request.url).search })}`);
  }
  const locale = await resolveLocale(request, user?.locale);
  const { toast, headers } = await takeToast(request);
  return json({ user, portal: null, locale, toast }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const wanted = isLocale(data?.locale) ? data.locale : defaultLocale;
  const locale = availableLocale(wanted);
  const i18n = useMemo(() => createI18n(locale), [locale]);
  // The other language's strings are a chunk of their own: a full load brings them.
  useEffect(() => {
    if (locale !== wanted) window.location.reload();
  }, [locale, wanted]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          {data?.portal ? (
            <PortalShell brandName={data.portal.brandName} partnerName={data.portal.partnerName}>
              {children}
            </PortalShell>
          ) : data?.user ? (
            <AppShell user={data.user}>{children}</AppShell>
          ) : (
            <PublicShell>{children}</PublicShell>
          )}
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  // Marks the page as interactive (tests wait for it before using dialogs).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <>
      <ToastMessage toast={data?.toast ?? null} />
      <Outlet />
    </>
  );
}

/**
 * Errors render here, so this is where a thrown response's headers reach the page: a throttled
 * sign-in says when to try again (Retry-After), as its data response does.
 */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers: Record<string, string> = {};
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers["Retry-After"] = retryAfter;
  return headers;
};

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
