/**
 * Content before and after it is published: the partner's drafts (each version kept), their
 * disclosure check, the two-person review, and the live post that becomes a coverage item.
 */
import { isoDay } from "~/shared/days";
import { committedGiftStatuses, committedPlacementStatuses } from "~/features/spend";
import type { UploadedFile } from "~/utils/upload.server";
import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { checkDraft, disclosureWeakened, isPassing, type DraftCheck, type RuleSet, jurisdictionsFor } from "~/features/compliance";
import { type DisclosurePlatform } from "~/shared/disclosure-terms";
import { type ContentDraftInput, type ContentVersionInput, type PublishedPostInput } from "./content";
import { parseContentTarget } from "./content-terms";
import { utcDay } from "~/shared/days";
import { RuleViolation } from "~/shared/violations";
import type { UploadPurpose } from "~/shared/uploads";
import { CONTENT_TYPES } from "~/shared/uploads";
import { db, type DbClient } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { insertCoverage, checkContext, type CheckContext } from "~/features/compliance/index.server";
import type { PortalVisitor } from "./portal.server";
import { lockPartnersRecord } from "~/utils/row-locks.server";

/** What a draft can be for: the partner's gifts and placements that are under way, with the rules that would apply. */
export async function contentTargets(partnerId: string, client: DbClient = db()) {
  const [gifts, placements] = await Promise.all([
    client.gift.findMany({
      where: { partnerId, status: { in: [...committedGiftStatuses] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, itemName: true, shippedOn: true, createdAt: true, campaign: { select: { name: true, jurisdictions: true } } },
    }),
    client.placement.findMany({
      // Agreed collaborations, and offers the partner accepted that the team has yet to approve.
      where: {
        partnerId,
        OR: [{ status: { in: [...committedPlacementStatuses] } }, { status: "proposed", partnerAnswer: "accepted" }],
      },
      orderBy: { agreedOn: "desc" },
      select: { id: true, title: true, agreedOn: true, campaign: { select: { name: true, jurisdictions: true } } },
    }),
  ]);
  // Two gifts of the same product are told apart by their date and campaign.
  return [
    ...placements.map((p) => ({
      kind: "placement" as const,
      id: p.id,
      name: p.title,
      on: isoDay(p.agreedOn),
      campaignName: p.campaign?.name ?? null,
      campaignJurisdictions: p.campaign?.jurisdictions ?? [],
    })),
    ...gifts.map((g) => ({
      kind: "gift" as const,
      id: g.id,
      name: g.itemName,
      on: isoDay(g.shippedOn ?? g.createdAt),
      campaignName: g.campaign?.name ?? null,
      campaignJurisdictions: g.campaign?.jurisdictions ?? [],
    })),
  ];
}

/** The rule sets that would apply to coverage of this gift or placement, as the coverage checker would choose them. */
export function ruleSetsFor(campaignJurisdictions: readonly string[], context: CheckContext): RuleSet[] {
  return jurisdictionsFor(null, campaignJurisdictions, context.defaultJurisdiction).jurisdictions.map((code) => context.ruleSets[code]);
}

interface DraftFlags {
  platformLabel: boolean;
  imagesRetouched: boolean;
  imagesVirtual: boolean;
}

/** What is stored with each version: the flags it was checked with and what the checker said. */
interface StoredDraftCheck {
  flags: DraftFlags;
  results: DraftCheck[];
}

export interface DraftSaved {
  submissionId: string;
  version: number;
}

/** A draft the checker fails, sent back with its advice (a 422 on the text, nothing written). */
function draftNeedsFix(checks: DraftCheck[]) {
  const refusal = new RuleViolation("portal.content.fixDisclosure", 422, "text");
  refusal.details = checks;
  return refusal;
}

/** Locks a submission: the partner's own when a partner acts, any when the team does. */
export async function lockSubmission(tx: DbClient, id: string, partnerId?: string) {
  const locked = partnerId
    ? await lockPartnersRecord(tx, "ContentSubmission", id, partnerId)
    : (await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ContentSubmission" WHERE "id" = ${id} FOR UPDATE`).length === 1;
  if (!locked) throw new RuleViolation("errors.notFound", 404);
  return tx.contentSubmission.findUniqueOrThrow({
    where: { id },
    include: {
      gift: { select: { id: true, campaignId: true, campaign: { select: { jurisdictions: true } } } },
      placement: { select: { id: true, campaignId: true, campaign: { select: { jurisdictions: true } } } },
    },
  });
}

/** Keeps uploaded files (already checked) with their hash, linked to what they belong to. */
export async function storePortalFiles(
  tx: DbClient,
  partnerId: string,
  purpose: UploadPurpose,
  files: readonly UploadedFile[],
  link: { contentVersionId?: string; coverageItemId?: string } = {},
) {
  const stored: { id: string; sha256: string }[] = [];
  for (const file of files) {
    const row = await tx.portalFile.create({
      data: {
        partnerId,
        purpose,
        fileName: file.name,
        contentType: CONTENT_TYPES[file.kind],
        byteSize: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        data: Buffer.from(file.bytes),
        ...link,
      },
      select: { id: true, sha256: true },
    });
    stored.push(row);
  }
  return stored;
}

function draftChecks(input: ContentVersionInput, kind: "gift" | "placement", ruleSets: readonly RuleSet[]) {
  const flags = { platformLabel: input.platformLabel, imagesRetouched: input.imagesRetouched, imagesVirtual: input.imagesVirtual };
  const results = checkDraft(
    { platform: input.platform as DisclosurePlatform, text: input.text, paid: kind === "placement", gifted: kind === "gift", ...flags },
    ruleSets,
  );
  return { flags, results, compliant: results.every((r) => isPassing(r.verdict)) };
}

async function addVersion(
  tx: DbClient,
  visitor: PortalVisitor,
  submissionId: string,
  number: number,
  input: ContentVersionInput,
  checked: ReturnType<typeof draftChecks>,
  files: readonly UploadedFile[],
) {
  const stored: StoredDraftCheck = { flags: checked.flags, results: checked.results };
  const version = await tx.contentVersion.create({
    data: {
      submissionId,
      number,
      text: input.text,
      plannedOn: utcDay(input.plannedOn),
      checks: JSON.parse(JSON.stringify(stored)) as Prisma.InputJsonValue,
      compliant: checked.compliant,
      portalSessionId: visitor.sessionId,
    },
  });
  const kept = await storePortalFiles(tx, visitor.partnerId, "draft_media", files, { contentVersionId: version.id });
  await recordAudit(tx, {
    actorId: null,
    actorPartnerId: visitor.partnerId,
    action: number === 1 ? "content.submit" : "content.resubmit",
    entityType: "ContentSubmission",
    entityId: submissionId,
    subjectId: visitor.partnerId,
    after: {
      version: number,
      plannedOn: input.plannedOn,
      platform: input.platform,
      compliant: checked.compliant,
      verdicts: checked.results.map((r) => `${r.jurisdiction}:${r.verdict}`),
      files: kept.length,
    },
  });
}

/** A first draft. A draft the checker fails is sent back with its advice, unless the partner asks the team to decide. */
export async function submitContent(visitor: PortalVisitor, input: ContentDraftInput, files: readonly UploadedFile[]): Promise<DraftSaved> {
  const { giftId, placementId } = parseContentTarget(input.target);
  return db().$transaction(async (tx) => {
    const targets = await contentTargets(visitor.partnerId, tx);
    const target = targets.find((t) => t.id === (giftId ?? placementId) && t.kind === (giftId ? "gift" : "placement"));
    if (!target) throw new RuleViolation("portal.content.targetNeeded", 422, "target");
    const checked = draftChecks(input, target.kind, ruleSetsFor(target.campaignJurisdictions, await checkContext(tx)));
    if (!checked.compliant && !input.submitAnyway) throw draftNeedsFix(checked.results);
    const submission = await tx.contentSubmission.create({
      data: { partnerId: visitor.partnerId, giftId, placementId, platform: input.platform, status: "in_review", latestVersion: 1 },
    });
    await addVersion(tx, visitor, submission.id, 1, input, checked, files);
    return { submissionId: submission.id, version: 1 };
  });
}

/** A new version after the team asked for changes. */
export async function resubmitContent(
  visitor: PortalVisitor,
  submissionId: string,
  input: ContentVersionInput,
  files: readonly UploadedFile[],
): Promise<DraftSaved> {
  return db().$transaction(async (tx) => {
    const submission = await lockSubmission(tx, submissionId, visitor.partnerId);
    if (submission.status !== "changes_requested") throw new RuleViolation("portal.content.notAwaitingChanges", 409);
    const kind = submission.placementId ? "placement" : "gift";
    const jurisdictions = (submission.placement ?? submission.gift)?.campaign?.jurisdictions ?? [];
    const checked = draftChecks(input, kind, ruleSetsFor(jurisdictions, await checkContext(tx)));
    if (!checked.compliant && !input.submitAnyway) throw draftNeedsFix(checked.results);
    const number = submission.latestVersion + 1;
    await tx.contentSubmission.update({
      where: { id: submissionId },
      data: { status: "in_review", latestVersion: number, platform: input.platform },
    });
    await addVersion(tx, visitor, submissionId, number, input, checked, files);
    return { submissionId, version: number };
  });
}

export const versionSelect = {
  id: true,
  number: true,
  text: true,
  plannedOn: true,
  checks: true,
  compliant: true,
  createdAt: true,
  files: { select: { id: true, fileName: true, contentType: true, byteSize: true } },
} satisfies Prisma.ContentVersionSelect;

/** What a submission's row in a list shows (components/content-status: SubmissionRow). */
export const submissionRowSelect = {
  id: true,
  status: true,
  platform: true,
  latestVersion: true,
  updatedAt: true,
  gift: { select: { itemName: true } },
  placement: { select: { title: true } },
} satisfies Prisma.ContentSubmissionSelect;

/** The partner's own submissions, newest first. */
export function portalSubmissions(partnerId: string) {
  return db().contentSubmission.findMany({
    where: { partnerId },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: submissionRowSelect,
  });
}

/** One of the partner's submissions with every version and the team's decisions (not who made them). */
export async function portalSubmission(partnerId: string, submissionId: string) {
  const submission = await db().contentSubmission.findFirst({
    where: { id: submissionId, partnerId },
    select: {
      id: true,
      status: true,
      platform: true,
      latestVersion: true,
      approvedVersion: true,
      coverageItemId: true,
      giftId: true,
      placementId: true,
      gift: { select: { itemName: true } },
      placement: { select: { title: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          ...versionSelect,
          reviews: { orderBy: { createdAt: "asc" }, select: { side: true, decision: true, comment: true, createdAt: true } },
        },
      },
    },
  });
  return submission;
}

/**
 * The partner reports the live post: it becomes a coverage item, linked to the gift or placement
 * and checked as any coverage is. When its disclosure is weaker than the approved draft's, the
 * submission says so and the item's failing checks wait in the compliance queue.
 */
export async function reportPublished(
  visitor: PortalVisitor,
  submissionId: string,
  input: PublishedPostInput,
  evidence: readonly UploadedFile[],
) {
  return db().$transaction(async (tx) => {
    const submission = await lockSubmission(tx, submissionId, visitor.partnerId);
    if (submission.status !== "approved" || submission.approvedVersion === null) throw new RuleViolation("portal.content.notApproved", 409);
    const approved = await tx.contentVersion.findUniqueOrThrow({
      where: { submissionId_number: { submissionId, number: submission.approvedVersion } },
    });
    const approvedChecks = approved.checks as unknown as StoredDraftCheck;
    const { impressions, reach, views, likes, comments, shares, saves, clicks } = input;
    const { item, checks } = await insertCoverage(
      tx,
      null,
      {
        partnerId: visitor.partnerId,
        url: input.url,
        platform: submission.platform,
        publishedOn: input.publishedOn,
        text: input.text,
        giftIds: submission.giftId ? [submission.giftId] : [],
        placementIds: submission.placementId ? [submission.placementId] : [],
        paidOverride: "auto",
        giftedOverride: "auto",
        affiliateOverride: "auto",
        platformLabel: input.platformLabel,
        imagesRetouched: approvedChecks.flags.imagesRetouched,
        imagesVirtual: approvedChecks.flags.imagesVirtual,
        impressions,
        reach,
        views,
        likes,
        comments,
        shares,
        saves,
        clicks,
      },
      { actorPartnerId: visitor.partnerId },
    );
    const weakened = checks.some((check) => {
      const before = approvedChecks.results.find((r) => r.jurisdiction === check.jurisdiction);
      return before !== undefined && disclosureWeakened(before.verdict, check.result.verdict);
    });
    if (weakened)
      await tx.disclosureCheck.updateMany({
        where: { coverageItemId: item.id, current: true, verdict: { in: ["missing", "insufficient"] } },
        data: { needsReview: true },
      });
    await storePortalFiles(tx, visitor.partnerId, "metrics_evidence", evidence, { coverageItemId: item.id });
    await tx.contentSubmission.update({
      where: { id: submissionId },
      data: { status: "published", coverageItemId: item.id, weakenedAfterApproval: weakened },
    });
    await recordAudit(tx, {
      actorId: null,
      actorPartnerId: visitor.partnerId,
      action: "content.published",
      entityType: "ContentSubmission",
      entityId: submissionId,
      subjectId: visitor.partnerId,
      before: { status: submission.status },
      after: { status: "published", coverageItemId: item.id, weakenedAfterApproval: weakened, evidence: evidence.length },
    });
    return { coverageItemId: item.id, weakened };
  });
}

/** A stored file, only when it is this partner's (the portal) or for staff (partnerId omitted). */
export function portalFile(fileId: string, partnerId?: string) {
  return db().portalFile.findFirst({
    where: { id: fileId, ...(partnerId ? { partnerId } : {}) },
    select: { id: true, partnerId: true, fileName: true, contentType: true, byteSize: true, data: true, purpose: true },
  });
}

/** What the draft form needs to check as the partner types: each target with its jurisdictions, and those rule sets. */
export async function draftFormContext(partnerId: string) {
  const [targets, context] = await Promise.all([contentTargets(partnerId), checkContext()]);
  const ruleSets: Partial<Record<string, RuleSet>> = {};
  const withJurisdictions = targets.map((target) => {
    const sets = ruleSetsFor(target.campaignJurisdictions, context);
    for (const set of sets) ruleSets[set.jurisdiction] = set;
    return {
      value: `${target.kind}:${target.id}`,
      name: target.name,
      on: target.on,
      campaignName: target.campaignName,
      kind: target.kind,
      jurisdictions: sets.map((set) => set.jurisdiction),
    };
  });
  return { targets: withJurisdictions, ruleSets };
}
