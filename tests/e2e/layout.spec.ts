/**
 * Looks at the pages: every main page and one record of each kind, for every role that can
 * open it, at desktop and two phone widths (390 and 360 px), on the demo workspace. A page passes when
 * - the document is never wider than the window (nothing scrolls sideways but a table's frame),
 * - every table's first two columns are in view without scrolling sideways,
 * - no cell of a table row sits below the others (a row's cells share one top edge),
 * - no text spills outside its card.
 * It also writes a full-page screenshot of each page to test-results/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { can, roles, type Permission } from "../../app/shared/permissions";
import { demo, expect, test, type Demo } from "./demo-fixtures";
import { columnValues, figure, sortableHeaders } from "./table-reading";

const screenshotDir = path.resolve("test-results/screenshots");

/** [name, path, permission needed (none: every signed-in user)] */
const pages: [string, string | ((records: Demo["records"]) => string), Permission | null][] = [
  ["dashboard", "/", null],
  ["partners", "/partners", "partners:read"],
  ["partner", (r) => `/partners/${r.partner}`, "partners:read"],
  ["partner outreach", (r) => `/partners/${r.partner}?tab=outreach`, "partners:read"],
  ["partner gifts and placements", (r) => `/partners/${r.partner}?tab=spend`, "partners:read"],
  ["partner coverage", (r) => `/partners/${r.partner}?tab=coverage`, "partners:read"],
  ["partner cost-benefit", (r) => `/partners/${r.partner}?tab=cost-benefit`, "partners:read"],
  ["partner history", (r) => `/partners/${r.partner}?tab=history`, "audit:read"],
  ["new partner", "/partners/new", "partners:write"],
  ["import partners", "/partners/import", "partners:write"],
  ["follow-ups", "/follow-ups", "outreach:write"],
  ["mail to triage", "/mail", "outreach:write"],
  ["mail message", (r) => `/mail/${r.mailMessage}`, "partners:read"],
  ["mail import", "/mail/import", "outreach:write"],
  ["write from a template", (r) => `/partners/${r.partner}/template-draft`, "outreach:write"],
  ["links and codes", (r) => `/partners/${r.partner}/links`, "partners:read"],
  ["shop orders", "/orders", "reports:read"],
  ["unmatched orders", "/orders?unmatched=1", "reports:read"],
  ["import orders", "/orders/import", "campaigns:write"],
  ["reviews", "/drafts", "outreach:review"],
  ["content review", "/content", "coverage:read"],
  ["gifts", "/gifts", "gifts:read"],
  ["gift", (r) => `/gifts/${r.gift}`, "gifts:read"],
  ["new gift", "/gifts/new", "gifts:write"],
  ["placements", "/placements", "placements:read"],
  ["placement", (r) => `/placements/${r.placement}`, "placements:read"],
  ["new placement", "/placements/new", "placements:write"],
  ["campaigns", "/campaigns", "placements:read"],
  ["campaign", (r) => `/campaigns/${r.campaign}`, "placements:read"],
  ["products", "/products", "gifts:read"],
  ["spend by month", "/spend", "reports:read"],
  ["spend by partner", "/spend?view=partner", "reports:read"],
  ["spend by campaign", "/spend?view=campaign", "reports:read"],
  ["gifts against placements", "/spend?view=kind", "reports:read"],
  ["coverage", "/coverage", "coverage:read"],
  ["coverage item", (r) => `/coverage/${r.coverage}`, "coverage:read"],
  ["new coverage", "/coverage/new", "coverage:write"],
  ["captured from feeds", "/coverage/captured", "coverage:read"],
  ["confirmed captures", "/coverage/captured?status=confirmed", "coverage:read"],
  ["coverage snapshot", (r) => `/coverage/${r.snapshot}`, "coverage:read"],
  ["compliance queue", "/compliance", "compliance:read"],
  ["disclosure rules", "/compliance/rules", "compliance:read"],
  ["FR disclosure rules", "/compliance/rules/FR", "compliance:read"],
  ["compliance summary", "/compliance/summary", "compliance:read"],
  ["reports", "/reports", "reports:read"],
  ["cost-benefit ranking", "/reports/cost-benefit", "reports:read"],
  ["monthly report", "/reports/monthly", "reports:read"],
  ["settings", "/settings", null],
  ["workspace settings", "/settings/workspace", "settings:manage"],
  ["exchange rates", "/settings/rates", "settings:manage"],
  ["users", "/settings/users", "users:manage"],
  ["personal data", "/settings/privacy", "privacy:access"],
  ["audit trail", "/settings/audit", "audit:read"],
  ["password & sessions", "/settings/security", null],
  ["mail settings", "/settings/mail", "outreach:write"],
  ["message templates", "/settings/templates", "outreach:write"],
  ["shops", "/settings/shops", "settings:manage"],
];

