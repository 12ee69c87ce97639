/**
 * Secrets the app must give back (the SMTP password), sealed with AES-256-GCM under a key from the
 * environment: MAIL_SECRET_KEY (32 bytes, base64 or hex), else one derived from SESSION_SECRET. A
 * copy of the database alone does not reveal them.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { RuleViolation } from "~/shared/violations";
import { parseEnv } from "./env.server";
import { ensureSessionSecret } from "./session-secret.server";

const VERSION = "v1";

function key(): Buffer {
  const configured = process.env.MAIL_SECRET_KEY?.trim();
  if (configured) {
    const bytes = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, "hex") : Buffer.from(configured, "base64");
    if (bytes.length !== 32) throw new Error("MAIL_SECRET_KEY must be 32 bytes, as 64 hex digits or base64.");
    return bytes;
  }
  // The command-line tools share the server's secret: the one set, else the one kept in the data directory.
  const session = ensureSessionSecret(parseEnv().dataDir, process.env.SESSION_SECRET);
  return Buffer.from(hkdfSync("sha256", session, "partnerledger", "smtp-password", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64"), body.toString("base64")].join(":");
}

/** The secret, or a readable refusal when the key changed since it was sealed. */
export function openSecret(sealed: string): string {
  const [version, iv, payload] = sealed.split(":");
  try {
    if (version !== VERSION || !iv || !payload) throw new Error("unknown format");
    const bytes = Buffer.from(payload, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new RuleViolation("mail.passwordUnreadable", 409);
  }
}
