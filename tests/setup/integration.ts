import { afterAll, beforeAll } from "vitest";
import { registerServerDictionaries } from "~/i18n/dictionaries.server";
import { connectDatabase, disconnectDatabase } from "~/utils/db.server";
import { createTestDatabase } from "./test-database";

// Loaders that render text (the PDF) need the strings the server registers at start.
registerServerDictionaries();

// Each test file runs in its own worker with its own database.
beforeAll(async () => {
  await connectDatabase(await createTestDatabase());
});

afterAll(async () => {
  await disconnectDatabase();
});
