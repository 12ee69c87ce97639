import type { ChannelInput } from "~/domain/partners";
import type { ImportError, ImportPlan, PlannedPartner } from "~/domain/partner-import";
import { websiteDomain } from "~/domain/partners";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { addChannelIn, createPartnerIn, findDuplicate, recordMeasurementIn, refreshPartnerDerived } from "./partner.server";

export type ImportOutcome = "new" | "updated" | "unchanged" | "duplicate";

export interface ClassifiedPartner {
  planned: PlannedPartner;
  outcome: ImportOutcome;
  /** The partner it updates, or the one it duplicates. */
  existing?: { id: string; name: string };
  ownerId?: string | null;
}

export interface ImportPreview {
  partners: ClassifiedPartner[];
  errors: ImportError[];
  summary: Record<ImportOutcome | "rejected", number>;
  rowCount: number;
}

const existingSelect = {
  id: true,
  name: true,
  kind: true,
  email: true,
  website: true,
  country: true,
  language: true,
  stage: true,
  ownerId: true,
  tags: true,
  notes: true,
  externalId: true,
  channels: { select: { id: true, platform: true, handle: true, url: true, followers: true, engagementRate: true, measuredOn: true } },
} as const;
type Existing = NonNullable<Awaited<ReturnType<typeof findByKey>>>;

async function findByKey(tx: DbClient, planned: PlannedPartner) {
  const { externalId, email, name } = planned.partner;
  if (externalId) return tx.partner.findUnique({ where: { externalId }, select: existingSelect });
  if (email) return tx.partner.findFirst({ where: { email }, select: existingSelect, orderBy: { createdAt: "asc" } });
  return tx.partner.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: existingSelect, orderBy: { createdAt: "asc" } });
}

function matchChannel(existing: Existing["channels"], channel: ChannelInput) {
  return existing.find(
    (c) =>
      c.platform === channel.platform &&
      ((channel.handle && c.handle?.toLowerCase() === channel.handle.toLowerCase()) || (channel.url && c.url === channel.url) || (!channel.handle && !channel.url && !c.handle && !c.url)),
  );
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
  if (p.tags.length) set("tags", p.tags);
  if (ownerId !== undefined) set("ownerId", ownerId);
  return changes;
}

function channelNeedsMeasurement(current: Existing["channels"][number], channel: ChannelInput) {
  const newer = channel.measuredOn && (!current.measuredOn || channel.measuredOn > current.measuredOn.toISOString().slice(0, 10));
  const differs =
    (channel.followers !== undefined && channel.followers !== current.followers) ||
    (channel.engagementRate !== undefined && channel.engagementRate !== current.engagementRate);
  return Boolean(differs || (newer && (channel.followers !== undefined || channel.engagementRate !== undefined)));
}

async function classify(tx: DbClient, plan: ImportPlan, owners: Map<string, string>): Promise<ImportPreview> {
  const errors = [...plan.errors];
  const partners: ClassifiedPartner[] = [];
  for (const planned of plan.partners) {
    let ownerId: string | null | undefined;
    if (planned.ownerEmail) {
      ownerId = owners.get(planned.ownerEmail);
      if (!ownerId) {
        errors.push({ line: planned.lines[0], column: "owner_email", messageKey: "errors.unknownOwner", value: planned.ownerEmail });
        continue;
      }
    }
    const existing = await findByKey(tx, planned);
    if (existing) {
      const changed =
        Object.keys(partnerChanges(existing, planned, ownerId)).length > 0 ||
        planned.channels.some((channel) => {
          const current = matchChannel(existing.channels, channel);
          return !current || channelNeedsMeasurement(current, channel);
        });
      partners.push({ planned, outcome: changed ? "updated" : "unchanged", existing: { id: existing.id, name: existing.name }, ownerId });
      continue;
    }
    const duplicate = await findDuplicate(tx, { email: planned.partner.email, website: planned.partner.website, channels: planned.channels });
    partners.push({ planned, outcome: duplicate ? "duplicate" : "new", existing: duplicate ?? undefined, ownerId });
  }
  const rejectedLines = new Set(errors.map((error) => error.line));
  const count = (outcome: ImportOutcome) => partners.filter((p) => p.outcome === outcome).reduce((sum, p) => sum + p.planned.lines.length, 0);
  return {
    partners,
    errors: errors.sort((a, b) => a.line - b.line),
    rowCount: plan.rowCount,
    summary: { new: count("new"), updated: count("updated"), unchanged: count("unchanged"), duplicate: count("duplicate"), rejected: rejectedLines.size },
  };
}

async function activeOwners(tx: DbClient) {
  return new Map((await tx.user.findMany({ where: { disabledAt: null }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
}

export async function previewPartnerImport(plan: ImportPlan) {
  const tx = db();
  return classify(tx, plan, await activeOwners(tx));
}

const IMPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Applies the new and updated partners of a file in one transaction: a failure leaves nothing
 * half-imported. Duplicates and rejected rows are left out; unchanged partners are not touched,
 * so importing the same file again changes nothing.
 */
export async function applyPartnerImport(actorId: string | null, plan: ImportPlan, onProgress?: (done: number, total: number) => void) {
  return db().$transaction(
    async (tx) => {
      const preview = await classify(tx, plan, await activeOwners(tx));
      const todo = preview.partners.filter((p) => p.outcome === "new" || p.outcome === "updated");
      let done = 0;
      for (const item of todo) {
        const { planned } = item;
        if (item.outcome === "new") {
          const partner = await createPartnerIn(tx, actorId, { ...planned.partner, ownerId: item.ownerId ?? undefined }, "partner.import");
          // Several rows may measure the same channel on different days.
          const channels: Existing["channels"] = [];
          for (const channel of planned.channels) {
            const current = matchChannel(channels, channel);
            if (current) await recordMeasurementIn(tx, actorId, current.id, measurementOf(current, channel));
            else channels.push(await addChannelIn(tx, actorId, partner.id, channel));
          }
        } else {
          const existing = (await findByKey(tx, planned))!;
          const changes = partnerChanges(existing, planned, item.ownerId);
          if (Object.keys(changes).length) {
            if (changes.website !== undefined) changes.websiteDomain = websiteDomain(changes.website as string);
            await tx.partner.update({ where: { id: existing.id }, data: { ...changes, version: { increment: 1 } } });
            await recordAudit(tx, { actorId, action: "partner.import", entityType: "Partner", entityId: existing.id, before: Object.fromEntries(Object.keys(changes).map((k) => [k, existing[k as keyof Existing]])), after: changes });
          }
          for (const channel of planned.channels) {
            const current = matchChannel(existing.channels, channel);
            if (!current) await addChannelIn(tx, actorId, existing.id, channel);
            else if (channelNeedsMeasurement(current, channel)) await recordMeasurementIn(tx, actorId, current.id, measurementOf(current, channel));
          }
          if (Object.keys(changes).length) await refreshPartnerDerived(tx, existing.id);
        }
        done += 1;
        onProgress?.(done, todo.length);
      }
      return preview;
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/** New numbers for a known channel; its identity (platform, handle, URL) is kept unless the file gives one. */
function measurementOf(current: Existing["channels"][number], channel: ChannelInput): ChannelInput {
  return { ...channel, handle: channel.handle ?? current.handle ?? undefined, url: channel.url ?? current.url ?? undefined };
}
