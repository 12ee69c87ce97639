/**
 * Which recorded fields are a partner's personal data (GDPR), and whose they are.
 * Audit payloads seal these fields with the partner's own key, so erasing the partner can
 * make them unreadable without editing the append-only audit trail (ADR 0010).
 */

/** Per audited entity type: the fields that identify or describe the person. */
export const personalFieldsByEntity: Readonly<Record<string, ReadonlySet<string>>> = {
  Partner: new Set([
    "name",
    "email",
    "website",
    "websiteDomain",
    "notes",
    "riskNotes",
    "searchText",
    "externalId",
    "dataSource",
    "handle",
    "handleKey",
    "url",
    "kept",
    "merged",
  ]),
  Channel: new Set(["handle", "handleKey", "url"]),
  Interaction: new Set(["subject", "body"]),
  Draft: new Set(["subject", "body", "comment"]),
  Task: new Set(["title"]),
  CoverageItem: new Set(["url", "title", "text"]),
  CapturedPost: new Set(["url", "title", "text", "entryKey"]),
  ChannelFeed: new Set(["url"]),
  CoverageSnapshot: new Set(["requestedUrl", "finalUrl"]),
};

export interface SealedValue {
  $sealed: string;
  subject: string;
}

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as SealedValue).$sealed === "string" &&
    typeof (value as SealedValue).subject === "string"
  );
}

/** What erasure puts in place of a coverage item's address (a reserved domain, RFC 2606), followed by the item's id. */
export const ERASED_COVERAGE_URL_PREFIX = "https://erased.invalid/";

export const isErasedCoverageUrl = (url: string) => url.startsWith(ERASED_COVERAGE_URL_PREFIX);

/** What a reader sees in place of a value whose key was erased. */
export const ERASED = { $erased: true } as const;

export function isErased(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { $erased?: unknown }).$erased === true;
}

function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The partner an audit event's personal data belongs to, when the entity holds any. */
export function auditSubject(entry: {
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  subjectId?: string;
}): string | undefined {
  if (!personalFieldsByEntity[entry.entityType]) return undefined;
  if (entry.subjectId) return entry.subjectId;
  if (entry.entityType === "Partner") return entry.entityId;
  const partnerId = fieldsOf(entry.after)?.partnerId ?? fieldsOf(entry.before)?.partnerId;
  return typeof partnerId === "string" ? partnerId : undefined;
}

/**
 * A copy of the payload with each personal field (at any depth, as imports nest channels)
 * replaced by what `seal` makes of it. Null and absent values stay as they are.
 */
export function sealPersonalFields(entityType: string, payload: unknown, seal: (value: unknown) => unknown): unknown {
  const fields = personalFieldsByEntity[entityType];
  if (!fields) return payload;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    const record = fieldsOf(value);
    if (!record) return value;
    return Object.fromEntries(
      Object.entries(record).map(([key, inner]) => [
        key,
        fields.has(key) && inner !== null && inner !== undefined ? seal(inner) : walk(inner),
      ]),
    );
  };
  return walk(payload);
}

/** The inverse walk: every sealed value opened, or marked as erased when `open` cannot. */
export function openSealedFields(payload: unknown, open: (sealed: SealedValue) => unknown): unknown {
  if (isSealed(payload)) return open(payload);
  if (Array.isArray(payload)) return payload.map((value) => openSealedFields(value, open));
  const record = fieldsOf(payload);
  if (!record) return payload;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, openSealedFields(value, open)]));
}

export function sealedSubjects(payload: unknown, into = new Set<string>()): Set<string> {
  if (isSealed(payload)) into.add(payload.subject);
  else if (Array.isArray(payload)) payload.forEach((value) => sealedSubjects(value, into));
  else {
    const record = fieldsOf(payload);
    if (record) Object.values(record).forEach((value) => sealedSubjects(value, into));
  }
  return into;
}

/** The months of inactivity after which a prospect is flagged for review or erasure. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** What an erased partner is called from then on: no personal data, still tellable apart. */
export function erasedPartnerName(partnerId: string): string {
  return `#${partnerId.slice(-8)}`;
}
