/**
 * Cross-site request refusal for every state-changing request, document or data alike
 * (docs/decisions/0009-cross-site-requests.md). Browsers say where a request comes from with
 * Fetch Metadata (Sec-Fetch-Site) and Origin; a request from another site is refused before its
 * body is read. Requests without either header do not come from a browser, so they cannot carry
 * a victim's cookies by surprise.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestOrigin {
  /** APP_URL, when the operator set it: the one origin the app answers as. */
  appUrl?: string;
  /** Whether forwarded headers are believed (TRUST_PROXY). */
  trustProxy: boolean;
  protocol: string;
  host: string | undefined;
  forwardedHost: string | undefined;
  forwardedProto: string | undefined;
}

/** The origin this request was addressed to: APP_URL when set, else what the client asked for. */
export function expectedOrigin(request: RequestOrigin): string | null {
  if (request.appUrl) return new URL(request.appUrl).origin;
  const host = request.trustProxy ? (request.forwardedHost?.split(",")[0]?.trim() ?? request.host) : request.host;
  const protocol = request.trustProxy ? (request.forwardedProto?.split(",")[0]?.trim() ?? request.protocol) : request.protocol;
  return host ? originOf(`${protocol}://${host}`) : null;
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Why a request must be refused as cross-site, or null when it may go on. */
export function crossSiteRefusal(
  method: string,
  headers: { origin?: string; referer?: string; secFetchSite?: string },
  expected: string | null,
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.secFetchSite?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;
  const claimed = headers.origin ?? (headers.referer ? (originOf(headers.referer) ?? "invalid referer") : undefined);
  if (claimed === undefined) return null;
  if (claimed === "null") return "Origin: null";
  if (!expected || claimed !== expected) return `Origin ${claimed} is not ${expected ?? "known"}`;
  return null;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * An absolute link to a page of the app, for invitations (and later mail and the partner portal).
 * It comes from APP_URL; without it, only a request to localhost or a loopback address may lend
 * its own origin (the zero-configuration start), since any other Host header could be forged.
 */
export function absoluteUrl(path: string, appUrl: string | undefined, requestUrl: string): string | null {
  if (appUrl) return new URL(path, appUrl).toString();
  const url = new URL(requestUrl);
  return LOOPBACK.test(url.host) ? new URL(path, url.origin).toString() : null;
}
