import fs from "node:fs";
import { watchBrowserErrors } from "./console-errors";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import { E2E_SESSION_SECRET } from "../../playwright.config";
import { sessionsFile, type E2EUser } from "./users";

const dataDir = path.join(process.env.E2E_DATA_ROOT ?? path.resolve("test-results/e2e-data"), "main");

/** Signs in by setting the session cookie the seed prepared, instead of typing into the form. */
export const test = base.extend<{ signInAs: (user: E2EUser) => Promise<void>; browserErrors: void }>({
  browserErrors: [async ({ context }, use, testInfo) => watchBrowserErrors(context, testInfo, () => use()), { auto: true }],
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (user) => {
      const sessions = JSON.parse(fs.readFileSync(sessionsFile(dataDir), "utf8")) as Record<string, string>;
      const cookie = createCookie("pl_session", { secrets: [E2E_SESSION_SECRET] });
      const value = (await cookie.serialize(sessions[user])).split(";")[0].split("=").slice(1).join("=");
      await context.addCookies([{ name: "pl_session", value, url: baseURL!, httpOnly: true, sameSite: "Lax", secure: true }]);
    });
  },
});

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Creates a partner through the form and returns its id. */
export async function newPartner(page: Page, name: string, tag = "") {
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  if (tag) await page.getByLabel("Tags").fill(tag);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/").pop()!;
}

export { expect };
