import { defineConfig } from "prisma/config";

// Used only by the prisma CLI (generate, and migrate on machines that can download engines).
// The app and our offline migration tool take the database from DATABASE_URL / DATA_DIR.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
