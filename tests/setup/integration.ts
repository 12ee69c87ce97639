import { afterAll, beforeAll } from "vitest";
import { connectDatabase, disconnectDatabase } from "~/utils/db.server";
import { createTestDatabase } from "./test-database";

// Each test file runs in its own worker with its own database.
beforeAll(async () => {
  await connectDatabase(await createTestDatabase());
});

afterAll(async () => {
  await disconnectDatabase();
});
