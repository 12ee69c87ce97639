import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import { expect, test } from "./fixtures";

test("compliance downloads a partner's data, and an admin erases it after confirming", async ({ page, signInAs }) => {
  await signInAs("manager");
  const name = `Inès Efface ${Date.now()}`;
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`ines.${Date.now()}@example.com`);
  await page.getByLabel("Lawful basis").selectOption("consent");
  await page.getByLabel("Source of the data").fill("Signed up at the spring salon");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Signed up at the spring salon")).toBeVisible();
  const partnerUrl = page.url();

  await page.context().clearCookies();
  await signInAs("compliance");
  await page.goto(partnerUrl);
  await expect(page.getByRole("button", { name: "Erase personal data…" })).toHaveCount(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download their data (ZIP)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^personal-data-.+\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(JSON.parse(strFromU8(files["partner.json"]))).toMatchObject({ name, lawfulBasis: "consent" });

  await page.context().clearCookies();
  await signInAs("admin");
  await page.goto(partnerUrl);
  await page.getByRole("button", { name: "Erase personal data…" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Erase the personal data of ${name}?`);
  await dialog.getByRole("button", { name: "Erase personal data…" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personal data erased." })).toBeVisible();
  await expect(page.getByText(/personal data was erased on/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Inès");
  await expect(page.getByRole("button", { name: "Erase personal data…" })).toHaveCount(0);
});
