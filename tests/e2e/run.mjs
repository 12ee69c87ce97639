// Runs the Playwright suite in an installed Chromium (never a downloaded one).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function findChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), ".cache/ms-playwright");
  if (!fs.existsSync(cache)) return null;
  for (const dir of fs
    .readdirSync(cache)
    .filter((name) => name.startsWith("chromium-"))
    .sort()
    .reverse()) {
    for (const candidate of ["chrome-linux/chrome", "chrome-linux64/chrome"]) {
      const file = path.join(cache, dir, candidate);
      if (fs.existsSync(file)) return file;
    }
  }
  return null;
}

const chromium = findChromium();
if (!chromium) {
  const message =
    "E2E TESTS SKIPPED: no Chromium found. Install one with `sudo apt-get install chromium` (Debian) or `npx playwright install chromium`.";
  if (process.env.CI === "true") {
    console.error(`${message} Under CI this is a failure.`);
    process.exit(1);
  }
  console.log(`\n!!!!! ${message} !!!!!\n`);
  process.exit(0);
}

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "partnerledger-e2e-"));
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_CHROMIUM_PATH: chromium, E2E_DATA_ROOT: dataRoot, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
});
fs.rmSync(dataRoot, { recursive: true, force: true });
process.exit(result.status ?? 1);
