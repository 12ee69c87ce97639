/**
 * Channels' feeds: adding and removing them, reading them (conditional requests through the one
 * safe fetcher), and turning new entries that look like coverage into captured posts.
 */
import { isoDay, utcDay } from "~/shared/days";
import type { DisclosurePlatform } from "~/shared/disclosure-terms";
import { captureDecision, FIRST_READ_DAYS, readFeed, type FeedFormInput, type FeedPost } from "./feeds";
import { isRuleViolation, RuleViolation } from "~/shared/violations";
import { Prisma } from "~/generated/prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import { inParallel } from "~/utils/in-parallel.server";
import { documentText, safeFetch } from "~/utils/safe-fetch.server";
import { recordAudit, recordAudits } from "~/utils/audit.server";
import { checkContext, checksFor } from "~/features/compliance/index.server";
import { enqueueJob } from "~/utils/jobs.server";
import { lockPartnersForShare } from "~/utils/row-locks.server";
import { getSettings } from "~/features/accounts/index.server";

const MAX_FEED_BYTES = 5 * 1024 * 1024;

export async function addFeed(actorId: string, partnerId: string, input: FeedFormInput) {
  try {
    return await insertFeed(actorId, partnerId, input);
  } catch (error) {
    // The same feed added twice at once: the second meets the unique index, not the check.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RuleViolation("feeds.duplicate", 409, "url");
    throw error;
  }
}

function insertFeed(actorId: string, partnerId: string, input: FeedFormInput) {
  return db().$transaction(async (tx) => {
    await lockPartnersForShare(tx, [partnerId]);
    const channel = await tx.channel.findFirst({ where: { id: input.channelId, partnerId }, select: { id: true } });
    if (!channel) throw new RuleViolation("feeds.unknownChannel", 422, "channelId");
    if (await tx.channelFeed.findUnique({ where: { channelId_url: { channelId: input.channelId, url: input.url } } }))
      throw new RuleViolation("feeds.duplicate", 409, "url");
    const feed = await tx.channelFeed.create({ data: { channelId: input.channelId, url: input.url, createdById: actorId } });
    await recordAudit(tx, {
      actorId,
      action: "feed.create",
      entityType: "ChannelFeed",
      entityId: feed.id,
      subjectId: partnerId,
      after: feed,
    });
    return feed;
  });
}

/** Removes a feed with the entries it had shown; captures waiting for a decision go with it, decided ones stay. */
export async function removeFeed(actorId: string, partnerId: string, feedId: string) {
  return db().$transaction(async (tx) => {
    const [feed] = await tx.$queryRaw<{ id: string; url: string }[]>`
      SELECT f."id", f."url" FROM "ChannelFeed" f JOIN "Channel" c ON c."id" = f."channelId"
      WHERE f."id" = ${feedId} AND c."partnerId" = ${partnerId} FOR UPDATE OF f`;
    if (!feed) throw new RuleViolation("errors.notFound", 404);
    const { count: pending } = await tx.capturedPost.deleteMany({ where: { feedId, status: "captured" } });
    await tx.channelFeed.delete({ where: { id: feedId } });
    await recordAudit(tx, {
      actorId,
      action: "feed.delete",
      entityType: "ChannelFeed",
      entityId: feedId,
      subjectId: partnerId,
      before: feed,
      after: { pendingCapturesRemoved: pending },
    });
  });
}

export async function requestFeedRead(actorId: string, partnerId: string, feedId: string) {
  return db().$transaction(async (tx) => {
    const feed = await tx.channelFeed.findFirst({ where: { id: feedId, channel: { partnerId } }, select: { id: true } });
    if (!feed) throw new RuleViolation("errors.notFound", 404);
    return enqueueJob(tx, "feeds.read", { feedId }, actorId, 1);
  });
}

export function partnerFeeds(partnerId: string) {
  return db().channelFeed.findMany({
    where: { channel: { partnerId } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      kind: true,
      lastPolledAt: true,
      lastOutcome: true,
      lastError: true,
      entriesSeen: true,
      capturedCount: true,
      channel: { select: { id: true, platform: true, handle: true } },
    },
  });
}

export interface FeedReadResult {
  outcome: "ok" | "not_modified" | "failed";
  newEntries: number;
  captured: number;
  error?: { key: string; values: Record<string, string> };
}

async function recordFailure(feedId: string, error: { key: string; values: Record<string, string> }): Promise<FeedReadResult> {
  await db().channelFeed.update({
    where: { id: feedId },
    data: { lastPolledAt: new Date(), lastOutcome: "failed", lastError: error as Prisma.InputJsonValue },
  });
  return { outcome: "failed", newEntries: 0, captured: 0, error };
}

/**
 * What makes an entry this partner's coverage: the workspace's words, running campaigns (with the
 * jurisdictions their captures are checked under), the partner's links and codes.
 */
