/**
 * npm run backup [-- <file>]    a consistent copy of the configured database
 * npm run restore -- <file>     replaces the configured database with a backup (app stopped)
 *
 * The embedded database is copied with PGlite's own dump, by the app itself when it is running;
 * PostgreSQL with pg_dump / pg_restore (custom format).
 */
import fs from "node:fs";
import path from "node:path";
import { askRunningServer, embeddedDatabaseHolder } from "../utils/server-requests.server";
import { dumpEmbedded, dumpPostgres, restoreEmbedded, restorePostgres } from "../utils/backup.server";
import { databaseTarget, describeTarget, lockDataDir, openDatabase } from "../utils/db-connection.server";
import { ConfigError, parseEnv } from "../utils/env.server";
import { runCli } from "./database";

const stamp = () => new Date().toISOString().replace(/[:.]/g, "-");
const size = (file: string) => `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

async function backup(file: string | undefined): Promise<number> {
  const env = parseEnv();
  const target = databaseTarget(env);
  if (target.kind === "postgres") {
    const out = path.resolve(file ?? path.join("backups", `partnerledger-${stamp()}.dump`));
    await dumpPostgres(target.url, out);
    console.log(`Backed up ${describeTarget(target)} to ${out} (${size(out)}).`);
    return 0;
  }
  const out = path.resolve(file ?? path.join("backups", `partnerledger-${stamp()}.tar.gz`));
  const holder = embeddedDatabaseHolder(target.dataDir);
  if (holder) {
    console.log(await askRunningServer(target.dataDir, holder, { kind: "backup", file: out }));
    return 0;
  }
  const database = await openDatabase(target);
  try {
    await dumpEmbedded(database.pglite!, out);
  } finally {
    await database.close();
  }
  console.log(`Backed up ${describeTarget(target)} to ${out} (${size(out)}).`);
  return 0;
}

async function restore(file: string | undefined): Promise<number> {
  if (!file) throw new ConfigError("Name the backup to restore: npm run restore -- backups/partnerledger-….tar.gz");
  if (!fs.existsSync(file)) throw new ConfigError(`No such backup: ${file}`);
  const env = parseEnv();
  const target = databaseTarget(env);
  if (target.kind === "postgres") {
    await restorePostgres(target.url, file);
    console.log(`Restored ${file} into ${describeTarget(target)}. Start the app to apply any newer migrations.`);
    return 0;
  }
  const holder = embeddedDatabaseHolder(target.dataDir);
  if (holder) throw new ConfigError(`The app (process ${holder}) is using the embedded database: stop it, then restore.`);
  fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const unlock = lockDataDir(target.dataDir);
  try {
    const replaced = await restoreEmbedded(target.dataDir, file);
    console.log(`Restored ${file} into ${describeTarget(target)}.${replaced ? ` The database it replaced is kept in ${replaced}.` : ""}`);
  } finally {
    unlock();
  }
  return 0;
}

const [command, file] = process.argv.slice(2);
runCli(() => (command === "restore" ? restore(file) : backup(file)));