const widths = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
  { name: "small-phone", width: 360, height: 740 },
] as const;

/** What is wrong with the page as laid out, in words; empty when nothing is. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50);
      return `<${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.split(" ").join(".")}` : ""}> "${text}"`;
    };
    const viewport = document.documentElement.clientWidth;
    const documentWidth = document.documentElement.scrollWidth;
    if (documentWidth > viewport) problems.push(`the document is ${documentWidth}px wide in a ${viewport}px window`);

    for (const row of Array.from(document.querySelectorAll("tr"))) {
      // A row shown as a card on a phone stacks its cells on purpose.
      if (getComputedStyle(row).display !== "table-row") continue;
      const cells = Array.from(row.children).filter((cell) => cell instanceof HTMLElement && cell.offsetParent !== null);
      if (cells.length < 2) continue;
      const tops = cells.map((cell) => Math.round(cell.getBoundingClientRect().top));
      if (Math.max(...tops) - Math.min(...tops) > 1) {
        problems.push(`a cell sits below the others in the row ${describe(row)}`);
        if (problems.length > 20) break;
      }
    }

    for (const card of Array.from(document.querySelectorAll(".card, .stat-tile, .empty-state"))) {
      if (!(card instanceof HTMLElement) || card.offsetParent === null) continue;
      // Content wider than the card's box (overflow that is not its own scroll frame) spills out.
      if (card.scrollWidth > card.clientWidth + 1) {
        const culprit = Array.from(card.querySelectorAll("*")).find(
          (child) => child.getBoundingClientRect().right > card.getBoundingClientRect().right + 1,
        );
        problems.push(
          `text spills ${card.scrollWidth - card.clientWidth}px out of the card ${describe(card)}${culprit ? ` at ${describe(culprit)}` : ""}`,
        );
      }
    }
    // A list's first columns, the ones that say what each row is, are in view without scrolling sideways.
    for (const table of Array.from(document.querySelectorAll("table"))) {
      // A table folded in a closed <details> is laid out but not shown (checkVisibility says so).
      if (!(table instanceof HTMLElement) || !table.checkVisibility()) continue;
      const headers = Array.from(table.querySelectorAll("thead th")).filter(
        (cell) => cell instanceof HTMLElement && cell.offsetParent !== null && getComputedStyle(cell).position !== "absolute",
      );
      if (!headers.length || getComputedStyle(table.querySelector("thead")!).position === "absolute") continue;
      const wanted = headers.slice(0, Math.min(2, headers.length));
      for (const header of wanted) {
        if (header.getBoundingClientRect().right > viewport + 1)
          problems.push(`the column ${describe(header)} is off-screen at first sight`);
      }
    }
    return problems;
  });
}

test("every sortable header of the ranking orders the rows by its figures", async ({ page, signInAs }) => {
  await signInAs("marketing");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/reports/cost-benefit");
  expect(await page.locator("tbody tr").count()).toBeGreaterThan(5);
  const headers = (await sortableHeaders(page)).filter((text) => text !== "Partner");
  expect(headers.length).toBeGreaterThanOrEqual(15);
  for (const header of headers) {
    // "EMV" must not find "EMV ratio".
    const th = page.locator("thead th").filter({ has: page.getByRole("link", { name: new RegExp(`^${header}(?!\\s?\\w)`) }) });
    await expect(th).toHaveCount(1);
    for (const direction of ["ascending", "descending"] as const) {
      for (let clicks = 0; clicks < 2; clicks++) {
        const current = await th.getAttribute("aria-sort");
        if (current === direction) break;
        await th.getByRole("link").click();
        // The rows and the header change together, once the new page has loaded.
        await expect(th).not.toHaveAttribute("aria-sort", current ?? "");
      }
      expect(await th.getAttribute("aria-sort"), header).toBe(direction);
      const known = (await columnValues(page, header)).map(figure).filter((value): value is number => value !== null);
      const ordered = [...known].sort((a, b) => (direction === "ascending" ? a - b : b - a));
      expect(known, `${header} ${direction}`).toEqual(ordered);
    }
  }
});

/** Clicks a column's header until the list is sorted that way (each click loads the page sorted anew). */
async function sortBy(page: Page, column: string, direction: "ascending" | "descending") {
  const th = page.locator(`thead th[data-column="${column}"]`);
  await expect(th).toHaveCount(1);
  for (let clicks = 0; clicks < 2 && (await th.getAttribute("aria-sort")) !== direction; clicks++) {
    const current = await th.getAttribute("aria-sort");
    await th.getByRole("link").click();
    await expect(th).not.toHaveAttribute("aria-sort", current ?? "");
  }
  await expect(th).toHaveAttribute("aria-sort", direction);
}