async function captureRules(tx: DbClient, partnerId: string, brandKeywords: string[]) {
  const [campaigns, links, promoCodes] = await Promise.all([
    tx.campaign.findMany({ where: { archivedAt: null }, select: { id: true, name: true, keywords: true, jurisdictions: true } }),
    tx.trackedLink.findMany({ where: { partnerId, archivedAt: null }, select: { code: true, utmContent: true, campaignId: true } }),
    tx.promoCode.findMany({ where: { partnerId, archivedAt: null }, select: { code: true, campaignId: true } }),
  ]);
  return {
    brandKeywords,
    campaigns,
    links: links.map((link) => ({ code: link.code, utmContent: link.utmContent ?? link.code, campaignId: link.campaignId })),
    promoCodes,
  };
}

const addDaysDate = (day: Date, days: number) => new Date(day.getTime() + days * 86_400_000);

/**
 * The partner's gift and placement a post most likely answers: not cancelled, sent or agreed in
 * the window before the post (the attribution window), the post's campaign first, the latest first.
 */
async function giftAndPlacementInWindow(
  tx: DbClient,
  partnerId: string,
  campaignId: string | null,
  publishedOn: string,
  windowDays: number,
) {
  const to = utcDay(publishedOn);
  const from = addDaysDate(to, -windowDays);
  const campaignFirst = (rows: { id: string; campaignId: string | null }[]) =>
    rows.find((row) => campaignId && row.campaignId === campaignId) ?? rows[0] ?? null;
  const [gifts, placements] = await Promise.all([
    tx.gift.findMany({
      where: {
        partnerId,
        status: { not: "cancelled" },
        OR: [{ shippedOn: { gte: from, lte: to } }, { shippedOn: null, createdAt: { gte: from, lte: addDaysDate(to, 1) } }],
      },
      orderBy: [{ shippedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: 20,
      select: { id: true, campaignId: true },
    }),
    tx.placement.findMany({
      where: {
        partnerId,
        status: { not: "cancelled" },
        agreedOn: { lte: to },
        OR: [{ agreedOn: { gte: from } }, { deliverables: { some: { dueOn: { gte: from } } } }],
      },
      orderBy: { agreedOn: "desc" },
      take: 20,
      select: { id: true, campaignId: true },
    }),
  ]);
  return { giftId: campaignFirst(gifts)?.id ?? null, placementId: campaignFirst(placements)?.id ?? null };
}

/**
 * Reads one feed. A 304 changes nothing; a new entry is noted once, and captured when a keyword,
 * a tracked link or a promo code of the partner says it is coverage. The first read of a feed
 * only captures its last FIRST_READ_DAYS days. The feed's row is locked while its entries are
 * written, so two reads of the same feed never capture an entry twice.
 */
export async function readChannelFeed(feedId: string, now = new Date()): Promise<FeedReadResult> {
  const feed = await db().channelFeed.findUnique({ where: { id: feedId }, include: { channel: true } });
  if (!feed) throw new RuleViolation("errors.notFound", 404);
  let fetched;
  try {
    fetched = await safeFetch(feed.url, {
      maxBytes: MAX_FEED_BYTES,
      timeoutMs: 20_000,
      headers: {
        Accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
        ...(feed.etag ? { "If-None-Match": feed.etag } : {}),
        ...(feed.lastModified ? { "If-Modified-Since": feed.lastModified } : {}),
      },
    });
  } catch (error) {
    if (isRuleViolation(error)) return recordFailure(feedId, { key: error.messageKey, values: error.values ?? {} });
    throw error;
  }
  if (fetched.status === 304) {
    await db().channelFeed.update({
      where: { id: feedId },
      data: { lastPolledAt: now, lastOutcome: "not_modified", lastError: Prisma.DbNull },
    });
    return { outcome: "not_modified", newEntries: 0, captured: 0 };
  }
  if (fetched.status !== 200) return recordFailure(feedId, { key: "feeds.httpStatus", values: { status: String(fetched.status) } });
  let posts: FeedPost[];
  let kind;
  try {
    ({ posts, kind } = readFeed(documentText(fetched)));
  } catch (error) {
    if (isRuleViolation(error)) return recordFailure(feedId, { key: error.messageKey, values: {} });
    throw error;
  }
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ lastOutcome: string | null; entriesSeen: number }[]>`
      SELECT "lastOutcome", "entriesSeen" FROM "ChannelFeed" WHERE "id" = ${feedId} FOR UPDATE`;
    if (!locked) throw new RuleViolation("errors.notFound", 404);
    const firstRead = locked.entriesSeen === 0 && locked.lastOutcome !== "ok" && locked.lastOutcome !== "not_modified";
    const { fresh, captured } = await captureNewPosts(tx, feed, posts, { now, firstRead });
    await tx.channelFeed.update({
      where: { id: feedId },
      data: {
        kind,
        etag: fetched.headers.etag || null,
        lastModified: fetched.headers["last-modified"] || null,
        lastPolledAt: now,
        lastOutcome: "ok",
        lastError: Prisma.DbNull,
        entriesSeen: { increment: fresh },
        capturedCount: { increment: captured },
      },
    });
    return { outcome: "ok" as const, newEntries: fresh, captured };
  });
}

