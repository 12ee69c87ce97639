/**
 * npm run db:vacuum — reclaims the space of deleted and updated rows in the embedded database
 * (which has no autovacuum), through the app when it is running. On PostgreSQL: VACUUM ANALYZE.
 */
import { vacuumEmbeddedDatabase } from "~/utils/maintenance.server";
import { askRunningServer, embeddedDatabaseHolder } from "../utils/server-requests.server";
import { databaseTarget, describeTarget } from "../utils/db-connection.server";
import { parseEnv } from "../utils/env.server";
import { runCli, withCliDatabase } from "./database";

runCli(async () => {
  const target = databaseTarget(parseEnv());
  const holder = target.kind === "pglite" ? embeddedDatabaseHolder(target.dataDir) : null;
  if (target.kind === "pglite" && holder) {
    console.log(await askRunningServer(target.dataDir, holder, { kind: "vacuum" }));
    return 0;
  }
  await withCliDatabase(async () => console.log(`Vacuumed ${describeTarget(target)} in ${await vacuumEmbeddedDatabase()} ms.`));
  return 0;
});
