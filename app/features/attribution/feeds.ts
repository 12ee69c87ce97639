/**
 * Feeds (blog RSS or Atom, a YouTube channel's feed, a podcast's RSS) read into plain posts, and
 * the rules that decide whether a post is worth capturing as coverage. Parsing is feedsmith's
 * (ADR 0016); this module only normalises what it returns.
 */
import { parseFeed } from "feedsmith";
import { convert } from "html-to-text";
import { z } from "zod";
import { httpUrl } from "~/features/partners";
import { RecordIdSchema } from "~/shared/rules";
import { RuleViolation } from "~/shared/violations";

export const feedKinds = ["rss", "atom", "youtube", "podcast"] as const;
export type FeedKind = (typeof feedKinds)[number];

export const FeedFormSchema = z.object({
  channelId: RecordIdSchema,
  url: httpUrl,
});
export type FeedFormInput = z.output<typeof FeedFormSchema>;

/** What the feed forms of a partner's links page do. */
export const feedIntents = ["addFeed", "removeFeed", "pollFeed"] as const;
export type FeedIntent = (typeof feedIntents)[number];

/** One entry of a feed, as the capture rules read it. */
export interface FeedPost {
  /** The entry's own id (guid, Atom id), else its link: how an entry is known again on the next read. */
  key: string;
  url: string | null;
  title: string | null;
  /** Readable text: the description or content without markup, and the podcast's or video's summary. */
  text: string;
  /** Every address the entry contains, in its markup or its text. */
  links: string[];
  publishedAt: Date | null;
}

export interface ReadFeed {
  kind: FeedKind;
  posts: FeedPost[];
}

/** The most entries read from one answer: a feed that lists thousands is read in its newest part. */
export const MAX_FEED_ENTRIES = 500;
const MAX_POST_TEXT = 20_000;

/** Markup to readable text: no wrapping, links kept as their words, images left out. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    ],
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const URL_IN_TEXT = /https?:\/\/[^\s"'<>()]+/gi;

function addressesIn(...parts: (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const match of part.replace(/&amp;/g, "&").matchAll(URL_IN_TEXT)) found.add(match[0].replace(/[.,;:!?]+$/, ""));
  }
  return [...found];
}

type Text = string | { value?: string } | undefined | null;
const textOf = (value: Text) => (typeof value === "string" ? value : (value?.value ?? "")).trim();

function parsedDate(...values: (string | undefined | null)[]): Date | null {
  for (const value of values) {
    if (!value) continue;
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

function post(key: string, url: string | null, title: string | null, htmlParts: string[], publishedAt: Date | null): FeedPost {
  const text = [...new Set(htmlParts.map((part) => (/<[a-z][^>]*>/i.test(part) ? htmlToText(part) : part.trim())).filter(Boolean))]
    .join("\n\n")
    .slice(0, MAX_POST_TEXT);
  return {
    key: key.slice(0, 500),
    url,
    title: title ? title.slice(0, 500) : null,
    text,
    links: addressesIn(url, ...htmlParts),
    publishedAt,
  };
}

/**
 * Reads a feed's text. A document that is not RSS, Atom or RDF (an HTML page, a JSON error, a
 * broken file) is refused with feeds.malformed.
 */