/** The cells of a column found by its id, in row order. */
async function cellsOf(page: Page, column: string) {
  const index = await page
    .locator("thead th")
    .evaluateAll((cells, id) => cells.findIndex((cell) => cell.getAttribute("data-column") === id), column);
  expect(index, column).toBeGreaterThanOrEqual(0);
  return page.locator(`tbody tr > :nth-child(${index + 1})`).evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ""));
}

test("the gift, placement and coverage lists sort on the server by the column clicked", async ({ page, signInAs }) => {
  await signInAs("marketing");
  await page.setViewportSize({ width: 1440, height: 900 });
  const day = (text: string) => (text.trim().startsWith("—") ? null : Date.parse(text));
  const cases: [string, string, (text: string) => number | null][] = [
    ["/gifts", "shippedOn", day],
    ["/placements", "agreedOn", day],
    ["/coverage", "publishedOn", day],
    ["/coverage", "impressions", figure],
  ];
  for (const [url, column, read] of cases) {
    await page.goto(url);
    expect(await page.locator("tbody tr").count(), url).toBeGreaterThan(3);
    for (const direction of ["ascending", "descending"] as const) {
      await sortBy(page, column, direction);
      const values = (await cellsOf(page, column)).map(read);
      const known = values.filter((value): value is number => value !== null && !Number.isNaN(value));
      expect(known.length, `${url} ${column}`).toBeGreaterThan(1);
      expect(known, `${url} ${column} ${direction}`).toEqual([...known].sort((a, b) => (direction === "ascending" ? a - b : b - a)));
      // Unknown figures come last, whichever the direction.
      expect(values.slice(0, known.length), `${url} ${column}: unknown last`).toEqual(known);
      expect(new URL(page.url()).searchParams.get("dir")).toBe(direction === "ascending" ? "asc" : "desc");
    }
  }
});

for (const role of roles) {
  for (const size of widths) {
    test(`layout holds for ${role} at ${size.width}px`, async ({ page, signInAs }) => {
      test.setTimeout(180_000);
      await signInAs(role);
      await page.setViewportSize({ width: size.width, height: size.height });
      const { records } = demo();
      const failures: string[] = [];
      for (const [name, target, permission] of pages) {
        if (permission && !can(role, permission)) continue;
        const url = typeof target === "string" ? target : target(records);
        const response = await page.goto(url);
        expect(response?.status(), `${name} (${url}) for ${role}`).toBe(200);
        await expect(page.locator("main h1").first()).toBeVisible();
        for (const problem of await layoutProblems(page)) failures.push(`${name} (${url}): ${problem}`);
        // One set of screenshots is enough to look at: each page as the role that works on it most.
        if (
          role === "admin" ||
          (role === "marketing" && /report|spend|^dashboard/.test(name)) ||
          (role === "compliance" && /complian|^dashboard/.test(name)) ||
          (role === "manager" && name === "dashboard")
        ) {
          fs.mkdirSync(screenshotDir, { recursive: true });
          await page.screenshot({
            path: path.join(screenshotDir, `${name.replace(/[^a-z0-9]+/gi, "-")}-${role}-${size.name}.png`),
            fullPage: true,
          });
        }
      }
      expect(failures).toEqual([]);
    });
  }
}

