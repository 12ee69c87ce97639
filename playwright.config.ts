import path from "node:path";
import { defineConfig } from "@playwright/test";

// tests/e2e/run.mjs picks the browser and a fresh data root for this run.
const dataRoot = process.env.E2E_DATA_ROOT ?? path.resolve("test-results/e2e-data");
const chromium = process.env.E2E_CHROMIUM_PATH ?? "/usr/bin/chromium";
export const E2E_SESSION_SECRET = "e2e-session-secret-e2e-session-secret-42";
/** The app server's SMTP receiver (the log address), for the mail loop test. */
export const MAIL_RECEIVER_PORT = 2602;
/** The outside world's web server for the feed test (tests/setup/feed-server.ts); the app may fetch from it. */
export const FEED_SERVER_PORT = 2603;
const node = "node --experimental-wasm-modules --no-warnings --import tsx";

const server = (port: number, dataDir: string, before = "", extraEnv: Record<string, string> = {}) => ({
  command: `${before}${node} server/index.ts`,
  url: `http://localhost:${port}/healthz`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: { NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, SESSION_SECRET: E2E_SESSION_SECRET, DATABASE_URL: "", ...extraEnv },
});

export default defineConfig({
  testDir: "tests/e2e",
  // A journey (a CM's day, a compliance review) loads ten pages or more and scans several with axe:
  // 13–20 s alone, and up to 32 s when two workers share this machine's two cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // An empty database of its own: the first-run set-up can only happen once.
    { name: "first-run", testMatch: /first-run\.spec\.ts/, use: { baseURL: "http://localhost:3101" } },
    { name: "app", testIgnore: /(first-run|layout|fuzz|tour)\.spec\.ts/, use: { baseURL: "http://localhost:3102" } },
    // The demo workspace, seen by every role at desktop and phone widths.
    { name: "layout", testMatch: /layout\.spec\.ts/, use: { baseURL: "http://localhost:3103" } },
    // Hostile input on the same workspace, once the layout tests are done: it counts the audit
    // trail before and after, so nothing else may write to that database meanwhile.
    { name: "fuzz", testMatch: /fuzz\.spec\.ts/, dependencies: ["layout"], use: { baseURL: "http://localhost:3103" } },
    // The README's screenshots, on the same demo workspace: `npm run screenshots` only.
    ...(process.env.TOUR === "1" ? [{ name: "tour", testMatch: /tour\.spec\.ts/, use: { baseURL: "http://localhost:3103" } }] : []),
  ],
  webServer: [
    server(3101, path.join(dataRoot, "fresh")),
    server(3102, path.join(dataRoot, "main"), `DATA_DIR=${path.join(dataRoot, "main")} ${node} tests/e2e/seed.ts && `, {
      MAIL_RECEIVER_PORT: String(MAIL_RECEIVER_PORT),
      MAIL_RECEIVER_HOST: "127.0.0.1",
      FETCH_ALLOW_HOSTS: `127.0.0.1:${FEED_SERVER_PORT}`,
    }),
    server(3103, path.join(dataRoot, "demo"), `DATA_DIR=${path.join(dataRoot, "demo")} ${node} tests/e2e/seed-demo.ts && `),
  ],
});
