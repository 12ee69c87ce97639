/**
 * A real HTTP server on loopback that plays the outside world for feed capture and snapshots:
 * feeds shaped like real ones (a WordPress RSS 2.0, an Atom blog, a YouTube channel feed, a
 * podcast RSS with iTunes tags) that honour ETag and Last-Modified, pages that tests change, and
 * the hostile cases (a redirect to a private address, a body that never ends, a 50 MB page,
 * a document that is not a feed).
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedServerEntry {
  id: string;
  title: string;
  /** HTML, as blogs put it in description or content:encoded. */
  html: string;
  link: string;
  published: Date;
}

export type FeedShape = "rss" | "atom" | "youtube" | "podcast";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function feedDocument(shape: FeedShape, entries: readonly FeedServerEntry[]): string {
  if (shape === "rss")
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
  <title>Les carnets de Léa</title>
  <atom:link href="https://lea.example/feed/" rel="self" type="application/rss+xml" />
  <link>https://lea.example</link>
  <description>Beauté, voyages et petites trouvailles</description>
  <lastBuildDate>Mon, 02 Nov 2026 09:00:00 +0000</lastBuildDate>
  <language>fr-FR</language>
  <sy:updatePeriod>hourly</sy:updatePeriod>
  <generator>https://wordpress.org/?v=6.6.2</generator>
${entries
  .map(
    (entry) => `  <item>
    <title>${escapeXml(entry.title)}</title>
    <link>${escapeXml(entry.link)}</link>
    <dc:creator><![CDATA[Léa]]></dc:creator>
    <pubDate>${entry.published.toUTCString()}</pubDate>
    <category><![CDATA[Beauté]]></category>
    <guid isPermaLink="false">${escapeXml(entry.id)}</guid>
    <description><![CDATA[${entry.html.replace(/<[^>]+>/g, "").slice(0, 200)} [&#8230;]]]></description>
    <content:encoded><![CDATA[${entry.html}]]></content:encoded>
    <slash:comments>3</slash:comments>
  </item>`,
  )
  .join("\n")}
</channel>
</rss>`;
  if (shape === "atom")
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Hannah's kitchen notes</title>
  <link href="https://hannah.example/" />
  <link rel="self" href="https://hannah.example/atom.xml" />
  <updated>2026-11-02T09:00:00Z</updated>
  <id>tag:hannah.example,2020:feed</id>
${entries
  .map(
    (entry) => `  <entry>
    <title type="html">${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}" />
    <id>${escapeXml(entry.id)}</id>
    <published>${entry.published.toISOString()}</published>
    <updated>${entry.published.toISOString()}</updated>
    <author><name>Hannah</name></author>
    <summary type="html">${escapeXml(entry.html.replace(/<[^>]+>/g, "").slice(0, 120))}</summary>
    <content type="html">${escapeXml(entry.html)}</content>
  </entry>`,
  )
  .join("\n")}
</feed>`;
  if (shape === "youtube")
    return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv"/>
 <id>yt:channel:abcdefghijklmnopqrstuv</id>
 <yt:channelId>abcdefghijklmnopqrstuv</yt:channelId>
 <title>Inès en cuisine</title>
 <link rel="alternate" href="https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv"/>
 <author><name>Inès en cuisine</name><uri>https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv</uri></author>
 <published>2019-03-01T10:00:00+00:00</published>
${entries
  .map(
    (entry) => ` <entry>
  <id>yt:video:${escapeXml(entry.id)}</id>
  <yt:videoId>${escapeXml(entry.id)}</yt:videoId>
  <yt:channelId>abcdefghijklmnopqrstuv</yt:channelId>
  <title>${escapeXml(entry.title)}</title>
  <link rel="alternate" href="${escapeXml(entry.link)}"/>
  <author><name>Inès en cuisine</name><uri>https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv</uri></author>
  <published>${entry.published.toISOString()}</published>
  <updated>${entry.published.toISOString()}</updated>
  <media:group>
   <media:title>${escapeXml(entry.title)}</media:title>
   <media:content url="https://www.youtube.com/v/${escapeXml(entry.id)}?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i2.ytimg.com/vi/${escapeXml(entry.id)}/hqdefault.jpg" width="480" height="360"/>
   <media:description>${escapeXml(entry.html.replace(/<br\s*\/?>/g, "\n").replace(/<[^>]+>/g, ""))}</media:description>
   <media:community>
    <media:starRating count="120" average="5.00" min="1" max="5"/>
    <media:statistics views="4521"/>
   </media:community>
  </media:group>
 </entry>`,
  )
  .join("\n")}
</feed>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Le podcast du matin</title>
  <link>https://podcast.example</link>
  <language>fr</language>
  <itunes:author>Julie</itunes:author>
  <itunes:owner><itunes:name>Julie</itunes:name><itunes:email>julie@podcast.example</itunes:email></itunes:owner>
  <itunes:image href="https://podcast.example/cover.jpg"/>
  <itunes:category text="Health &amp; Fitness"/>
  <itunes:explicit>false</itunes:explicit>
  <description>Un café, une invitée.</description>
${entries
  .map(
    (entry) => `  <item>
    <title>${escapeXml(entry.title)}</title>
    <itunes:episodeType>full</itunes:episodeType>
    <itunes:summary>${escapeXml(entry.html.replace(/<[^>]+>/g, ""))}</itunes:summary>
    <description><![CDATA[${entry.html}]]></description>
    <enclosure url="https://cdn.podcast.example/${escapeXml(entry.id)}.mp3" length="24986239" type="audio/mpeg"/>
    <guid isPermaLink="false">${escapeXml(entry.id)}</guid>
    <pubDate>${entry.published.toUTCString()}</pubDate>
    <itunes:duration>00:32:16</itunes:duration>
    <link>${escapeXml(entry.link)}</link>
  </item>`,
  )
  .join("\n")}
</channel>
</rss>`;
}

export interface FeedServer {
  origin: string;
  /** host:port, for FETCH_ALLOW_HOSTS. */
  host: string;
  feeds: Map<string, { shape: FeedShape; entries: FeedServerEntry[] }>;
  /** Pages by path: tests change their HTML between snapshots. */
  pages: Map<string, string>;
  /** Requests answered 304 because the client's validators matched. */
  notModified: number;
  requests: string[];
  close(): Promise<void>;
}

/** Starts the server on a free loopback port (or the one given). */
export async function startFeedServer(port = 0): Promise<FeedServer> {
  const state = { notModified: 0, requests: [] as string[] };
  const feeds = new Map<string, { shape: FeedShape; entries: FeedServerEntry[] }>();
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    state.requests.push(path);
    const feed = feeds.get(path);
    if (feed) {
      const body = feedDocument(feed.shape, feed.entries);
      const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
      const newest = feed.entries.reduce((latest, entry) => Math.max(latest, entry.published.getTime()), 0);
      const lastModified = new Date(Math.floor((newest || Date.UTC(2026, 0, 1)) / 1000) * 1000).toUTCString();
      if (request.headers["if-none-match"] === etag) {
        state.notModified++;
        response.writeHead(304, { ETag: etag, "Last-Modified": lastModified }).end();
        return;
      }
      const type = feed.shape === "atom" || feed.shape === "youtube" ? "application/atom+xml" : "application/rss+xml";
      response.writeHead(200, { "Content-Type": `${type}; charset=UTF-8`, ETag: etag, "Last-Modified": lastModified }).end(body);
      return;
    }
    const page = pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "max-age=60" }).end(page);
      return;
    }
    if (path === "/to-private") {
      response.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
      return;
    }
    if (path === "/never-ends") {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.write("<html><body>");
      const timer = setInterval(() => response.write("<p>still going</p>"), 200);
      response.on("close", () => clearInterval(timer));
      return;
    }
    if (path === "/huge") {
      response.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(1024 * 1024, 97);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && response.write(chunk)) sent++;
        if (sent >= 50) response.end();
        else response.once("drain", () => (sent++, pump()));
      };
      response.on("error", () => undefined);
      pump();
      return;
    }
    if (path === "/not-a-feed") {
      response.writeHead(200, { "Content-Type": "application/rss+xml" }).end("<html><body><h1>Maintenance</h1><p>Back soon");
      return;
    }
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    host: `127.0.0.1:${address.port}`,
    feeds,
    pages,
    get notModified() {
      return state.notModified;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A blog post page as a theme renders it: navigation, the article, a footer. */
export function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>body{font-family:serif}</style><script>window.dataLayer=[];</script></head>
<body><nav><a href="/">Accueil</a> <a href="/beaute">Beauté</a></nav>
<article><h1>${escapeXml(title)}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article>
<footer>© Les carnets de Léa</footer></body></html>`;
}
