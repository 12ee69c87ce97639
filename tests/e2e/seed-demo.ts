/**
 * Prepares the layout tests' database before its server starts: the demo workspace, one
 * session per demo user, and the ids of the records whose pages the tests open.
 */
import fs from "node:fs";
import { MigrationEngine } from "../../prisma/schema-engine";
import { loadDemoWorkspace } from "../../prisma/demo-workspace";
import { createSession } from "../../app/utils/auth.server";
import { databaseTarget, openDatabase } from "../../app/utils/db-connection.server";
import { connectDatabase, db, disconnectDatabase } from "../../app/utils/db.server";
import { parseEnv } from "../../app/utils/env.server";
import { demoFile } from "./users";

const env = parseEnv();
const database = await openDatabase(databaseTarget(env));
const engine = await MigrationEngine.open(database);
await engine.applyPending();
engine.free();
await connectDatabase(database);

const { team } = await loadDemoWorkspace();
const sessions: Record<string, string> = {};
for (const member of team) {
  if (sessions[member.role]) continue;
  const user = await db().user.findUniqueOrThrow({ where: { email: member.email }, select: { id: true } });
  sessions[member.role] = (await db().$transaction((tx) => createSession(tx, user.id, { ipAddress: "127.0.0.1", userAgent: "layout seed" }))).id;
}
// The busiest record of each kind, so the pages are seen with content.
const partner = await db().partner.findUniqueOrThrow({ where: { externalId: "demo-001" }, select: { id: true } });
const records = {
  partner: partner.id,
  campaign: (await db().campaign.findFirstOrThrow({ orderBy: [{ placements: { _count: "desc" } }, { name: "asc" }], select: { id: true } })).id,
  coverage: (await db().coverageItem.findFirstOrThrow({ where: { partnerId: partner.id }, orderBy: { publishedOn: "asc" }, select: { id: true } })).id,
  placement: (await db().placement.findFirstOrThrow({ where: { partnerId: partner.id }, orderBy: { agreedOn: "asc" }, select: { id: true } })).id,
  gift: (await db().gift.findFirstOrThrow({ where: { partnerId: partner.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).id,
};
fs.mkdirSync(env.dataDir, { recursive: true });
fs.writeFileSync(demoFile(env.dataDir), JSON.stringify({ sessions, records }));
await disconnectDatabase();
