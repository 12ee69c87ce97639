// Applies the migrations as the server does at start, then stays up (as the server does) until stdin closes.
import { MigrationEngine } from "../../../prisma/schema-engine";
import { databaseTarget, openDatabase } from "../../../app/utils/db-connection.server";
import { parseEnv } from "../../../app/utils/env.server";

const engine = await MigrationEngine.open(await openDatabase(databaseTarget(parseEnv())));
let applied: string[] = [];
try {
  applied = await engine.applyPending();
} finally {
  await engine.close();
}
console.log(`ready ${applied.length}`);
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
