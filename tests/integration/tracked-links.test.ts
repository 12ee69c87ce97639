/** Tracked links over real HTTP: the redirect, which requests count, and click counts by day. */
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as linksRoute from "~/routes/partners.$partnerId_.links";
import { trackedClicks } from "~/features/attribution/tracked-links.server";
import { flushClicks, purgeClickVisitors } from "~/features/attribution/click-counter.server";
import { db } from "~/utils/db.server";
import { trackedLinkRedirect } from "../../server/tracked-links";
import { args, cookieFor, createTestUser, formRequest, responseOf } from "../setup/fixtures";

let base = "";
let close: () => Promise<void>;
let cookie = "";
const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";

beforeAll(async () => {
  const app = express();
  app.use("/r", trackedLinkRedirect());
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  cookie = await cookieFor((await createTestUser("marketing")).id);
});

afterAll(() => close());

const onLinks = (partnerId: string, fields: Record<string, string>) =>
  responseOf(() =>
    linksRoute.action(args(formRequest(`/partners/${partnerId}/links?intent=${fields.intent}`, fields, { cookie }), { partnerId })),
  );

const visit = (code: string, headers: Record<string, string> = {}, method = "GET", query = "") =>
  fetch(`${base}/r/${code}${query}`, { method, redirect: "manual", headers: { "User-Agent": browser, ...headers } });

describe("tracked links", () => {
  it("refuse a destination that is not a web address, or that carries a password", async () => {
    const partnerId = (await db().partner.create({ data: { name: "Link Refused", kind: "blogger" } })).id;
    for (const destination of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "https://user:pass@shop.example.com/",
      "ftp://shop.example.com/",
    ]) {
      const response = await onLinks(partnerId, { intent: "create", formId: "new-link", destination });
      expect(response.status, destination).toBe(400);
    }
    expect(await db().trackedLink.count({ where: { partnerId } })).toBe(0);
  });

  it("redirect to the saved destination with UTM parameters, count each person once a day, and never bots, prefetches or HEAD", async () => {
    const partnerId = (await db().partner.create({ data: { name: "Link Clicks", kind: "blogger" } })).id;
    const campaign = await db().campaign.create({ data: { name: `Printemps liens ${Date.now()}` } });
    const created = await onLinks(partnerId, {
      intent: "create",
      formId: "new-link",
      destination: "https://shop.example.com/printemps?ref=blog",
      campaignId: campaign.id,
      utmMedium: "instagram",
    });
    expect(created.status).toBe(302);
    const link = await db().trackedLink.findFirstOrThrow({ where: { partnerId } });
    expect(link.code).toMatch(/^[2-9a-km-zA-HJ-NP-Z]{8}$/);

    const first = await visit(link.code, {}, "GET", "?next=https://evil.example/");
    expect(first.status).toBe(302);
    const target = new URL(first.headers.get("location")!);
    // Only the saved destination: the request's own query chooses nothing.
    expect(`${target.origin}${target.pathname}`).toBe("https://shop.example.com/printemps");
    expect(Object.fromEntries(target.searchParams)).toEqual({
      ref: "blog",
      utm_source: "partnerledger",
      utm_medium: "instagram",
      utm_campaign: campaign.name,
      utm_content: link.code,
    });
    await visit(link.code); // the same person again
    await visit(link.code, { "User-Agent": `${browser} Other` }); // another person
    await visit(link.code, {}, "HEAD");
    await visit(link.code, { "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    await visit(link.code, { "Sec-Purpose": "prefetch" });
    await visit(link.code, { Purpose: "prefetch" });
    await visit(link.code, { "User-Agent": "facebookexternalhit/1.1" });
    await flushClicks();
    const today = new Date().toISOString().slice(0, 10);
    expect(await db().linkClickDay.findMany({ where: { linkId: link.id }, select: { clicks: true } })).toEqual([{ clicks: 2 }]);
    expect(await trackedClicks(partnerId, today, today)).toBe(2);
    // Stored: hashes only, never the address.
    const visitors = await db().linkVisitor.findMany({ where: { linkId: link.id } });
    expect(visitors).toHaveLength(2);
    expect(JSON.stringify(visitors)).not.toContain("127.0.0.1");

    // The day after tomorrow, the day's visitors and its salt are gone; the counts stay.
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(await purgeClickVisitors(later)).toMatchObject({ clickVisitors: expect.any(Number), clickSalts: expect.any(Number) });
    expect(await db().linkVisitor.count({ where: { linkId: link.id } })).toBe(0);
    expect(await db().clickSalt.count()).toBe(0);
    expect(await db().linkClickDay.count({ where: { linkId: link.id } })).toBe(1);

    // An archived link stops at once, and an unknown code is a 404.
    expect((await onLinks(partnerId, { intent: "archive", linkId: link.id })).status).toBe(302);
    expect((await visit(link.code)).status).toBe(404);
    expect((await visit("zzzzzzzz")).status).toBe(404);
    expect((await visit("../../etc")).status).toBe(404);
  });
});
