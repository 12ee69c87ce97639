/**
 * The one way the app fetches a URL it was given (feeds, coverage snapshots): http and https only;
 * every address a name resolves to is checked against private, loopback, link-local and cloud
 * metadata ranges, before the first request and again after each redirect, and the connection
 * goes to the address that was checked (no second DNS answer in between); at most 5 redirects,
 * a deadline, a size cap and a clear user agent. FETCH_ALLOW_HOSTS lists hosts (host or
 * host:port) that may be private, for a local server in tests or an intranet blog.
 */
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { RuleViolation } from "~/shared/violations";

export const FETCH_USER_AGENT = "PartnerLedger/0.1 (coverage evidence and feed capture; +https://github.com/partnerledger)";

const blocked = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, and 169.254.169.254: the cloud metadata service
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local, and fd00:ec2::254: the cloud metadata service over IPv6
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(address, prefix, "ipv6");

/** Whether an address is one the app must not reach on a stranger's say-so. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], "ipv4");
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export interface SafeFetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Conditional request headers (If-None-Match, If-Modified-Since) and the like. */
  headers?: Record<string, string>;
  /** Hosts that may resolve to private addresses; FETCH_ALLOW_HOSTS by default. */
  allowHosts?: readonly string[];
}

export interface FetchedDocument {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  redirects: string[];
  fetchedAt: Date;
}

const MAX_REDIRECTS = 5;

function allowList(): string[] {
  return (process.env.FETCH_ALLOW_HOSTS ?? "")
    .split(/[\s,]+/)
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

const refuse = (key: string, url: string, extra: Record<string, string> = {}) =>
  new RuleViolation(`fetch.${key}`, 422, undefined, { url, ...extra });

/** The address to connect to, checked; a name with any private answer is refused whole. */
async function checkedAddress(url: URL, allowHosts: readonly string[]): Promise<{ address: string; family: number }> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = allowHosts.includes(url.host.toLowerCase()) || allowHosts.includes(hostname.toLowerCase());
  let answers: { address: string; family: number }[];
  if (net.isIP(hostname)) answers = [{ address: hostname, family: net.isIP(hostname) }];
  else {
    try {
      answers = await dns.lookup(hostname, { all: true, verbatim: true });
    } catch {
      throw refuse("unknownHost", url.toString());
    }
  }
  if (answers.length === 0) throw refuse("unknownHost", url.toString());
  if (!allowed && answers.some((answer) => isPrivateAddress(answer.address))) throw refuse("privateAddress", url.toString());
  return answers[0];
}

function requestOnce(
  url: URL,
  target: { address: string; family: number },
  options: Required<Pick<SafeFetchOptions, "maxBytes">> & SafeFetchOptions,
  deadline: number,
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "GET",
        headers: { "User-Agent": FETCH_USER_AGENT, Accept: "*/*", "Accept-Encoding": "identity", ...options.headers },
        // Connect to the address that was checked, whatever a second DNS answer would say.
        lookup: (_hostname, lookupOptions, callback) => {
          if ((lookupOptions as { all?: boolean }).all)
            (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
          else callback(null, target.address, target.family);
        },
        timeout: Math.max(1, deadline - Date.now()),
      },
      (response) => {
        const declared = Number(response.headers["content-length"] ?? "0");
        if (declared > options.maxBytes) {
          response.destroy();
          return reject(refuse("tooLarge", url.toString(), { megabytes: String(Math.floor(options.maxBytes / 1024 / 1024)) }));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            response.destroy();
            reject(refuse("tooLarge", url.toString(), { megabytes: String(Math.floor(options.maxBytes / 1024 / 1024)) }));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", (error) => reject(error));
      },
    );
    const timer = setTimeout(() => request.destroy(refuse("timeout", url.toString())), Math.max(1, deadline - Date.now()));
    request.on("timeout", () => request.destroy(refuse("timeout", url.toString())));
    request.on("error", (error) =>
      reject(error instanceof RuleViolation ? error : refuse("failed", url.toString(), { reason: error.message.slice(0, 200) })),
    );
    request.on("close", () => clearTimeout(timer));
    request.end();
  });
}

/**
 * A fetched document's text, in the charset it declares (the Content-Type header, else an XML
 * declaration), UTF-8 when it declares none or one we do not know.
 */
export function documentText(document: Pick<FetchedDocument, "body" | "headers">): string {
  const declared =
    /charset="?([\w-]+)/i.exec(document.headers["content-type"] ?? "")?.[1] ??
    /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(document.body.subarray(0, 200).toString("latin1"))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(document.body);
  } catch {
    return new TextDecoder("utf-8").decode(document.body);
  }
}

export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<FetchedDocument> {
  const settings = { maxBytes: options.maxBytes ?? 5 * 1024 * 1024, ...options };
  const allowHosts = (options.allowHosts ?? allowList()).map((host) => host.toLowerCase());
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const redirects: string[] = [];
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw refuse("invalidUrl", address.slice(0, 200));
  }
  for (;;) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("scheme", url.toString().slice(0, 200));
    if (url.username || url.password) throw refuse("credentials", `${url.protocol}//${url.host}${url.pathname}`);
    const target = await checkedAddress(url, allowHosts);
    const response = await requestOnce(url, target, settings, deadline);
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      if (redirects.length >= MAX_REDIRECTS) throw refuse("tooManyRedirects", address.slice(0, 200));
      redirects.push(url.toString());
      url = new URL(location, url);
      continue;
    }
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value ?? "")]),
    );
    return { url: url.toString(), status: response.status, headers, body: response.body, redirects, fetchedAt: new Date() };
  }
}
