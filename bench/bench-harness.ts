/** What every benchmark shares: a fresh database, a signed-in session, and p50/p95 timing. */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createSession } from "../app/features/accounts/auth.server";
import { db } from "../app/utils/db.server";
import { sessionCookie } from "../app/utils/session.server";

export const RUNS = 40;
export const WARMUP = 5;

export interface Timing {
  p50: number;
  p95: number;
}

/** The p-th percentile of sorted samples (nearest rank); NaN when there are none. */
export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** PostgreSQL in a throwaway schema when DATABASE_URL is set, else PGlite in a temporary directory. */
export async function freshDatabase() {
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");
  if (process.env.DATABASE_URL) {
    const schema = `bench_${Date.now()}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    const url = new URL(process.env.DATABASE_URL);
    url.searchParams.set("schema", schema);
    const base = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
    return {
      engine: "PostgreSQL",
      cleanup: async () => {
        // BENCH_KEEP=1 leaves the data set in place, to EXPLAIN the queries by hand.
        if (process.env.BENCH_KEEP === "1") return console.log(`Kept schema ${schema}.`);
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP SCHEMA "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerledger-bench-"));
  process.env.DATA_DIR = dir;
  return { engine: "PGlite", cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An admin with a session; `request` builds a signed-in GET for a route loader. */
export async function benchUser() {
  const user = await db().user.create({ data: { email: `bench-${Date.now()}@example.com`, name: "Bench", role: "admin" } });
  const session = await db().$transaction((tx) => createSession(tx, user.id, { ipAddress: "127.0.0.1", userAgent: "bench" }));
  const cookie = (await sessionCookie().serialize(session.id)).split(";")[0];
  const context = { ipAddress: "127.0.0.1", cspNonce: "" };
  return { request: (url: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), context };
}

export function printTable(engine: string, results: [string, Timing][], targets: Record<string, number>) {
  console.log(`\n${engine}: server-side time over ${RUNS} runs (after ${WARMUP} warm-up runs)`);
  console.log("| measure | p50 ms | p95 ms | target p95 |");
  console.log("|---|---:|---:|---:|");
  for (const [name, { p50, p95 }] of results)
    console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ≤ ${targets[name]} ${p95 <= targets[name] ? "ok" : "MISSED"} |`);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A port nobody listens on, on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error("The server did not start within 120 s.")), 120_000);
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return (clearTimeout(deadline), resolve());
      } catch {
        /* not listening yet */
      }
      if (child.exitCode !== null) return reject(new Error(`The server exited with code ${child.exitCode}.`));
      setTimeout(poll, 250);
    };
    poll();
  });
  return child;
}

export function stopServer(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
