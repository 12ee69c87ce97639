import path from "node:path";
import { z } from "zod";

/** A configuration problem, reported as one line at start-up, never as a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must look like postgresql://user:password@host:5432/database");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  DATA_DIR: z.string().min(1).default("./data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Express "trust proxy": set to the number of proxies in front of the app (e.g. 1). */
  TRUST_PROXY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10).optional()),
  /** The address people reach the app at (https://crm.example.com): links in invitations and mail, and the origin forms must come from. */
  APP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((value) => {
        try {
          const url = new URL(value);
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      }, "must be an http(s) address such as https://crm.example.com")
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  SESSION_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "must be at least 32 characters").optional()),
  /** The SMTP receiver for the mail log: off unless a port is given (25 behind an MX, 2525 behind forwarding). */
  MAIL_RECEIVER_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  MAIL_RECEIVER_HOST: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).default("0.0.0.0")),
  /** Seals the SMTP password (32 bytes, hex or base64); derived from SESSION_SECRET when unset. */
  MAIL_SECRET_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "must be 32 bytes as hex or base64").optional()),
});

export type Env = z.infer<typeof EnvSchema> & { dataDir: string };

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}
