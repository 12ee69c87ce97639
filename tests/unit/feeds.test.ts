/** Reading the four kinds of feed into posts, and the rules that decide what is captured. */
import { describe, expect, it } from "vitest";
import { captureDecision, readFeed, type CaptureRules } from "~/features/attribution/feeds";
import { isRuleViolation } from "~/shared/violations";
import { feedDocument, type FeedServerEntry } from "../setup/feed-server";

const entries: FeedServerEntry[] = [
  {
    id: "post-42",
    title: "Ma routine d’hiver",
    html: `<p><strong>Publicité</strong> — en collaboration avec Maison Verdure.</p><p>Le sérum <a href="https://go.example/r/Ab3dEf7h">est ici</a>, code LEA10 pour −10 %.</p><img src="x.jpg">`,
    link: "https://lea.example/routine-hiver/",
    published: new Date("2026-11-02T08:30:00Z"),
  },
  {
    id: "post-41",
    title: "Week-end à Lisbonne",
    html: "<p>Trois jours, deux valises.</p>",
    link: "https://lea.example/lisbonne/",
    published: new Date("2026-10-20T08:30:00Z"),
  },
];

describe("readFeed", () => {
  it("reads a WordPress RSS 2.0 feed: guid, link, the full content as text and every address in it", () => {
    const feed = readFeed(feedDocument("rss", entries));
    expect(feed.kind).toBe("rss");
    expect(feed.posts).toHaveLength(2);
    const [post] = feed.posts;
    expect(post.key).toBe("post-42");
    expect(post.url).toBe("https://lea.example/routine-hiver/");
    expect(post.publishedAt?.toISOString()).toBe("2026-11-02T08:30:00.000Z");
    expect(post.text).toContain("Publicité — en collaboration avec Maison Verdure.");
    expect(post.text).not.toContain("<p>");
    expect(post.links).toContain("https://go.example/r/Ab3dEf7h");
  });

  it("reads an Atom blog, a YouTube channel feed (from media:description) and a podcast RSS (iTunes tags)", () => {
    const atom = readFeed(feedDocument("atom", entries));
    expect(atom.kind).toBe("atom");
    expect(atom.posts[0].text).toContain("code LEA10");
    const youtube = readFeed(feedDocument("youtube", entries));
    expect(youtube.kind).toBe("youtube");
    expect(youtube.posts[0].key).toBe("yt:video:post-42");
    expect(youtube.posts[0].text).toContain("Publicité — en collaboration avec Maison Verdure.");
    const podcast = readFeed(feedDocument("podcast", entries));
    expect(podcast.kind).toBe("podcast");
    expect(podcast.posts[1].title).toBe("Week-end à Lisbonne");
    expect(podcast.posts[0].publishedAt?.toISOString()).toBe("2026-11-02T08:30:00.000Z");
  });

  it("refuses what is not a feed with a reason, not a crash", () => {
    for (const document of ["<html><body><h1>Maintenance</h1>", '{"error":"rate limited"}', "", "<rss><channel><item><title>x"]) {
      let error: unknown = null;
      try {
        const feed = readFeed(document);
        // A truncated feed may still give what it holds; it never throws anything else.
        expect(Array.isArray(feed.posts)).toBe(true);
      } catch (caught) {
        error = caught;
      }
      if (error) expect(isRuleViolation(error) && error.messageKey).toBe("feeds.malformed");
    }
    expect(() => readFeed("<html><body><h1>Maintenance</h1>")).toThrow();
  });
});

describe("captureDecision", () => {
  const rules: CaptureRules = {
    brandKeywords: ["Maison Verdure"],
    campaigns: [
      { id: "c-winter", name: "Routine hiver", keywords: ["#VerdureHiver"] },
      { id: "c-summer", name: "Été solaire", keywords: [] },
    ],
    links: [{ code: "Ab3dEf7h", utmContent: "Ab3dEf7h", campaignId: "c-winter" }],
    promoCodes: [{ code: "LEA10", campaignId: null }],
  };
  const post = (text: string, links: string[] = []) => ({ key: "k", url: null, title: null, text, links, publishedAt: null });

  it("captures on a brand keyword, a campaign keyword (accents and case aside), a tracked link or a promo code", () => {
    expect(captureDecision(post("Merci maison verdure !"), rules).matches).toEqual([{ kind: "keyword", value: "Maison Verdure" }]);
    const summer = captureDecision(post("Mon ete solaire commence"), rules);
    expect(summer).toEqual({ matches: [{ kind: "keyword", value: "Été solaire" }], campaignId: "c-summer" });
    expect(captureDecision(post("Lien", ["https://go.example/r/Ab3dEf7h"]), rules)).toEqual({
      matches: [{ kind: "link", value: "Ab3dEf7h" }],
      campaignId: "c-winter",
    });
    expect(captureDecision(post("Shop", ["https://shop.example/serum?utm_content=Ab3dEf7h"]), rules).matches).toHaveLength(1);
    expect(captureDecision(post("Avec le code lea10"), rules).matches).toEqual([{ kind: "code", value: "LEA10" }]);
  });

  it("matches whole words only, and leaves the campaign open when two campaigns match", () => {
    expect(captureDecision(post("LEA100 et maisonverdure"), rules).matches).toEqual([]);
    expect(captureDecision(post("Link", ["https://go.example/r/Ab3dEf7hX"]), rules).matches).toEqual([]);
    const both = captureDecision(post("#VerdureHiver puis été solaire"), rules);
    expect(both.matches).toHaveLength(2);
    expect(both.campaignId).toBeNull();
  });
});
