// Holds the embedded database as the running app does, answering backup requests, until stdin closes.
import { answerMaintenanceRequests } from "../../../app/utils/maintenance.server";
import { databaseTarget, describeTarget, openDatabase } from "../../../app/utils/db-connection.server";
import { connectDatabase } from "../../../app/utils/db.server";
import { parseEnv } from "../../../app/utils/env.server";

const target = databaseTarget(parseEnv());
if (target.kind !== "pglite") throw new Error("embedded database only");
const database = await openDatabase(target);
await connectDatabase(database);
answerMaintenanceRequests(target.dataDir, database.pglite!, describeTarget(target));
console.log("holding");
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
