import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTarget } from "~/utils/db-connection.server";
import { ConfigError, parseEnv } from "~/utils/env.server";

describe("environment", () => {
  it("defaults to the embedded database in ./data/pglite on port 3000", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(databaseTarget(env)).toEqual({ kind: "pglite", dataDir: path.resolve("data/pglite") });
  });

  it("uses DATA_DIR for the embedded database", () => {
    expect(databaseTarget(parseEnv({ DATA_DIR: "/tmp/elsewhere" }))).toEqual({ kind: "pglite", dataDir: "/tmp/elsewhere/pglite" });
  });

  it("uses PostgreSQL when DATABASE_URL is set, with an optional schema", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://app:secret@db.internal:5433/crm?schema=tenant_a" });
    expect(databaseTarget(env)).toEqual({
      kind: "postgres",
      url: "postgresql://app:secret@db.internal:5433/crm?schema=tenant_a",
      schema: "tenant_a",
    });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x@y/z" }, /DATABASE_URL/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL/],
    [{ PORT: "eighty" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET.*32/],
  ])("names the bad variable in one line: %j", (source, message) => {
    let thrown: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(databaseTarget(parseEnv({ DATABASE_URL: "" })).kind).toBe("pglite");
  });
});
