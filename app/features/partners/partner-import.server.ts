import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { isoDay, utcDay } from "~/shared/days";
import { planPartnerImport, type ImportError, type ImportPlan, type PlannedPartner } from "./partner-import";
import { parseCsv } from "~/shared/csv";
import { buildSearchText, handleKey, websiteDomain, type ChannelInput } from "./partners";
import { totalFollowersOf } from "./partner-terms";
import { recordAudit, recordAudits, type AuditEntry } from "~/utils/audit.server";
import { enqueueJob } from "~/utils/jobs.server";
import { db, type DbClient } from "~/utils/db.server";
import { addChannelIn, partnerData, partnerFields, recordMeasurementIn, refreshPartnerDerived } from "./partner.server";
import { partnerScopes } from "./partner-scopes.server";

export type ImportOutcome = "new" | "updated" | "unchanged" | "duplicate";

export interface ClassifiedPartner {
  planned: PlannedPartner;
  outcome: ImportOutcome;
  /** The partner it updates, or the one it duplicates. */
  existing?: { id: string; name: string };
  ownerId?: string | null;
}

/** Inside an import the updated partners keep the record they were compared with, to apply the changes to. */
type Classified = ClassifiedPartner & { record?: Existing };

export interface ImportPreview {
  partners: Classified[];
  errors: ImportError[];
  summary: Record<ImportOutcome | "rejected", number>;
  rowCount: number;
}

const existingSelect = {
  ...partnerFields,
  channels: { select: { id: true, platform: true, handle: true, url: true, followers: true, engagementRate: true, measuredOn: true } },
} satisfies Prisma.PartnerSelect;
type Existing = Prisma.PartnerGetPayload<{ select: typeof existingSelect }>;
type ExistingChannel = Existing["channels"][number];

/** IN lists stay well under the databases' parameter limits. */
const CHUNK = 5_000;
function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

async function manyIn<T>(values: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const results: T[] = [];
  for (const chunk of chunks(unique)) results.push(...(await load(chunk)));
  return results;
}

/** The partners the file's keys point at, loaded in a few queries instead of one per row. */
async function loadByKeys(tx: DbClient, plan: ImportPlan) {
  const ids = plan.partners.flatMap((p) => (p.partner.externalId ? [p.partner.externalId] : []));
  const emails = plan.partners.flatMap((p) => (!p.partner.externalId && p.partner.email ? [p.partner.email] : []));
  const names = plan.partners.flatMap((p) => (!p.partner.externalId && !p.partner.email ? [p.partner.name.toLowerCase()] : []));
  const [byId, byEmail, nameIds] = await Promise.all([
    manyIn(ids, (chunk) => tx.partner.findMany({ where: { externalId: { in: chunk } }, select: existingSelect })),
    manyIn(emails, (chunk) =>
      tx.partner.findMany({ where: { email: { in: chunk } }, select: existingSelect, orderBy: { createdAt: "asc" } }),
    ),
    manyIn(
      names,
      (chunk) => tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Partner" WHERE lower("name") = ANY(${chunk}) ORDER BY "createdAt" ASC`,
    ),
  ]);
  const byName = await manyIn(
    nameIds.map((row) => row.id),
    (chunk) => tx.partner.findMany({ where: { id: { in: chunk } }, select: existingSelect, orderBy: { createdAt: "asc" } }),
  );
  const first = (rows: Existing[], key: (row: Existing) => string | null) => {
    const map = new Map<string, Existing>();
    for (const row of rows) {
      const k = key(row);
      if (k && !map.has(k)) map.set(k, row);
    }
    return map;
  };
  const maps = {
    id: first(byId, (r) => r.externalId),
    email: first(byEmail, (r) => r.email),
    name: first(byName, (r) => r.name.toLowerCase()),
  };
  return (planned: PlannedPartner) => {
    const { externalId, email, name } = planned.partner;
    if (externalId) return maps.id.get(externalId);
    if (email) return maps.email.get(email);
    return maps.name.get(name.toLowerCase());
  };
}

