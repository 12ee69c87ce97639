/** Both e2e seeds open their server's database the way the server will: migrations first. */
import { MigrationEngine } from "../../prisma/schema-engine";
import { databaseTarget, openDatabase } from "../../app/utils/db-connection.server";
import { connectDatabase } from "../../app/utils/db.server";
import { parseEnv } from "../../app/utils/env.server";

export async function connectSeedDatabase() {
  const env = parseEnv();
  const database = await openDatabase(databaseTarget(env));
  const engine = await MigrationEngine.open(database);
  await engine.applyPending();
  engine.free();
  await connectDatabase(database);
  return env;
}
