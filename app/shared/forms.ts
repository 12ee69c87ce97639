/** What every create form carries besides its fields (no zod here: the browser loads this). */

/** The hidden field with the form's one-time key (see app/utils/idempotency.server.ts). */
export const IDEMPOTENCY_FIELD = "idempotencyKey";

/** A fresh key, in the browser or on the server (crypto.randomUUID needs a secure context). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
