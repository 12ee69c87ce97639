/** Command-line tools open the configured database the way the server does, migrations first. */
import { MigrationEngine } from "../../prisma/schema-engine";
import { databaseTarget, describeTarget, errorMessage, openDatabase } from "../utils/db-connection.server";
import { connectDatabase, disconnectDatabase } from "../utils/db.server";
import { ConfigError, parseEnv } from "../utils/env.server";

export async function withCliDatabase<T>(work: (description: string) => Promise<T>): Promise<T> {
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
    return await work(describeTarget(target));
  } finally {
    await disconnectDatabase();
  }
}

/** Runs a CLI's main, printing one readable line on failure. */
export function runCli(main: () => Promise<number>) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof ConfigError ? error.message : `Failed: ${errorMessage(error)}`);
      process.exit(1);
    },
  );
}
