import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * SESSION_SECRET if set; otherwise a secret generated on first start and kept in the data
 * directory, so `npm start` needs no configuration and sessions survive restarts.
 */
export function ensureSessionSecret(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
