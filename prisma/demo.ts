/**
 * npm run demo: loads a realistic workspace into the current database (PGlite by default,
 * PostgreSQL with DATABASE_URL). Safe to run twice: it updates what it created before.
 * Each later feature adds its own step here (partners, campaigns, gifts, coverage…).
 */
import { recordAudit } from "../app/utils/audit.server";
import { databaseTarget, describeTarget, errorMessage, openDatabase } from "../app/utils/db-connection.server";
import { connectDatabase, db, disconnectDatabase } from "../app/utils/db.server";
import { ConfigError, parseEnv } from "../app/utils/env.server";
import { hashPassword } from "../app/utils/password.server";
import type { Role } from "../app/utils/permissions";
import { MigrationEngine } from "./schema-engine";

export const DEMO_PASSWORD = "partnerledger-demo";

const team: { name: string; email: string; role: Role; locale: "en" | "fr" | null }[] = [
  { name: "Claire Martin", email: "claire.martin@example.com", role: "admin", locale: "fr" },
  { name: "Julien Moreau", email: "julien.moreau@example.com", role: "manager", locale: "fr" },
  { name: "Sofia Rossi", email: "sofia.rossi@example.com", role: "manager", locale: "en" },
  { name: "Hannah Weber", email: "hannah.weber@example.com", role: "marketing", locale: "en" },
  { name: "Amélie Durand", email: "amelie.durand@example.com", role: "compliance", locale: "fr" },
  { name: "Tom Baker", email: "tom.baker@example.com", role: "viewer", locale: null },
];

async function loadTeam() {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const member of team) {
    await db().$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { email: member.email } });
      const user = await tx.user.upsert({
        where: { email: member.email },
        create: { ...member, password: { create: { hash } } },
        update: { name: member.name, role: member.role, locale: member.locale, disabledAt: null, password: { upsert: { create: { hash }, update: { hash } } } },
        select: { id: true, email: true, name: true, role: true, locale: true },
      });
      await recordAudit(tx, {
        actorId: null,
        action: before ? "user.update" : "user.create",
        entityType: "User",
        entityId: user.id,
        before: before ? { name: before.name, role: before.role, locale: before.locale } : undefined,
        after: { ...user, source: "demo" },
      });
    });
  }
}

async function main() {
  const env = parseEnv();
  const target = databaseTarget(env);
  const database = await openDatabase(target);
  const engine = await MigrationEngine.open(database);
  try {
    await engine.applyPending();
  } finally {
    engine.free();
  }
  await connectDatabase(database);
  try {
    await loadTeam();
  } finally {
    await disconnectDatabase();
  }
  console.log(`Demo workspace loaded into ${describeTarget(target)}.`);
  console.log(`Start the app (npm start), open http://localhost:${env.PORT} and sign in with any of these, password "${DEMO_PASSWORD}":`);
  for (const member of team) console.log(`  ${member.role.padEnd(10)} ${member.email}  (${member.name})`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Demo load failed: ${errorMessage(error)}`);
  process.exit(1);
});
