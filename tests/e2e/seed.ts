/** Prepares the e2e database before its server starts: one user and one session per role. */
import fs from "node:fs";
import path from "node:path";
import { createSession } from "../../app/features/accounts/auth.server";
import { db, disconnectDatabase } from "../../app/utils/db.server";
import { connectSeedDatabase } from "./seed-database";
import { hashPassword } from "../../app/utils/password.server";
import { E2E_PASSWORD, e2eUsers, sessionsFile } from "./users";

const env = await connectSeedDatabase();

const hash = await hashPassword(E2E_PASSWORD);
const sessions: Record<string, string> = {};
for (const [key, user] of Object.entries(e2eUsers)) {
  const created = await db().user.create({ data: { email: user.email, name: user.name, role: user.role, password: { create: { hash } } } });
  sessions[key] = (await db().$transaction((tx) => createSession(tx, created.id, { ipAddress: "127.0.0.1", userAgent: "e2e seed" }))).id;
}
fs.mkdirSync(path.dirname(sessionsFile(env.dataDir)), { recursive: true });
fs.writeFileSync(sessionsFile(env.dataDir), JSON.stringify(sessions));
await disconnectDatabase();