export function readFeed(document: string): ReadFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(document);
  } catch {
    throw new RuleViolation("feeds.malformed", 422);
  }
  if (parsed.format === "atom") {
    const entries = (parsed.feed.entries ?? []).slice(0, MAX_FEED_ENTRIES);
    const youtube = entries.some((entry) => entry.yt?.videoId);
    return {
      kind: youtube ? "youtube" : "atom",
      posts: entries.map((entry) => {
        const link = entry.links?.find((candidate) => !candidate.rel || candidate.rel === "alternate")?.href ?? null;
        const group = entry.media?.groups?.[0];
        return post(
          entry.id || link || `${textOf(entry.title)}|${entry.published ?? entry.updated ?? ""}`,
          link,
          textOf(entry.title) || null,
          [textOf(entry.summary), textOf(entry.content), textOf(group?.description), textOf(entry.media?.description)],
          parsedDate(entry.published as string | undefined, entry.updated as string | undefined),
        );
      }),
    };
  }
  if (parsed.format === "rss" || parsed.format === "rdf") {
    const items = (parsed.feed.items ?? []).slice(0, MAX_FEED_ENTRIES);
    const feed = parsed.feed as { itunes?: unknown };
    const podcast =
      parsed.format === "rss" &&
      (feed.itunes !== undefined ||
        items.some((item) => (item as { enclosures?: { type?: string }[] }).enclosures?.some((e) => e.type?.startsWith("audio/"))));
    return {
      kind: podcast ? "podcast" : "rss",
      posts: items.map((raw) => {
        const item = raw as {
          title?: string;
          link?: string;
          description?: string;
          guid?: { value?: string };
          pubDate?: string;
          content?: { encoded?: string };
          itunes?: { summary?: string; subtitle?: string };
          dc?: { date?: string; dates?: string[] };
        };
        const link = item.link ?? null;
        return post(
          item.guid?.value || link || `${item.title ?? ""}|${item.pubDate ?? ""}`,
          link,
          item.title?.trim() || null,
          [item.description ?? "", item.content?.encoded ?? "", item.itunes?.summary ?? "", item.itunes?.subtitle ?? ""],
          parsedDate(item.pubDate, item.dc?.date, item.dc?.dates?.[0]),
        );
      }),
    };
  }
  throw new RuleViolation("feeds.malformed", 422);
}

/** Lower case without accents, so "Été" and "ete" meet. */
export function foldForMatching(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the folded text holds the phrase as whole words (a hashtag or a code is a word too). */
function holdsPhrase(foldedText: string, phrase: string): boolean {
  const folded = foldForMatching(phrase.trim());
  if (folded.length < 2) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_#@])${escapeRegExp(folded)}(?![\\p{L}\\p{N}_])`, "u").test(foldedText);
}

export interface CaptureRules {
  /** The workspace's own words (brand, products). */
  brandKeywords: readonly string[];
  /** Campaigns still running, with their keywords (their name counts as one). */
  campaigns: readonly { id: string; name: string; keywords: readonly string[] }[];
  /** The partner's tracked links: their code, and what their landing address carries as utm_content. */
  links: readonly { code: string; utmContent: string; campaignId: string | null }[];
  /** The partner's promo codes. */
  promoCodes: readonly { code: string; campaignId: string | null }[];
}

export type CaptureMatch = { kind: "keyword" | "link" | "code"; value: string };

export interface CaptureDecision {
  matches: CaptureMatch[];
  /** The campaign a link, a code or a campaign keyword points at, when exactly one does. */
  campaignId: string | null;
}

/** Why a post is coverage worth capturing, if it is: a keyword, a partner's tracked link or a partner's code. */
export function captureDecision(entry: FeedPost, rules: CaptureRules): CaptureDecision {
  const folded = foldForMatching(`${entry.title ?? ""}\n${entry.text}`);
  const matches: CaptureMatch[] = [];
  const campaigns = new Set<string>();
  for (const keyword of rules.brandKeywords) if (holdsPhrase(folded, keyword)) matches.push({ kind: "keyword", value: keyword });
  for (const campaign of rules.campaigns)
    for (const keyword of [campaign.name, ...campaign.keywords])
      if (holdsPhrase(folded, keyword)) {
        matches.push({ kind: "keyword", value: keyword });
        campaigns.add(campaign.id);
      }
  for (const link of rules.links) {
    const carried = entry.links.some((address) => {
      try {
        const url = new URL(address);
        return url.pathname === `/r/${link.code}` || url.searchParams.get("utm_content") === link.utmContent;
      } catch {
        return false;
      }
    });
    if (carried) {
      matches.push({ kind: "link", value: link.code });
      if (link.campaignId) campaigns.add(link.campaignId);
    }
  }
  for (const promo of rules.promoCodes)
    if (holdsPhrase(folded, promo.code)) {
      matches.push({ kind: "code", value: promo.code });
      if (promo.campaignId) campaigns.add(promo.campaignId);
    }
  const unique = matches.filter((match, index) => matches.findIndex((m) => m.kind === match.kind && m.value === match.value) === index);
  return { matches: unique, campaignId: campaigns.size === 1 ? [...campaigns][0] : null };
}

/** A feed read for the first time brings its recent past only: older entries are noted as seen, not captured. */
export const FIRST_READ_DAYS = 30;
