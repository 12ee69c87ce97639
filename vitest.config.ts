import path from "node:path";
import { defineConfig } from "vitest/config";

const integration = (name: string, database: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    setupFiles: ["tests/setup/integration.ts"],
    globalSetup: ["tests/setup/template.ts"],
    env: { TEST_DB: database },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    environment: "node",
    env: { NODE_ENV: "test", SESSION_SECRET: "test-secret-test-secret-test-secret-0123" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("integration-pglite", "pglite"),
      // The same suites against a real PostgreSQL, each file in its own schema.
      ...(process.env.TEST_DATABASE_URL ? [integration("integration-postgres", "postgres")] : []),
    ],
  },
});
