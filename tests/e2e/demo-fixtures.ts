/** Tests that look at the demo workspace: its server, its sessions by role and its records. */
import { watchBrowserErrors } from "./console-errors";
import fs from "node:fs";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import { E2E_SESSION_SECRET } from "../../playwright.config";
import type { Role } from "../../app/shared/permissions";
import { demoFile } from "./users";

const dataDir = path.join(process.env.E2E_DATA_ROOT ?? path.resolve("test-results/e2e-data"), "demo");

type RecordKind = "partner" | "campaign" | "coverage" | "placement" | "gift" | "mailMessage" | "snapshot";
export interface Demo {
  sessions: Record<Role, string>;
  records: Record<RecordKind, string>;
}
export const demo = (): Demo => JSON.parse(fs.readFileSync(demoFile(dataDir), "utf8"));

export const test = base.extend<{ signInAs: (role: Role) => Promise<void>; browserErrors: void }>({
  browserErrors: [async ({ context }, use, testInfo) => watchBrowserErrors(context, testInfo, () => use()), { auto: true }],
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (role) => {
      const cookie = createCookie("pl_session", { secrets: [E2E_SESSION_SECRET] });
      const value = (await cookie.serialize(demo().sessions[role])).split(";")[0].split("=").slice(1).join("=");
      await context.addCookies([{ name: "pl_session", value, url: baseURL!, httpOnly: true, sameSite: "Lax", secure: true }]);
    });
  },
});

export { expect };
