/**
 * Every end-to-end test fails on an error the browser reports: a script error, a React error
 * (hydration mismatches are logged with console.error), or a stylesheet, script, image or font
 * that did not load. A page or form answering 4xx on purpose is not an error: Chromium logs
 * "Failed to load resource" for those, and the tests assert on them themselves.
 */
import type { BrowserContext, TestInfo } from "@playwright/test";

const staticResources = new Set(["stylesheet", "script", "image", "font", "manifest"]);

export async function watchBrowserErrors(context: BrowserContext, testInfo: TestInfo, use: () => Promise<void>) {
  const errors: string[] = [];
  const watch = (page: import("@playwright/test").Page) => {
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && staticResources.has(response.request().resourceType())) {
        errors.push(`${page.url()}: ${response.status()} for ${response.url()}`);
      }
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  await use();
  if (errors.length && testInfo.status === testInfo.expectedStatus) {
    throw new Error(`The browser reported errors:\n${errors.join("\n")}`);
  }
}
