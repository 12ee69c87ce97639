/**
 * npm run demo: loads a realistic workspace into the current database (PGlite by default,
 * PostgreSQL with DATABASE_URL). Safe to run twice: it updates what it created before.
 */
import { runCli, withCliDatabase } from "../app/cli/database";
import { DEMO_PASSWORD, loadDemoWorkspace } from "./demo-workspace";

runCli(async () =>
  withCliDatabase(async (database) => {
    const { team, partnerCount } = await loadDemoWorkspace();
    const port = process.env.PORT || "3000";
    console.log(`Demo workspace loaded into ${database}: ${team.length} users, ${partnerCount} partners.`);
    console.log(`Start the app (npm start), open http://localhost:${port} and sign in with any of these, password "${DEMO_PASSWORD}":`);
    for (const member of team) console.log(`  ${member.role.padEnd(10)} ${member.email}  (${member.name})`);
    return 0;
  }),
);
