import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

test("a community manager imports a CSV after checking the preview", async ({ page, signInAs }) => {
  await signInAs("manager");
  const id = Date.now();
  const file = path.join(os.tmpdir(), `partners-${id}.csv`);
  fs.writeFileSync(
    file,
    [
      "external_id;name;kind;stage;tags;platform;handle;followers;engagement_rate;measured_on",
      `E2E-${id};Import Léa ${id};blogger;active;e2e-import;instagram;@import_${id};12 500;3,2 %;05/03/2026`,
      `;Broken ${id};blogger;famous;;;;;;`,
    ].join("\r\n"),
  );
  await page.goto("/partners");
  await page.getByRole("link", { name: "Import partners" }).click();
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("2 rows: 1 new, 0 updated, 0 unchanged, 0 duplicates, 1 rejected.")).toBeVisible();
  await expect(page.getByRole("row", { name: /3 stage famous Unknown stage/ })).toBeVisible();
  await page.getByRole("button", { name: "Import 1 partner" }).click();
  await expect(page).toHaveURL(/\/partners$/);
  await expect(page.getByRole("status")).toHaveText("Import done: 1 new, 0 updated.");

  await page.getByRole("search", { name: "Filters" }).getByRole("textbox", { name: "Tag", exact: true }).fill("e2e-import");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const row = page.getByRole("row", { name: new RegExp(`Import Léa ${id}`) });
  await expect(row).toContainText("12,500");
  fs.rmSync(file);
});
