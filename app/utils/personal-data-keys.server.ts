import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ERASED, type SealedValue } from "~/shared/personal-data";
import type { DbClient } from "~/utils/db.server";

/** AES-256-GCM: the tag makes a tampered or mis-keyed value fail loudly instead of decoding to noise. */
const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";

export type SubjectKeys = ReadonlyMap<string, Buffer>;

/** Each subject's key, created the first time someone records personal data about them. */
export async function keysForSealing(tx: DbClient, subjectIds: Iterable<string>): Promise<SubjectKeys> {
  const ids = [...new Set(subjectIds)];
  if (ids.length === 0) return new Map();
  await tx.personalDataKey.createMany({ data: ids.map((partnerId) => ({ partnerId, key: randomBytes(32) })), skipDuplicates: true });
  return keysForOpening(tx, ids);
}

/** The keys that still exist; an erased subject has none. */
export async function keysForOpening(tx: DbClient, subjectIds: Iterable<string>): Promise<SubjectKeys> {
  const ids = [...new Set(subjectIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.personalDataKey.findMany({ where: { partnerId: { in: ids } }, select: { partnerId: true, key: true } });
  return new Map(rows.map((row) => [row.partnerId, Buffer.from(row.key)]));
}

export function sealWith(key: Buffer, subject: string, value: unknown): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { $sealed: [VERSION, iv.toString("base64"), Buffer.concat([body, cipher.getAuthTag()]).toString("base64")].join(":"), subject };
}

export function openWith(keys: SubjectKeys, sealed: SealedValue): unknown {
  const key = keys.get(sealed.subject);
  if (!key) return ERASED;
  const [version, iv, payload] = sealed.$sealed.split(":");
  if (version !== VERSION || !iv || !payload) return ERASED;
  const bytes = Buffer.from(payload, "base64");
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  return JSON.parse(text) as unknown;
}

/** Crypto-shredding: after this, every sealed value about the subject reads as erased. */
export async function destroySubjectKeys(tx: DbClient, subjectIds: string[]) {
  await tx.personalDataKey.deleteMany({ where: { partnerId: { in: subjectIds } } });
}
