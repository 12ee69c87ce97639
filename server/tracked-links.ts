/**
 * /r/<code>: a tracked link's redirect, answered before Remix. A code is looked up once and then
 * held in memory for 30 seconds; the click is noted in memory and written in batches
 * (click-counter.server.ts), so the answer never waits for the database's disk. Only the saved
 * destination is ever used: the request chooses nothing but the code.
 */
import type { Request, RequestHandler } from "express";
import { isbot } from "isbot";
import { LINK_CODE_PATTERN } from "../app/features/attribution/tracked-links";
import { resolveTrackedLink } from "../app/features/attribution/tracked-links.server";
import { trackedLinkCache } from "../app/features/attribution/tracked-link-cache.server";
import { noteClick } from "../app/features/attribution/click-counter.server";
import { sendPlainPage } from "./plain-page";

const CACHE_MS = 30_000;
const CACHE_MAX = 10_000;

/** Prefetches, link previews and known bots follow the link without a person behind them. */
export function isCountableClick(req: Request): boolean {
  if (req.method !== "GET") return false;
  const purpose = `${req.get("purpose") ?? ""} ${req.get("sec-purpose") ?? ""} ${req.get("x-purpose") ?? ""} ${req.get("x-moz") ?? ""}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return false;
  const agent = req.get("user-agent") ?? "";
  return agent !== "" && !isbot(agent);
}

export function trackedLinkRedirect(): RequestHandler {
  const cache = trackedLinkCache();
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const code = req.path.replace(/^\//, "").replace(/\/$/, "");
    const answer = (link: { linkId: string; address: string } | null) => {
      if (!link) return sendPlainPage(req, res, 404, "errors.notFoundTitle", "trackedLinks.notFound");
      if (isCountableClick(req)) noteClick(link.linkId, `${req.ip ?? ""}|${req.get("user-agent") ?? ""}`);
      res.set("Cache-Control", "private, no-store").set("Referrer-Policy", "no-referrer").redirect(302, link.address);
    };
    if (!LINK_CODE_PATTERN.test(code)) return answer(null);
    const cached = cache.get(code);
    if (cached && cached.until > Date.now()) return answer(cached.link);
    resolveTrackedLink(code)
      .then((link) => {
        if (cache.size >= CACHE_MAX) cache.clear();
        cache.set(code, { link, until: Date.now() + CACHE_MS });
        answer(link);
      })
      .catch(next);
  };
}