/**
 * Notes the posts a feed has not shown before and captures those that are coverage, in the
 * caller's transaction (which holds the feed's row). On a first read only the last
 * FIRST_READ_DAYS days are captured.
 */
export async function captureNewPosts(
  tx: DbClient,
  feed: { id: string; url: string; channelId: string; channel: { partnerId: string; platform: string; url: string | null } },
  posts: readonly FeedPost[],
  options: { now: Date; firstRead: boolean },
) {
  const partnerId = feed.channel.partnerId;
  const unique = [...new Map(posts.map((post) => [post.key, post])).values()];
  const known = new Set(
    (
      await tx.feedEntry.findMany({
        where: { feedId: feed.id, entryKey: { in: unique.map((post) => post.key) } },
        select: { entryKey: true },
      })
    ).map((row) => row.entryKey),
  );
  const fresh = unique.filter((post) => !known.has(post.key));
  if (fresh.length)
    await tx.feedEntry.createMany({ data: fresh.map((post) => ({ feedId: feed.id, entryKey: post.key })), skipDuplicates: true });
  const oldest = options.now.getTime() - FIRST_READ_DAYS * 86_400_000;
  const candidates = fresh.filter((post) => !options.firstRead || (post.publishedAt?.getTime() ?? options.now.getTime()) >= oldest);
  let captured = 0;
  if (candidates.length) {
    const settings = await getSettings(tx);
    const [rules, context] = await Promise.all([captureRules(tx, partnerId, settings.captureKeywords), checkContext(tx)]);
    const audits = [];
    for (const post of candidates) {
      const decision = captureDecision(post, rules);
      if (decision.matches.length === 0) continue;
      const publishedOn = isoDay(post.publishedAt ?? options.now);
      const linked = await giftAndPlacementInWindow(tx, partnerId, decision.campaignId, publishedOn, settings.attributionWindowDays);
      // A link's or a code's campaign may be archived, so not among the running ones.
      const campaign = decision.campaignId
        ? (rules.campaigns.find((running) => running.id === decision.campaignId) ??
          (await tx.campaign.findUnique({ where: { id: decision.campaignId }, select: { jurisdictions: true } })))
        : null;
      const checks = checksFor(
        {
          id: "",
          partnerId,
          campaignId: decision.campaignId,
          platform: feed.channel.platform as DisclosurePlatform,
          publishedOn: utcDay(publishedOn),
          text: post.text,
          jurisdiction: null,
          paid: linked.placementId !== null,
          gifted: linked.giftId !== null,
          affiliate: false,
          platformLabel: false,
          imagesRetouched: false,
          imagesVirtual: false,
        },
        campaign?.jurisdictions ?? null,
        context,
      ).map((check) => ({ jurisdiction: check.jurisdiction, verdict: check.result.verdict, reasons: check.result.reasons }));
      const row = await tx.capturedPost.create({
        data: {
          feedId: feed.id,
          entryKey: post.key,
          partnerId,
          channelId: feed.channelId,
          campaignId: decision.campaignId,
          giftId: linked.giftId,
          placementId: linked.placementId,
          url: post.url ?? feed.channel.url ?? feed.url,
          title: post.title,
          text: post.text || post.title || "",
          publishedOn: utcDay(publishedOn),
          matches: decision.matches as unknown as Prisma.InputJsonValue,
          checks: checks as unknown as Prisma.InputJsonValue,
        },
      });
      audits.push({ actorId: null, action: "capture.create", entityType: "CapturedPost", entityId: row.id, after: row });
      captured++;
    }
    await recordAudits(tx, audits);
  }
  return { fresh: fresh.length, captured };
}

/** Reads every feed not read for `minutes`, a few at a time; one feed's failure is its own. */
export async function readDueFeeds(minutes: number, now = new Date()) {
  const due = await db().channelFeed.findMany({
    where: { OR: [{ lastPolledAt: null }, { lastPolledAt: { lt: new Date(now.getTime() - minutes * 60_000 + 30_000) } }] },
    orderBy: { lastPolledAt: { sort: "asc", nulls: "first" } },
    take: 500,
    select: { id: true },
  });
  const totals = { feeds: due.length, failed: 0, captured: 0 };
  const { failed } = await inParallel(
    due,
    3,
    async ({ id }) => {
      const result = await readChannelFeed(id, now);
      if (result.outcome === "failed") totals.failed++;
      totals.captured += result.captured;
    },
    ({ id }) => `Feed ${id}`,
  );
  totals.failed += failed;
  return totals;
}