/** Partners that look like the file's new ones: same email, website domain, handle or URL. */
async function loadDuplicates(tx: DbClient, candidates: PlannedPartner[]) {
  const emails = candidates.flatMap((p) => (p.partner.email ? [p.partner.email] : []));
  const domains = candidates.flatMap((p) => websiteDomain(p.partner.website) ?? []);
  const keys = candidates.flatMap((p) => p.channels.flatMap((c) => handleKey(c.handle) ?? []));
  const urls = candidates.flatMap((p) => p.channels.flatMap((c) => c.url ?? []));
  const partnerSelect = { id: true, name: true, email: true, websiteDomain: true } as const;
  const [byEmail, byDomain, byHandle, byUrl] = await Promise.all([
    manyIn(emails, (chunk) =>
      tx.partner.findMany({
        where: { email: { in: chunk }, ...partnerScopes.standing },
        select: partnerSelect,
        orderBy: { createdAt: "asc" },
      }),
    ),
    manyIn(domains, (chunk) =>
      tx.partner.findMany({
        where: { websiteDomain: { in: chunk }, ...partnerScopes.standing },
        select: partnerSelect,
        orderBy: { createdAt: "asc" },
      }),
    ),
    manyIn(keys, (chunk) =>
      tx.channel.findMany({
        where: { handleKey: { in: chunk }, partner: partnerScopes.standing },
        select: { platform: true, handleKey: true, partner: { select: { id: true, name: true } } },
      }),
    ),
    manyIn(urls, (chunk) =>
      tx.channel.findMany({
        where: { url: { in: chunk }, partner: partnerScopes.standing },
        select: { url: true, partner: { select: { id: true, name: true } } },
      }),
    ),
  ]);
  const index = new Map<string, { id: string; name: string }>();
  const add = (key: string | null, partner: { id: string; name: string }) =>
    key && !index.has(key) && index.set(key, { id: partner.id, name: partner.name });
  byEmail.forEach((p) => add(`email:${p.email}`, p));
  byDomain.forEach((p) => add(`domain:${p.websiteDomain}`, p));
  byHandle.forEach((c) => add(`handle:${c.platform}:${c.handleKey}`, c.partner));
  byUrl.forEach((c) => add(`url:${c.url}`, c.partner));
  return (planned: PlannedPartner) =>
    (planned.partner.email && index.get(`email:${planned.partner.email}`)) ||
    (websiteDomain(planned.partner.website) && index.get(`domain:${websiteDomain(planned.partner.website)}`)) ||
    planned.channels
      .map((c) => (handleKey(c.handle) && index.get(`handle:${c.platform}:${handleKey(c.handle)}`)) || (c.url && index.get(`url:${c.url}`)))
      .find(Boolean) ||
    undefined;
}

function sameChannel(a: { platform: string; handle?: string | null; url?: string | null }, b: ChannelInput) {
  if (a.platform !== b.platform) return false;
  const [ka, kb] = [handleKey(a.handle), handleKey(b.handle)];
  if (ka || kb) return ka === kb;
  if (a.url || b.url) return a.url === b.url;
  return true;
}

/** Only the columns the file fills in count; an empty cell never erases what is stored. */
function partnerChanges(existing: Existing, planned: PlannedPartner, ownerId: string | null | undefined) {
  const p = planned.partner;
  const changes: Record<string, unknown> = {};
  const set = (field: keyof Existing, value: unknown) => {
    if (value !== undefined && JSON.stringify(existing[field]) !== JSON.stringify(value)) changes[field] = value;
  };
  set("name", p.name);
  set("kind", p.kind);
  set("email", p.email);
  set("website", p.website);
  set("country", p.country);
  set("language", p.language);
  set("stage", p.stage);
  set("notes", p.notes);
  set("lawfulBasis", p.lawfulBasis);
  set("dataSource", p.dataSource);
  if (p.tags.length) set("tags", p.tags);
  if (ownerId !== undefined) set("ownerId", ownerId);
  return changes;
}

function channelNeedsMeasurement(current: ExistingChannel, channel: ChannelInput) {
  const newer = channel.measuredOn && (!current.measuredOn || channel.measuredOn > current.measuredOn.toISOString().slice(0, 10));
  const differs =
    (channel.followers !== undefined && channel.followers !== current.followers) ||
    (channel.engagementRate !== undefined && channel.engagementRate !== current.engagementRate);
  return Boolean(differs || (newer && (channel.followers !== undefined || channel.engagementRate !== undefined)));
}

