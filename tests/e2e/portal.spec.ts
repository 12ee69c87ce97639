import { expect, expectNoSeriousA11yViolations, newPartner, test } from "./fixtures";

test("a CM gives a partner a portal link; the partner, in French, answers an offer with a counter-offer", async ({
  page,
  browser,
  signInAs,
}) => {
  const name = `Inès Portail ${Date.now()}`;
  await signInAs("manager");
  const partnerId = await newPartner(page, name);
  await page.goto(`/placements/new?partnerId=${partnerId}`);
  await page.getByLabel("Title").fill("Reel de printemps");
  await page.getByLabel("Agreed fee").fill("800");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reel de printemps" })).toBeVisible();

  await page.goto(`/gifts/new?partnerId=${partnerId}`);
  await page.getByLabel("Item", { exact: true }).fill("Coffret printemps");
  await page.getByLabel("Unit value").fill("39");
  await page.getByRole("button", { name: "Save gift" }).click();
  await expect(page.getByText("Gift recorded.")).toBeVisible();

  await page.goto(`/partners/${partnerId}`);
  await page.getByRole("button", { name: "Create a portal link" }).click();
  await expect(page.getByText("Here is the link. Copy it now: it is shown only once.")).toBeVisible();
  const link = await page.locator(".portal-link-field").inputValue();
  expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("region", { name: "Partner portal" })).toContainText("Active");

  // The partner: another browser, in French, with no account.
  const partnerContext = await browser.newContext({ locale: "fr-FR" });
  const portal = await partnerContext.newPage();
  await portal.goto(link);
  await expect(portal).toHaveURL(/\/portal$/);
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(`Bonjour ${name}`);
  await expect(portal.getByRole("navigation")).toHaveCount(0);
  const offer = portal.getByRole("listitem").filter({ hasText: "Reel de printemps" });
  await expect(offer).toContainText("800,00 €");
  await offer.getByText("Proposer un autre tarif").click();
  await offer.getByRole("button", { name: "Envoyer ma proposition" }).click();
  await expect(offer.getByText("Indiquez le tarif que vous proposez.")).toBeVisible();
  await offer.getByLabel("Votre tarif (EUR)").fill("1 100");
  await offer.getByLabel("Message pour l’équipe").fill("Deux reels pour ce tarif");
  await offer.getByRole("button", { name: "Envoyer ma proposition" }).click();
  await expect(portal.getByRole("status").filter({ hasText: "Votre proposition a été envoyée à l’équipe." })).toBeVisible();
  await expect(offer).toContainText("Vous avez proposé un autre tarif : 1 100,00 €");
  // Before it ships, the partner says where the gift should go.
  const gift = portal.getByRole("listitem").filter({ hasText: "Coffret printemps" });
  await gift.getByLabel("Adresse de livraison").fill("Inès Portail\n12 rue des Lilas\n69003 Lyon");
  await gift.getByRole("button", { name: "Enregistrer l’adresse" }).click();
  await expect(portal.getByRole("status").filter({ hasText: "Merci : l’adresse est enregistrée." })).toBeVisible();
  await expect(portal.getByRole("listitem").filter({ hasText: "Coffret printemps" })).toContainText("Adresse donnée le");
  await expectNoSeriousA11yViolations(portal);

  // The team sees the answer in the outreach log, and a follow-up for the owner.
  await page.goto(`/partners/${partnerId}?tab=outreach`);
  await expect(page.getByText("Proposed another fee")).toBeVisible();
  await expect(page.getByText("Deux reels pour ce tarif")).toBeVisible();

  await page.goto(`/partners/${partnerId}?tab=spend`);
  await page.getByRole("link", { name: "Reel de printemps" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the partner:" })).toContainText("Proposed another fee €1,100.00");

  await page.goto(`/partners/${partnerId}?tab=spend`);
  await page.getByRole("link", { name: /Coffret printemps/ }).click();
  await expect(page.getByText("12 rue des Lilas")).toBeVisible();

  // Revoked, the link lets nobody in, and the partner's visit ends.
  await page.goto(`/partners/${partnerId}`);
  await page.getByRole("region", { name: "Partner portal" }).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("region", { name: "Partner portal" })).toContainText("Revoked");
  await portal.reload();
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText("Ce lien n’est plus ouvert");
  const again = await portal.goto(link);
  expect(again?.status()).toBe(410);
  await partnerContext.close();
});
