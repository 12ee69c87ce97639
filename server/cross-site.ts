import type { RequestHandler } from "express";
import { crossSiteRefusal, expectedOrigin } from "../app/utils/cross-site.server";
import { sendPlainPage } from "./plain-page";

/** Refuses state-changing requests that come from another site, before anything reads their body. */
export function refuseCrossSiteRequests(options: { appUrl?: string; trustProxy: boolean }): RequestHandler {
  return (req, res, next) => {
    const expected = expectedOrigin({
      appUrl: options.appUrl,
      trustProxy: options.trustProxy,
      protocol: req.protocol,
      host: req.get("host"),
      forwardedHost: req.get("x-forwarded-host"),
      forwardedProto: req.get("x-forwarded-proto"),
    });
    const reason = crossSiteRefusal(
      req.method,
      { origin: req.get("origin"), referer: req.get("referer"), secFetchSite: req.get("sec-fetch-site") },
      expected,
    );
    if (!reason) return next();
    console.warn(`Refused a cross-site ${req.method} ${req.path}: ${reason}`);
    sendPlainPage(req, res, 403, "errors.requestRefusedTitle", "errors.crossSiteBody");
  };
}
