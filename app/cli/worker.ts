/**
 * npm run worker — a process that works jobs and serves no pages. Run as many as you like beside
 * the web processes, all against one PostgreSQL (README). The embedded database belongs to one
 * process, so there the web process works the jobs itself.
 */
import { jobHandlers } from "../jobs/handlers.server";
import { scheduledWork } from "../jobs/scheduled.server";
import { databaseTarget } from "../utils/db-connection.server";
import { connectDatabase, disconnectDatabase } from "../utils/db.server";
import { ConfigError, parseEnv } from "../utils/env.server";
import { startJobQueue, stopJobQueue } from "../utils/job-queue.server";

async function main() {
  const target = databaseTarget(parseEnv());
  if (target.kind === "pglite")
    throw new ConfigError(
      "npm run worker needs DATABASE_URL: the embedded database belongs to the app's one process, which works the jobs itself.",
    );
  await connectDatabase();
  await startJobQueue({ work: true, handlers: jobHandlers, scheduled: await scheduledWork() });
  console.log("PartnerLedger worker is working jobs");
  const stop = () => {
    stopJobQueue()
      .then(() => disconnectDatabase())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
