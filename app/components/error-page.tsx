import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Kind = "forbidden" | "notFound" | "tooManyRequests" | "badRequest" | "server";

function kindOf(error: unknown): { kind: Kind; status: number } {
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) return { kind: "forbidden", status: 403 };
    if (error.status === 404) return { kind: "notFound", status: 404 };
    if (error.status === 429) return { kind: "tooManyRequests", status: 429 };
    if (error.status >= 400 && error.status < 500) return { kind: "badRequest", status: error.status };
  }
  return { kind: "server", status: 500 };
}

const titles = {
  forbidden: "errors.forbiddenTitle",
  notFound: "errors.notFoundTitle",
  tooManyRequests: "errors.tooManyRequestsTitle",
  badRequest: "errors.badRequestTitle",
  server: "errors.serverTitle",
} as const;

const bodies = {
  forbidden: "errors.forbidden",
  notFound: "errors.notFound",
  tooManyRequests: "errors.tooManyRequests",
  badRequest: "errors.formHasErrors",
  server: "errors.server",
} as const;

/** A 400 names what was wrong with the request (e.g. a period that ends before it starts). */
function specificMessage(error: unknown): "errors.formHasErrors" | null {
  if (!isRouteErrorResponse(error) || error.status !== 400) return null;
  const message = (error.data as { message?: unknown } | null)?.message;
  return typeof message === "string" ? (message as "errors.formHasErrors") : null;
}

/** A portal link that opens nothing: its own words, and no way into the staff app. */
function portalRefusal(error: unknown): "portal.linkUnknown" | null {
  if (!isRouteErrorResponse(error)) return null;
  const message = (error.data as { message?: unknown } | null)?.message;
  return typeof message === "string" && message.startsWith("portal.") ? (message as "portal.linkUnknown") : null;
}

/** Readable 403, 404 and 500 pages; never a stack trace. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { kind, status } = kindOf(error);
  const portal = portalRefusal(error);
  if (portal) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{t("portal.endedTitle")}</h1>
        <p>{t(portal)}</p>
      </section>
    );
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{t(titles[kind])}</h1>
      <p>{t(specificMessage(error) ?? bodies[kind])}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
