/**
 * npm run db:migrate                     apply pending migrations
 * npm run db:migration:new -- <name>     write a migration from the schema diff
 * npm run db:check                       fail when the migrations do not produce schema.prisma
 */
import { createPglite, databaseTarget, describeTarget, openDatabase, pgliteDatabase } from "../app/utils/db-connection.server";
import { ConfigError, parseEnv } from "../app/utils/env.server";
import { MigrationEngine, writeMigration } from "./schema-engine";

/** Diffs need only a scratch database for the shadow replay, never the real one. */
async function withScratchEngine<T>(work: (engine: MigrationEngine) => Promise<T>): Promise<T> {
  const scratch = pgliteDatabase(await createPglite());
  const engine = await MigrationEngine.open(scratch);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await scratch.close();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const migrationsDir = process.env.MIGRATIONS_DIR;
  switch (command) {
    case "apply": {
      const env = parseEnv();
      const target = databaseTarget(env);
      const database = await openDatabase(target);
      const engine = await MigrationEngine.open(database);
      try {
        const applied = await engine.applyPending(migrationsDir);
        console.log(
          applied.length
            ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}: ${applied.join(", ")}`
            : `No pending migrations (${describeTarget(target)}).`,
        );
      } finally {
        engine.free();
        await database.close();
      }
      return 0;
    }
    case "new": {
      const name = rest.filter((arg) => arg !== "--").join("_");
      if (!name) throw new ConfigError("Give the migration a name: npm run db:migration:new -- add_partners");
      const sql = await withScratchEngine((engine) => engine.diffMigrationsToSchema(migrationsDir));
      if (!sql.trim()) {
        console.log("The schema matches the migrations; nothing to write.");
        return 0;
      }
      console.log(`Wrote ${writeMigration(sql, name, migrationsDir)}`);
      return 0;
    }
    case "check": {
      const sql = await withScratchEngine((engine) => engine.diffMigrationsToSchema(migrationsDir));
      if (sql.trim()) {
        console.error("The migrations do not produce schema.prisma. Missing steps:\n" + sql);
        return 1;
      }
      console.log("Migrations and schema.prisma agree.");
      return 0;
    }
    default:
      console.error("Usage: migrate apply | new <name> | check");
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : `Migration failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
