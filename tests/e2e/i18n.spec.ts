import { E2E_PASSWORD, e2eUsers } from "./users";
import { expect, test } from "./fixtures";

test("switching the UI to French is kept on the user", async ({ page, signInAs, browser }) => {
  await signInAs("polyglot");
  await page.goto("/partners");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" })).toBeVisible();

  // Choosing a language submits from the page's script: before hydration nothing would happen.
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("banner").getByLabel("Language").selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(/\/partners$/);
  const nav = page.getByRole("navigation", { name: "Principale" });
  await expect(nav.getByRole("link", { name: "Partenaires" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Cadeaux" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Partenariats payants" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  // Stored on the user, not the browser tab: a new page with an English browser stays French.
  const other = await page.context().newPage();
  await other.setExtraHTTPHeaders({ "Accept-Language": "en-US,en;q=0.9" });
  await other.goto("/settings");
  await expect(other.getByRole("heading", { name: "Paramètres" })).toBeVisible();
  await expect(other.getByRole("main").getByLabel("Langue", { exact: true })).toHaveValue("fr");

  // Signing in again from an English browser, on the English sign-in page, lands in French (the
  // browser holds only English's strings until the page reloads in French), never on an error.
  const fresh = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
  const signIn = await fresh.newPage();
  await signIn.goto("/login");
  await expect(signIn.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // Hydrated, so the form is sent by the browser's script and the page changes without a full load.
  await signIn.locator("html[data-hydrated]").waitFor();
  await signIn.getByLabel("Email").fill(e2eUsers.polyglot.email);
  await signIn.getByLabel("Password").fill(E2E_PASSWORD);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.locator("html")).toHaveAttribute("lang", "fr");
  await expect(signIn.getByRole("navigation", { name: "Principale" }).getByRole("link", { name: "Partenaires" })).toBeVisible();
  await expect(signIn.getByText("Application Error")).toHaveCount(0);
  await fresh.close();
});

test("the login page follows Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await context.close();
});
