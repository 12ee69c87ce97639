import type { RequestHandler } from "express";
import { createI18n } from "../app/i18n/config";
import { registerServerDictionaries } from "../app/i18n/dictionaries.server";
import { localeFromAcceptLanguage } from "../app/i18n/locale.server";
import { crossSiteRefusal, expectedOrigin } from "../app/utils/cross-site.server";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Refuses state-changing requests that come from another site, before anything reads their body,
 * with a 403 and a plain page in the reader's language.
 */
export function refuseCrossSiteRequests(options: { appUrl?: string; trustProxy: boolean }): RequestHandler {
  registerServerDictionaries();
  return (req, res, next) => {
    const expected = expectedOrigin({
      appUrl: options.appUrl,
      trustProxy: options.trustProxy,
      protocol: req.protocol,
      host: req.get("host"),
      forwardedHost: req.get("x-forwarded-host"),
      forwardedProto: req.get("x-forwarded-proto"),
    });
    const reason = crossSiteRefusal(req.method, { origin: req.get("origin"), referer: req.get("referer"), secFetchSite: req.get("sec-fetch-site") }, expected);
    if (!reason) return next();
    console.warn(`Refused a cross-site ${req.method} ${req.path}: ${reason}`);
    const locale = localeFromAcceptLanguage(req.get("accept-language") ?? null);
    const t = createI18n(locale).getFixedT(locale);
    const title = escapeHtml(t("errors.crossSiteTitle"));
    res
      .status(403)
      .type("html")
      .set("Cache-Control", "no-store")
      .send(`<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${escapeHtml(t("errors.crossSiteBody"))}</p><p><a href="/">${escapeHtml(t("errors.backHome"))}</a></p></html>`);
  };
}
