/** Prepares the e2e database before its server starts: one user and one session per role. */
import fs from "node:fs";
import path from "node:path";
import { MigrationEngine } from "../../prisma/schema-engine";
import { createSession } from "../../app/utils/auth.server";
import { databaseTarget, openDatabase } from "../../app/utils/db-connection.server";
import { connectDatabase, db, disconnectDatabase } from "../../app/utils/db.server";
import { parseEnv } from "../../app/utils/env.server";
import { hashPassword } from "../../app/utils/password.server";
import { E2E_PASSWORD, e2eUsers, sessionsFile } from "./users";

const env = parseEnv();
const database = await openDatabase(databaseTarget(env));
const engine = await MigrationEngine.open(database);
await engine.applyPending();
engine.free();
await connectDatabase(database);

const hash = await hashPassword(E2E_PASSWORD);
const sessions: Record<string, string> = {};
for (const [key, user] of Object.entries(e2eUsers)) {
  const created = await db().user.create({ data: { email: user.email, name: user.name, role: user.role, password: { create: { hash } } } });
  sessions[key] = (await db().$transaction((tx) => createSession(tx, created.id, { ipAddress: "127.0.0.1", userAgent: "e2e seed" }))).id;
}
fs.mkdirSync(path.dirname(sessionsFile(env.dataDir)), { recursive: true });
fs.writeFileSync(sessionsFile(env.dataDir), JSON.stringify(sessions));
await disconnectDatabase();
