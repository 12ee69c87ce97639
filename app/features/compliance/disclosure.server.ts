/**
 * Disclosure checks as stored results: the rule sets in force, checking an item when it is saved,
 * re-checking after a rule change, the compliance queue and its reviews, and the records built
 * on them. The checking itself is the pure module in app/features/compliance/disclosure.
 */
import { Prisma } from "~/generated/prisma/client";
import { checkDisclosure, type DisclosureResult } from "./disclosure/check";
import {
  defaultRuleSets,
  RecheckJobInputSchema,
  ruleSetFromStored,
  rulesFromForm,
  sameRules,
  storedRules,
  type RuleSet,
  type RuleSetFormInput,
} from "./disclosure/rules";
import { type DisclosureJurisdiction, type DisclosurePlatform } from "~/shared/disclosure-terms";
import { jurisdictionsFor, outcomeChanged, type JurisdictionSource, type QueueQuery, type ReviewInput } from "./coverage";
import { isFailing } from "./coverage-terms";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { enqueueJob } from "~/utils/jobs.server";
import { getSettings } from "~/features/accounts/index.server";

export type RuleSets = Record<DisclosureJurisdiction, RuleSet>;

/** The latest version of each jurisdiction's rules: an edited one from the database, else version 1 from the code. */
export async function ruleSetsInForce(client: DbClient = db()): Promise<RuleSets> {
  const rows = await client.$queryRaw<{ jurisdiction: DisclosureJurisdiction; version: number; rules: unknown }[]>`
    SELECT DISTINCT ON ("jurisdiction") "jurisdiction", "version", "rules"
    FROM "DisclosureRuleSet" ORDER BY "jurisdiction", "version" DESC`;
  const sets = { ...defaultRuleSets };
  for (const row of rows) sets[row.jurisdiction] = ruleSetFromStored(row.jurisdiction, row.version, row.rules);
  return sets;
}

/** Every version of one jurisdiction's rules, newest first. */
export async function ruleSetHistory(jurisdiction: DisclosureJurisdiction) {
  const rows = await db().disclosureRuleSet.findMany({
    where: { jurisdiction },
    orderBy: { version: "desc" },
    include: { createdBy: { select: { name: true } } },
  });
  return [
    ...rows.map((row) => ({
      version: row.version,
      note: row.note,
      createdAt: row.createdAt.toISOString() as string | null,
      createdBy: row.createdBy?.name ?? null,
    })),
    { version: 1, note: null, createdAt: null, createdBy: null },
  ];
}

/** The fields of a coverage item the checker reads, plus the copies the queue is sorted and filtered on. */
export interface CheckableItem {
  id: string;
  partnerId: string;
  campaignId: string | null;
  platform: DisclosurePlatform;
  publishedOn: Date;
  text: string;
  jurisdiction: string | null;
  paid: boolean;
  gifted: boolean;
  affiliate: boolean;
  platformLabel: boolean;
  imagesRetouched: boolean;
  imagesVirtual: boolean;
}