async function classify(tx: DbClient, plan: ImportPlan): Promise<ImportPreview> {
  const owners = new Map(
    (await tx.user.findMany({ where: { disabledAt: null }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  const errors = [...plan.errors];
  const findExisting = await loadByKeys(tx, plan);
  const valid: { planned: PlannedPartner; ownerId?: string; existing?: Existing }[] = [];
  for (const planned of plan.partners) {
    const ownerId = planned.ownerEmail ? owners.get(planned.ownerEmail) : undefined;
    if (planned.ownerEmail && !ownerId) {
      errors.push({ line: planned.lines[0], column: "owner_email", messageKey: "errors.unknownOwner", value: planned.ownerEmail });
      continue;
    }
    valid.push({ planned, ownerId, existing: findExisting(planned) });
  }
  const findDuplicateOf = await loadDuplicates(
    tx,
    valid.filter((v) => !v.existing).map((v) => v.planned),
  );
  const partners: Classified[] = valid.map(({ planned, ownerId, existing }) => {
    if (existing) {
      const changed =
        Object.keys(partnerChanges(existing, planned, ownerId)).length > 0 ||
        planned.channels.some((channel) => {
          const current = existing.channels.find((c) => sameChannel(c, channel));
          return !current || channelNeedsMeasurement(current, channel);
        });
      return {
        planned,
        outcome: changed ? "updated" : "unchanged",
        existing: { id: existing.id, name: existing.name },
        record: existing,
        ownerId,
      };
    }
    const duplicate = findDuplicateOf(planned);
    return { planned, outcome: duplicate ? "duplicate" : "new", existing: duplicate, ownerId };
  });
  const rejectedLines = new Set(errors.map((error) => error.line));
  const count = (outcome: ImportOutcome) =>
    partners.filter((p) => p.outcome === outcome).reduce((sum, p) => sum + p.planned.lines.length, 0);
  return {
    partners,
    errors: errors.sort((a, b) => a.line - b.line),
    rowCount: plan.rowCount,
    summary: {
      new: count("new"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      duplicate: count("duplicate"),
      rejected: rejectedLines.size,
    },
  };
}

export function previewPartnerImport(plan: ImportPlan) {
  return classify(db(), plan);
}

const today = () => isoDay(new Date());

/**
 * New partners go in with a handful of bulk inserts: the partner rows (with their derived
 * columns), their channels, every measurement, and one audit event per partner.
 */
async function insertNewPartners(tx: DbClient, actorId: string | null, items: ClassifiedPartner[], onProgress: (n: number) => void) {
  const BATCH = 1_000;
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    const partners: Prisma.PartnerCreateManyInput[] = [];
    const channels: Prisma.ChannelCreateManyInput[] = [];
    const measurements: Prisma.ChannelMeasurementCreateManyInput[] = [];
    const audits: AuditEntry[] = [];
    for (const { planned, ownerId } of batch) {
      const id = crypto.randomUUID();
      // Rows for the same channel (other days) become its history; the latest gives its current numbers.
      const groups: ChannelInput[][] = [];
      for (const channel of planned.channels) {
        const group = groups.find((g) => sameChannel(g[0], channel));
        if (group) group.push(channel);
        else groups.push([channel]);
      }
      const channelRows = groups.map((group) => {
        const sorted = [...group].sort((a, b) => (a.measuredOn ?? today()).localeCompare(b.measuredOn ?? today()));
        const latest = sorted.at(-1)!;
        const channelId = crypto.randomUUID();
        for (const m of sorted) {
          measurements.push({
            channelId,
            measuredOn: utcDay(m.measuredOn ?? today()),
            followers: m.followers ?? null,
            engagementRate: m.engagementRate ?? null,
          });
        }
        return {
          id: channelId,
          partnerId: id,
          platform: latest.platform,
          handle: latest.handle ?? null,
          handleKey: handleKey(latest.handle),
          url: latest.url ?? null,
          followers:
            sorted
              .map((m) => m.followers)
              .filter((v) => v !== undefined)
              .at(-1) ?? null,
          engagementRate:
            sorted
              .map((m) => m.engagementRate)
              .filter((v) => v !== undefined)
              .at(-1) ?? null,
          measuredOn: utcDay(latest.measuredOn ?? today()),
        };
      });
      channels.push(...channelRows);
      const data = { ...partnerData({ ...planned.partner, ownerId: ownerId ?? undefined }), id };
      partners.push({
        ...data,
        searchText: buildSearchText(planned.partner, channelRows),
        totalFollowers: totalFollowersOf(channelRows),
      });
      audits.push({ actorId, action: "partner.import", entityType: "Partner", entityId: id, after: { ...data, channels: channelRows } });
    }
    await tx.partner.createMany({ data: partners });
    if (channels.length) await tx.channel.createMany({ data: channels });
    if (measurements.length) await tx.channelMeasurement.createMany({ data: measurements });
    await recordAudits(tx, audits);
    onProgress(batch.length);
  }
}

async function updateExisting(tx: DbClient, actorId: string | null, item: ClassifiedPartner, existing: Existing) {
  const { planned } = item;
  const changes = partnerChanges(existing, planned, item.ownerId);
  if (Object.keys(changes).length) {
    if (changes.website !== undefined) changes.websiteDomain = websiteDomain(changes.website as string);
    await tx.partner.update({ where: { id: existing.id }, data: { ...changes, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId,
      action: "partner.import",
      entityType: "Partner",
      entityId: existing.id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, existing[k as keyof Existing]])),
      after: changes,
    });
  }
  const known: ExistingChannel[] = [...existing.channels];
  for (const channel of planned.channels) {
    const current = known.find((c) => sameChannel(c, channel));
    if (!current) known.push(await addChannelIn(tx, actorId, existing.id, channel));
    else if (channelNeedsMeasurement(current, channel)) {
      const after = await recordMeasurementIn(tx, actorId, current.id, {
        ...channel,
        handle: channel.handle ?? current.handle ?? undefined,
        url: channel.url ?? current.url ?? undefined,
      });
      if (after) Object.assign(current, after);
    }
  }
  if (Object.keys(changes).length) await refreshPartnerDerived(tx, existing.id);
}

const IMPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Up to this many partners, an import is one transaction. Above it, it commits a batch at a
 * time: one transaction holding the embedded database for a minute would stall every other
 * request (health checks included), so the database is given back between batches.
 */
export const ATOMIC_IMPORT_LIMIT = 2_000;
export const IMPORT_COMMIT_BATCH = 500;

async function applyInTransaction(actorId: string | null, plan: ImportPlan, progress: (n: number) => void): Promise<ImportPreview> {
  return db().$transaction(
    async (tx) => {
      const preview = await classify(tx, plan);
      await insertNewPartners(
        tx,
        actorId,
        preview.partners.filter((p) => p.outcome === "new"),
        progress,
      );
      for (const item of preview.partners.filter((p) => p.outcome === "updated")) {
        await updateExisting(tx, actorId, item, item.record!);
        progress(1);
      }
      // Unchanged, duplicate and refused partners are done too: nothing to write for them.
      progress(plan.partners.length - preview.partners.filter((p) => p.outcome === "new" || p.outcome === "updated").length);
      return preview;
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/**
 * Applies the new and updated partners of a file. Duplicates and rejected rows are left out;
 * unchanged partners are not touched, so importing the same file again changes nothing, which
 * also makes a large import that stopped half-way safe to run again: it finishes the rest.
 * `onProgress` hears (done, total) in partners; a job can report it as it goes.
 */
export async function applyPartnerImport(actorId: string | null, plan: ImportPlan, onProgress?: (done: number, total: number) => void) {
  const total = plan.partners.length;
  let done = 0;
  const progress = (n: number) => onProgress?.((done += n), total);
  if (plan.partners.length <= ATOMIC_IMPORT_LIMIT) return applyInTransaction(actorId, plan, progress);
  const previews: ImportPreview[] = [];
  for (let start = 0; start < plan.partners.length; start += IMPORT_COMMIT_BATCH) {
    const partners = plan.partners.slice(start, start + IMPORT_COMMIT_BATCH);
    previews.push(await applyInTransaction(actorId, { ...plan, partners, errors: start === 0 ? plan.errors : [] }, progress));
    // Let requests that queued behind this batch run before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const sum = (outcome: keyof ImportPreview["summary"]) => previews.reduce((total, preview) => total + preview.summary[outcome], 0);
  return {
    partners: previews.flatMap((preview) => preview.partners),
    errors: previews.flatMap((preview) => preview.errors),
    rowCount: plan.rowCount,
    summary: {
      new: sum("new"),
      updated: sum("updated"),
      unchanged: sum("unchanged"),
      duplicate: sum("duplicate"),
      rejected: sum("rejected"),
    },
  } satisfies ImportPreview;
}

/** A large import goes to the queue: the file's text rides in the job, and the job page shows its progress. */
export async function startPartnerImportJob(actorId: string, csv: string, partnerCount: number) {
  return db().$transaction((tx) => enqueueJob(tx, "partners.import", { csv, actorId }, actorId, partnerCount));
}

/** The job's work: the same plan and apply as a small import, reporting progress at most four times a second. */
export async function runPartnerImportJob(input: { csv: string; actorId: string }, report: (done: number) => Promise<void>) {
  let last = 0;
  let pending = Promise.resolve();
  const plan = planPartnerImport(parseCsv(input.csv));
  const result = await applyPartnerImport(input.actorId, plan, (done) => {
    if (Date.now() - last < 250) return;
    last = Date.now();
    pending = pending.then(() => report(done));
  });
  await pending;
  await report(plan.partners.length);
  return result.summary;
}