test("the partner portal's layout holds at both widths", async ({ page, browser, signInAs }) => {
  test.setTimeout(120_000);
  const { records } = demo();
  await signInAs("manager");
  await page.goto(`/partners/${records.partner}`);
  // The demo team reads the app in either language.
  // An agreement to read and sign (made in whichever language the demo team reads).
  const agreements = page.getByRole("region", { name: /Written agreements|Contrats écrits/ });
  await agreements
    .getByText(/Make an agreement|Établir un contrat/)
    .first()
    .click();
  await agreements.getByRole("button", { name: /Make an agreement|Établir un contrat/ }).click();
  await expect(page.getByText(/Agreement made|Contrat établi/)).toBeVisible();
  await page.getByRole("button", { name: /Create a portal link|Créer un lien vers le portail/ }).click();
  const link = await page.locator(".portal-link-field").inputValue();
  let submission = "";
  for (const size of widths) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: "fr-FR" });
    const portal = await context.newPage();
    const failures: string[] = [];
    // The portal's pages keep to the JavaScript budget too (measured at desktop width, cache off).
    const measure = size.name === "desktop";
    if (measure) {
      const cdp = await context.newCDPSession(portal);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    }
    await portal.goto(link);
    const agreement = await portal
      .getByRole("link", { name: /^Contrat \d{4}/ })
      .first()
      .getAttribute("href");
    if (!submission) {
      // A draft, sent once, so its page can be looked at.
      await portal.goto("/portal/content/new");
      await portal.getByLabel("Sujet").selectOption({ index: 1 });
      await portal.getByLabel("Plateforme", { exact: true }).selectOption("instagram");
      await portal.getByLabel("Date de publication prévue").fill("2026-12-20");
      await portal.getByLabel("Légende ou texte").fill("Publicité — mon avis sur le coffret, après trois semaines d’essai #zerodechet");
      await portal.getByRole("button", { name: "Envoyer pour validation" }).click();
      await expect(portal).toHaveURL(/\/portal\/content\/[^/]+$/);
      submission = new URL(portal.url()).pathname;
    }
    for (const [name, open] of [
      ["portal", () => portal.goto(link)],
      ["portal new draft", () => portal.goto("/portal/content/new")],
      ["portal submission", () => portal.goto(submission)],
      ["portal agreement", () => portal.goto(agreement!)],
      ["portal ended", () => portal.goto("/portal/ended")],
      ["portal unknown link", () => portal.goto("/p/no-such-link-0000000000000000000000")],
    ] as const) {
      await open();
      await expect(portal.locator("main h1").first()).toBeVisible();
      for (const problem of await layoutProblems(portal)) failures.push(`${name} at ${size.width}px: ${problem}`);
      if (measure && name !== "portal unknown link") {
        await portal.waitForLoadState("networkidle");
        const kb = await javascriptKB(portal, name);
        if (kb > JS_BUDGET_KB) failures.push(`${name}: ${kb} KB of JavaScript`);
      }
      fs.mkdirSync(screenshotDir, { recursive: true });
      await portal.screenshot({
        path: path.join(screenshotDir, `${name.replace(/[^a-z0-9]+/gi, "-")}-partner-${size.name}.png`),
        fullPage: true,
      });
    }
    await context.close();
    expect(failures).toEqual([]);
  }
});

/** The compressed JavaScript the page loaded, in KB (the cache must be off to count it all). */
async function javascriptKB(page: Page, name: string): Promise<number> {
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.endsWith(".js"))
      .map((entry) => ({ name: entry.name, bytes: (entry as PerformanceResourceTiming).encodedBodySize })),
  );
  expect(scripts.length, `${name}: scripts were measured`).toBeGreaterThan(3);
  return Math.round(scripts.reduce((sum, script) => sum + script.bytes, 0) / 102.4) / 10;
}

const JS_BUDGET_KB = 150;

test("no page loads more than 150 KB of compressed JavaScript with an empty cache", async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await signInAs("admin");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const { records } = demo();
  const weights: Record<string, number> = {};
  for (const [name, target] of pages) {
    const url = typeof target === "string" ? target : target(records);
    await page.goto(url, { waitUntil: "networkidle" });
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
    weights[`${name} (${url})`] = await javascriptKB(page, name);
  }
  console.log("JavaScript per page, KB compressed:", JSON.stringify(weights, null, 1));
  expect(Object.entries(weights).filter(([, kb]) => kb > JS_BUDGET_KB)).toEqual([]);
});

test("on a phone, a row of tabs shows the current tab", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/settings/audit");
  const current = page.locator('nav.tabs [aria-current="page"]');
  await expect(current).toHaveAttribute("href", "/settings/audit");
  await expect(current).toBeInViewport({ ratio: 0.95 });
});
