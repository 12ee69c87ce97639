import { describe, expect, it } from "vitest";
import { absoluteUrl, crossSiteRefusal, expectedOrigin } from "~/utils/cross-site.server";

const direct = { trustProxy: false, protocol: "http", host: "crm.example.com", forwardedHost: undefined, forwardedProto: undefined };

describe("cross-site request refusal", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteRefusal("GET", { origin: "https://evil.example", secFetchSite: "cross-site" }, "http://crm.example.com")).toBeNull();
  });

  it("refuses a POST from another site by Fetch Metadata or by Origin", () => {
    expect(crossSiteRefusal("POST", { secFetchSite: "cross-site" }, "http://crm.example.com")).toMatch(/cross-site/);
    expect(crossSiteRefusal("POST", { secFetchSite: "same-site", origin: "http://other.example.com" }, "http://crm.example.com")).toMatch(
      /same-site/,
    );
    expect(crossSiteRefusal("POST", { origin: "https://evil.example" }, "http://crm.example.com")).toMatch(/evil/);
    expect(crossSiteRefusal("POST", { origin: "null" }, "http://crm.example.com")).toMatch(/null/);
    expect(crossSiteRefusal("POST", { referer: "https://evil.example/page" }, "http://crm.example.com")).toMatch(/evil/);
  });

  it("accepts the app's own pages, and clients that are not browsers", () => {
    expect(
      crossSiteRefusal("POST", { origin: "http://crm.example.com", secFetchSite: "same-origin" }, "http://crm.example.com"),
    ).toBeNull();
    expect(crossSiteRefusal("POST", { referer: "http://crm.example.com/partners" }, "http://crm.example.com")).toBeNull();
    expect(crossSiteRefusal("POST", {}, "http://crm.example.com")).toBeNull();
  });

  it("believes forwarded hosts only behind a trusted proxy, and APP_URL above all", () => {
    expect(expectedOrigin({ ...direct, forwardedHost: "evil.example" })).toBe("http://crm.example.com");
    expect(
      expectedOrigin({ ...direct, trustProxy: true, forwardedHost: "crm.example.com", forwardedProto: "https", host: "10.0.0.5:3000" }),
    ).toBe("https://crm.example.com");
    expect(expectedOrigin({ ...direct, appUrl: "https://partners.brand.fr", forwardedHost: "evil.example" })).toBe(
      "https://partners.brand.fr",
    );
  });
});

describe("absolute links", () => {
  it("come from APP_URL, else only from a loopback request", () => {
    expect(absoluteUrl("/invite/abc", "https://crm.example.com", "http://evil.example/settings/users")).toBe(
      "https://crm.example.com/invite/abc",
    );
    expect(absoluteUrl("/invite/abc", undefined, "http://localhost:3000/settings/users")).toBe("http://localhost:3000/invite/abc");
    expect(absoluteUrl("/invite/abc", undefined, "http://127.0.0.1:3000/settings/users")).toBe("http://127.0.0.1:3000/invite/abc");
    expect(absoluteUrl("/invite/abc", undefined, "http://evil.example/settings/users")).toBeNull();
  });
});
