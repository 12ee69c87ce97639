/**
 * Prepares the layout tests' database before its server starts: the demo workspace, one
 * session per demo user, and the ids of the records whose pages the tests open.
 */
import fs from "node:fs";
import { loadDemoWorkspace } from "../../prisma/demo-workspace";
import { createSession } from "../../app/features/accounts/auth.server";
import { db, disconnectDatabase } from "../../app/utils/db.server";
import { connectSeedDatabase } from "./seed-database";
import { demoFile } from "./users";

const env = await connectSeedDatabase();

const { team } = await loadDemoWorkspace();
const sessions: Record<string, string> = {};
for (const member of team) {
  if (sessions[member.role]) continue;
  const user = await db().user.findUniqueOrThrow({ where: { email: member.email }, select: { id: true } });
  sessions[member.role] = (
    await db().$transaction((tx) => createSession(tx, user.id, { ipAddress: "127.0.0.1", userAgent: "layout seed" }))
  ).id;
}
// The busiest record of each kind, so the pages are seen with content.
const partner = await db().partner.findUniqueOrThrow({ where: { externalId: "demo-001" }, select: { id: true } });
const records = {
  partner: partner.id,
  campaign: (await db().campaign.findFirstOrThrow({ orderBy: [{ placements: { _count: "desc" } }, { name: "asc" }], select: { id: true } }))
    .id,
  coverage: (
    await db().coverageItem.findFirstOrThrow({ where: { partnerId: partner.id }, orderBy: { publishedOn: "asc" }, select: { id: true } })
  ).id,
  placement: (
    await db().placement.findFirstOrThrow({ where: { partnerId: partner.id }, orderBy: { agreedOn: "asc" }, select: { id: true } })
  ).id,
  gift: (await db().gift.findFirstOrThrow({ where: { partnerId: partner.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).id,
  // Léa's reply: a logged message with its thread.
  mailMessage: (await db().mailMessage.findFirstOrThrow({ where: { status: "logged", direction: "inbound" }, select: { id: true } })).id,
  // The snapshot of Léa's article that lost its disclosure, with the one before it.
  snapshot: await db()
    .coverageSnapshot.findFirstOrThrow({ where: { disclosureRemoved: true }, select: { id: true, coverageItemId: true } })
    .then((row) => `${row.coverageItemId}/snapshots/${row.id}`),
};
fs.mkdirSync(env.dataDir, { recursive: true });
fs.writeFileSync(demoFile(env.dataDir), JSON.stringify({ sessions, records }));
await disconnectDatabase();
