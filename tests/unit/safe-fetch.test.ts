/** The one fetcher, against real HTTP servers on loopback shaped like what the outside world sends. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FETCH_USER_AGENT, isPrivateAddress, safeFetch } from "~/utils/safe-fetch.server";

let server: http.Server;
let other: http.Server;
let host = "";
let otherHost = "";
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const path = req.url ?? "/";
    if (path === "/page") {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      return res
        .writeHead(200, { "Content-Type": "text/html; charset=utf-8", ETag: '"v1"', "Last-Modified": "Mon, 02 Mar 2026 10:00:00 GMT" })
        .end("<p>Publicité</p>");
    }
    if (path === "/to-metadata") return res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (path === "/to-other") return res.writeHead(301, { Location: `http://${otherHost}/secret` }).end();
    if (path === "/to-page") return res.writeHead(302, { Location: "/page" }).end();
    const loop = /^\/loop\/(\d+)$/.exec(path);
    if (loop) return res.writeHead(302, { Location: `/loop/${Number(loop[1]) + 1}` }).end();
    if (path === "/never-ends") {
      res.writeHead(200, { "Content-Type": "text/html" });
      const timer = setInterval(() => res.write("<p>still here</p>"), 50);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (path === "/huge") {
      // 50 MB, streamed without a length, as a misbehaving server would.
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = Buffer.alloc(1024 * 1024, 120);
      let sent = 0;
      const push = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once("drain", push);
      };
      res.on("close", () => (sent = 50));
      return push();
    }
    res.writeHead(404).end();
  });
  other = http.createServer((_req, res) => res.end("internal"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => other.close(resolve));
});

const allowed = {
  get allowHosts() {
    return [host];
  },
};

describe("safe fetching", () => {
  it("knows private, loopback, link-local and metadata addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("fetches an allowed page with its headers and a clear user agent, and follows a same-site redirect", async () => {
    const page = await safeFetch(`http://${host}/to-page`, allowed);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe("<p>Publicité</p>");
    expect(page.headers.etag).toBe('"v1"');
    expect(page.url).toBe(`http://${host}/page`);
    expect(page.redirects).toEqual([`http://${host}/to-page`]);
    expect(seen.at(-1)?.["user-agent"]).toBe(FETCH_USER_AGENT);
    // A conditional request: nothing new, nothing downloaded.
    expect((await safeFetch(`http://${host}/page`, { ...allowed, headers: { "If-None-Match": '"v1"' } })).status).toBe(304);
  });

  it("refuses loopback without the allow-list, and a redirect to the metadata service or another private host", async () => {
    await expect(safeFetch(`http://${host}/page`, { allowHosts: [] })).rejects.toMatchObject({ messageKey: "fetch.privateAddress" });
    await expect(safeFetch("http://localhost:9/", { allowHosts: [] })).rejects.toMatchObject({ messageKey: "fetch.privateAddress" });
    await expect(safeFetch(`http://${host}/to-metadata`, allowed)).rejects.toMatchObject({ messageKey: "fetch.privateAddress" });
    await expect(safeFetch(`http://${host}/to-other`, allowed)).rejects.toMatchObject({ messageKey: "fetch.privateAddress" });
  });

  it("stops after 5 redirects, on a page that never ends, and on a 50 MB page", async () => {
    await expect(safeFetch(`http://${host}/loop/0`, allowed)).rejects.toMatchObject({ messageKey: "fetch.tooManyRedirects" });
    const started = Date.now();
    await expect(safeFetch(`http://${host}/never-ends`, { ...allowed, timeoutMs: 500 })).rejects.toMatchObject({
      messageKey: "fetch.timeout",
    });
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(safeFetch(`http://${host}/huge`, { ...allowed, maxBytes: 5 * 1024 * 1024 })).rejects.toMatchObject({
      messageKey: "fetch.tooLarge",
    });
  });

  it("takes http and https only, without credentials", async () => {
    for (const [address, key] of [
      ["javascript:alert(1)", "fetch.scheme"],
      ["file:///etc/passwd", "fetch.scheme"],
      ["ftp://example.com/", "fetch.scheme"],
      ["gopher://127.0.0.1:25/", "fetch.scheme"],
      ["http://user:pass@example.com/", "fetch.credentials"],
      ["not a url", "fetch.invalidUrl"],
    ])
      await expect(safeFetch(address), address).rejects.toMatchObject({ messageKey: key });
  });
});
