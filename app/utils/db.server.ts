import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { databaseTarget, openDatabase, type OpenDatabase } from "./db-connection.server";
import { parseEnv } from "./env.server";
import { forget, remember } from "./remember.server";

export type Db = PrismaClient;
/** The client or an interactive transaction: models accept either so callers can compose. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface Connection {
  client: PrismaClient;
  database: OpenDatabase;
}

const SLOW_QUERY_MS = 200;

const queryListeners = new Set<(event: Prisma.QueryEvent) => void>();

/** Hears every statement the app's clients send (the benchmark replays them); returns the unsubscribe. */
export function onQuery(listener: (event: Prisma.QueryEvent) => void): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

export function createClient(database: OpenDatabase): PrismaClient {
  const client = new PrismaClient({
    adapter: database.factory,
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    for (const listener of queryListeners) listener(event);
    // Bulk inserts have thousands of placeholders; the start of the statement says enough.
    if (event.duration >= SLOW_QUERY_MS)
      console.warn(`slow query (${Math.round(event.duration)} ms): ${event.query.slice(0, 300)}${event.query.length > 300 ? "…" : ""}`);
  });
  return client;
}

/** Opens the database named by the environment, once per process. */
export async function connectDatabase(database?: OpenDatabase): Promise<Connection> {
  const existing = remember<Connection | null>("db", () => null);
  if (existing) return existing;
  const opened = database ?? (await openDatabase(databaseTarget(parseEnv())));
  const connection = { client: createClient(opened), database: opened };
  forget("db");
  remember("db", () => connection);
  return connection;
}

export function db(): PrismaClient {
  const connection = remember<Connection | null>("db", () => null);
  if (!connection) throw new Error("The database is not connected; call connectDatabase() at start-up.");
  return connection.client;
}

export async function disconnectDatabase() {
  const connection = remember<Connection | null>("db", () => null);
  if (!connection) return;
  forget("db");
  await connection.client.$disconnect();
  await connection.database.close();
}