function check(item: CheckableItem, ruleSet: RuleSet): DisclosureResult {
  return checkDisclosure({ ...item, jurisdiction: ruleSet.jurisdiction }, ruleSet);
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

function checkRow(
  item: CheckableItem,
  jurisdiction: DisclosureJurisdiction,
  source: JurisdictionSource,
  ruleSet: RuleSet,
  result: DisclosureResult,
) {
  return {
    coverageItemId: item.id,
    jurisdiction,
    jurisdictionSource: source,
    ruleSetVersion: ruleSet.version,
    verdict: result.verdict,
    reasons: result.reasons,
    markers: asJson(result.markers),
    current: true,
    needsReview: isFailing(result.verdict),
    publishedOn: item.publishedOn,
    partnerId: item.partnerId,
    campaignId: item.campaignId,
    platform: item.platform,
  };
}

/** What checking needs besides the item: the rules in force and the workspace default jurisdiction. */
export interface CheckContext {
  ruleSets: RuleSets;
  defaultJurisdiction: DisclosureJurisdiction;
}

/** Loaded once per request or import, not once per item. */
export async function checkContext(client: DbClient = db()): Promise<CheckContext> {
  const ruleSets = await ruleSetsInForce(client);
  const settings = await getSettings(client);
  return { ruleSets, defaultJurisdiction: settings.defaultJurisdiction as DisclosureJurisdiction };
}

/** The checks an item needs now: one per jurisdiction that applies, each with the row that would store it. */
export function checksFor(item: CheckableItem, campaignJurisdictions: readonly string[] | null | undefined, context: CheckContext) {
  const { jurisdictions, source } = jurisdictionsFor(item.jurisdiction, campaignJurisdictions, context.defaultJurisdiction);
  return jurisdictions.map((jurisdiction) => {
    const ruleSet = context.ruleSets[jurisdiction];
    const result = check(item, ruleSet);
    return { jurisdiction, ruleSet, result, row: checkRow(item, jurisdiction, source, ruleSet, result) };
  });
}

/**
 * Checks a saved item under each jurisdiction that applies. A new check row is written only when
 * the outcome changes; an unchanged outcome keeps its row (and any decision made on it), with the
 * copied item fields brought up to date. Checks under jurisdictions that no longer apply stop
 * being current.
 */
export async function checkCoverageItem(
  tx: DbClient,
  item: CheckableItem,
  campaignJurisdictions: readonly string[] | null,
  context?: CheckContext,
) {
  const wanted = checksFor(item, campaignJurisdictions, context ?? (await checkContext(tx)));
  const existing = await tx.disclosureCheck.findMany({ where: { coverageItemId: item.id, current: true } });
  const stale = existing.filter((row) => !wanted.some((check) => check.jurisdiction === row.jurisdiction));
  if (stale.length)
    await tx.disclosureCheck.updateMany({
      where: { id: { in: stale.map((row) => row.id) } },
      data: { current: false, needsReview: false },
    });
  const results = [];
  for (const { jurisdiction, ruleSet, result, row } of wanted) {
    const previous = existing.find((existingRow) => existingRow.jurisdiction === jurisdiction);
    if (previous && !outcomeChanged(previous, result)) {
      await tx.disclosureCheck.update({
        where: { id: previous.id },
        data: {
          jurisdictionSource: row.jurisdictionSource,
          ruleSetVersion: ruleSet.version,
          publishedOn: row.publishedOn,
          partnerId: row.partnerId,
          campaignId: row.campaignId,
          platform: row.platform,
        },
      });
      results.push({ checkId: previous.id, jurisdiction, result, changed: false });
      continue;
    }
    if (previous) await tx.disclosureCheck.update({ where: { id: previous.id }, data: { current: false, needsReview: false } });
    const created = await tx.disclosureCheck.create({ data: { ...row, supersedesId: previous?.id ?? null } });
    results.push({ checkId: created.id, jurisdiction, result, changed: true });
  }
  return results;
}

/** Saves the edited rules as a new version; null when they are the rules in force (nothing written). */
export async function saveRuleSet(actorId: string, input: RuleSetFormInput) {
  return db().$transaction(async (tx) => {
    const latest = await tx.disclosureRuleSet.findFirst({
      where: { jurisdiction: input.jurisdiction },
      orderBy: { version: "desc" },
      select: { version: true, rules: true },
    });
    const currentVersion = latest?.version ?? 1;
    // Two people editing at once: the second save would silently drop the first one's change.
    if (input.baseVersion !== currentVersion) throw new RuleViolation("compliance.ruleSetChanged", 409);
    const inForce = latest ? ruleSetFromStored(input.jurisdiction, latest.version, latest.rules) : defaultRuleSets[input.jurisdiction];
    if (sameRules(storedRules(inForce), rulesFromForm(input))) return null;
    const created = await tx.disclosureRuleSet.create({
      data: {
        jurisdiction: input.jurisdiction,
        version: currentVersion + 1,
        rules: asJson(rulesFromForm(input)),
        note: input.note ?? null,
        createdById: actorId,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "disclosure_rules.create_version",
      entityType: "DisclosureRuleSet",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export function ruleSetForEditing(sets: RuleSets, jurisdiction: DisclosureJurisdiction) {
  return { jurisdiction, version: sets[jurisdiction].version, ...storedRules(sets[jurisdiction]) };
}

const RECHECK_BATCH = 2000;

/**
 * Starts a re-check of one jurisdiction's current checks against the rules in force, as a job:
 * the re-check's record, the job's row and its place on the queue commit together.
 */
export async function startRecheck(actorId: string, jurisdiction: DisclosureJurisdiction) {
  return db().$transaction(async (tx) => {
    const sets = await ruleSetsInForce(tx);
    const ruleSet = sets[jurisdiction];
    const versions = await tx.disclosureCheck.aggregate({
      where: { jurisdiction, current: true },
      _min: { ruleSetVersion: true },
      _count: { _all: true },
    });
    const recheck = await tx.disclosureRecheck.create({
      data: {
        jurisdiction,
        fromVersion: versions._min.ruleSetVersion ?? ruleSet.version,
        toVersion: ruleSet.version,
        checked: 0,
        changed: 0,
        actorId,
      },
    });
    return enqueueJob(tx, "disclosure.recheck", { jurisdiction, recheckId: recheck.id }, actorId, versions._count._all);
  });
}

/**
 * The re-check job: runs the rules over every item currently checked under the jurisdiction, a
 * batch per transaction, so pages stay responsive and a retry carries on where it stopped. Items
 * whose outcome changes get a new check row (so they go back to the queue when they fail) that
 * points at the check it replaced; the old row and any decision on it stay as they were.
 */
export async function runRecheck(input: unknown, progress: (done: number) => Promise<void>) {
  const { jurisdiction, recheckId } = RecheckJobInputSchema.parse(input);
  for (;;) {
    const batch = await db().$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DisclosureRecheck" WHERE "id" = ${recheckId} FOR UPDATE`;
        if (!locked) throw new RuleViolation("errors.notFound", 404);
        const recheck = await tx.disclosureRecheck.findUniqueOrThrow({ where: { id: recheckId } });
        const ruleSet = (await ruleSetsInForce(tx))[jurisdiction];
        const rows = await tx.disclosureCheck.findMany({
          where: {
            jurisdiction,
            current: true,
            id: { gt: recheck.lastCheckId ?? "" },
            OR: [{ recheckId: null }, { recheckId: { not: recheckId } }],
          },
          orderBy: { id: "asc" },
          take: RECHECK_BATCH,
          include: {
            coverageItem: {
              select: {
                id: true,
                partnerId: true,
                campaignId: true,
                platform: true,
                publishedOn: true,
                text: true,
                jurisdiction: true,
                paid: true,
                gifted: true,
                affiliate: true,
                platformLabel: true,
                imagesRetouched: true,
                imagesVirtual: true,
              },
            },
          },
        });
        const unchanged: string[] = [];
        const replaced: string[] = [];
        const created: Prisma.DisclosureCheckCreateManyInput[] = [];
        for (const row of rows) {
          const item = row.coverageItem as CheckableItem;
          const result = check(item, ruleSet);
          if (!outcomeChanged(row, result)) {
            unchanged.push(row.id);
            continue;
          }
          replaced.push(row.id);
          created.push({
            ...checkRow(item, jurisdiction, row.jurisdictionSource as JurisdictionSource, ruleSet, result),
            supersedesId: row.id,
            recheckId,
          });
        }
        if (unchanged.length)
          await tx.disclosureCheck.updateMany({ where: { id: { in: unchanged } }, data: { ruleSetVersion: ruleSet.version } });
        if (replaced.length) {
          await tx.disclosureCheck.updateMany({ where: { id: { in: replaced } }, data: { current: false, needsReview: false } });
          await tx.disclosureCheck.createMany({ data: created });
        }
        const counts = await tx.disclosureRecheck.update({
          where: { id: recheckId },
          // The cursor is how a retried job carries on where the last committed batch stopped.
          data: {
            checked: { increment: rows.length },
            changed: { increment: replaced.length },
            ...(rows.length ? { lastCheckId: rows[rows.length - 1].id } : {}),
          },
        });
        if (rows.length === 0)
          await recordAudit(tx, {
            actorId: recheck.actorId,
            action: "disclosure.recheck",
            entityType: "DisclosureRecheck",
            entityId: recheckId,
            after: counts,
          });
        return { size: rows.length, checked: counts.checked, changed: counts.changed };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    await progress(batch.checked);
    if (batch.size === 0) return { recheckId, checked: batch.checked, changed: batch.changed };
  }
}

const RECHECK_PAGE = 100;

/** A re-check and what it changed: each new check beside the one it replaced and the decision that had been made on it. */
export async function getRecheck(id: string, page: number) {
  const recheck = await db().disclosureRecheck.findUnique({ where: { id }, include: { actor: { select: { name: true } } } });
  if (!recheck) return null;
  const changes = await db().disclosureCheck.findMany({
    where: { recheckId: id },
    orderBy: [{ publishedOn: "asc" }, { id: "asc" }],
    skip: (page - 1) * RECHECK_PAGE,
    take: RECHECK_PAGE,
    select: {
      id: true,
      verdict: true,
      reasons: true,
      supersedesId: true,
      coverageItem: { select: { id: true, title: true, url: true, partner: { select: { id: true, name: true } } } },
    },
  });
  const previous = await db().disclosureCheck.findMany({
    where: { id: { in: changes.map((c) => c.supersedesId).filter((x): x is string => Boolean(x)) } },
    select: { id: true, verdict: true, reasons: true, reviewDecision: true },
  });
  const byId = new Map(previous.map((p) => [p.id, p]));
  return {
    recheck,
    changes: changes.map((c) => ({ ...c, previous: c.supersedesId ? (byId.get(c.supersedesId) ?? null) : null })),
    page,
    pageSize: RECHECK_PAGE,
  };
}

export function recentRechecks() {
  return db().disclosureRecheck.findMany({ orderBy: { createdAt: "desc" }, take: 10, include: { actor: { select: { name: true } } } });
}

const QUEUE_PAGE = 50;

function queueWhere(query: Omit<QueueQuery, "page" | "order">): Prisma.DisclosureCheckWhereInput {
  return {
    needsReview: true,
    ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
    ...(query.platform ? { platform: query.platform } : {}),
    ...(query.partnerId ? { partnerId: query.partnerId } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
    ...(query.reason ? { reasons: { has: query.reason } } : {}),
  };
}

/** Current checks that found a missing or insufficient disclosure and that nobody has decided on; oldest coverage first. */
export async function listQueue(query: QueueQuery) {
  const where = queueWhere(query);
  const direction = query.order === "newest" ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    db().disclosureCheck.findMany({
      where,
      orderBy: [{ publishedOn: direction }, { id: direction }],
      skip: (query.page - 1) * QUEUE_PAGE,
      take: QUEUE_PAGE,
      select: {
        id: true,
        jurisdiction: true,
        jurisdictionSource: true,
        verdict: true,
        reasons: true,
        publishedOn: true,
        platform: true,
        coverageItem: {
          select: {
            id: true,
            title: true,
            url: true,
            partner: { select: { id: true, name: true } },
            campaign: { select: { id: true, name: true } },
          },
        },
        supersedesId: true,
        snapshotId: true,
      },
    }),
    db().disclosureCheck.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: QUEUE_PAGE };
}

export async function reviewCheck(reviewerId: string, input: ReviewInput) {
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DisclosureCheck" WHERE "id" = ${input.checkId} FOR UPDATE`;
    if (!locked) throw new RuleViolation("errors.notFound", 404);
    const target = await tx.disclosureCheck.findUniqueOrThrow({
      where: { id: input.checkId },
      include: { coverageItem: { include: { campaign: { select: { jurisdictions: true } } } } },
    });
    if (!target.current || !target.needsReview) throw new RuleViolation("compliance.alreadyDecided", 409);
    let recheckCheckId: string | null = null;
    if (input.decision === "fixed_by_partner") {
      const item = target.coverageItem;
      const fixed = await tx.coverageItem.update({ where: { id: item.id }, data: { text: input.newText! } });
      await recordAudit(tx, {
        actorId: reviewerId,
        action: "coverage.text_fixed",
        entityType: "CoverageItem",
        entityId: item.id,
        subjectId: item.partnerId,
        before: { text: item.text },
        after: { text: fixed.text },
      });
      const results = await checkCoverageItem(tx, fixed as CheckableItem, item.campaign?.jurisdictions ?? null);
      const again = results.find((r) => r.jurisdiction === target.jurisdiction);
      if (!again || isFailing(again.result.verdict)) throw new RuleViolation("compliance.fixStillFails", 422, "newText");
      recheckCheckId = again.checkId;
    }
    await tx.disclosureCheck.update({ where: { id: target.id }, data: { needsReview: false, reviewDecision: input.decision } });
    const review = await tx.disclosureReview.create({
      data: {
        checkId: target.id,
        coverageItemId: target.coverageItemId,
        decision: input.decision,
        note: input.note ?? null,
        recheckCheckId,
        reviewerId,
      },
    });
    await recordAudit(tx, {
      actorId: reviewerId,
      action: `disclosure.review.${input.decision}`,
      entityType: "DisclosureCheck",
      entityId: target.id,
      before: { needsReview: true, verdict: target.verdict },
      after: review,
    });
    return review;
  });
}
