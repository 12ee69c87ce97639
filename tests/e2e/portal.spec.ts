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
  await page.getByLabel("First deliverable").fill("Un reel Instagram de 30 secondes");
  await page.getByLabel("Due on").fill("2030-04-15");
  await page.getByLabel("Usage rights").fill("Reprise sur le site de la marque pendant 6 mois");
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
  // What a partner needs to decide: what to deliver, by when, and what the brand may do with it.
  await expect(offer.getByRole("heading", { name: "À livrer" })).toBeVisible();
  await expect(offer.getByRole("listitem").filter({ hasText: "Un reel Instagram de 30 secondes" })).toContainText("pour le 15 avr. 2030");
  await expect(offer.getByRole("heading", { name: "Ce que la marque peut faire de vos contenus" })).toBeVisible();
  await expect(offer).toContainText("Reprise sur le site de la marque pendant 6 mois");
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

test("the whole loop: offer, agreement, address, a draft checked before publishing, two approvals, and a live post that lost its disclosure", async ({
  page,
  browser,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const name = `Jeanne Boucle ${Date.now()}`;
  // The agreement names the advertiser: an admin sets the brand's name first.
  await signInAs("admin");
  await page.goto("/settings/workspace");
  await page.getByLabel("Brand name shown to partners").fill("Maison Aube");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await signInAs("manager");
  const partnerId = await newPartner(page, name);
  await page.goto(`/placements/new?partnerId=${partnerId}`);
  await page.getByLabel("Title").fill("Reel sérum Aube");
  await page.getByLabel("Agreed fee").fill("900");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reel sérum Aube" })).toBeVisible();
  await page.goto(`/gifts/new?partnerId=${partnerId}`);
  await page.getByLabel("Item", { exact: true }).fill("Coffret Aube");
  await page.getByLabel("Unit value").fill("120");
  await page.getByRole("button", { name: "Save gift" }).click();
  await expect(page.getByText("Gift recorded.")).toBeVisible();

  // A CM makes the agreement and the link.
  await page.goto(`/partners/${partnerId}`);
  const agreements = page.getByRole("region", { name: "Written agreements" });
  await agreements.getByText("Make an agreement").first().click();
  await agreements.getByLabel("Language").selectOption("fr");
  await agreements.getByRole("button", { name: "Make an agreement" }).click();
  await expect(page.getByText("Agreement made: the partner can sign it in the portal.")).toBeVisible();
  // The fold closes on what it made, rather than staying open on a blank form.
  await expect(agreements.getByRole("button", { name: "Make an agreement" })).toBeHidden();
  await page.getByRole("button", { name: "Create a portal link" }).click();
  const link = await page.locator(".portal-link-field").inputValue();

  // The partner, in French: accepts the offer, signs, gives the address.
  const partnerContext = await browser.newContext({ locale: "fr-FR" });
  const portal = await partnerContext.newPage();
  await portal.goto(link);
  const offer = portal.getByRole("listitem").filter({ hasText: "Reel sérum Aube" });
  await offer.getByRole("button", { name: "Accepter" }).click();
  await expect(portal.getByRole("status").filter({ hasText: "Merci : la proposition est acceptée." })).toBeVisible();
  await portal
    .getByRole("link", { name: /^Contrat \d{4}\s:\scollaborations hors campagne$/ })
    .first()
    .click();
  await expect(portal.locator("article")).toContainText("Reel sérum Aube : 900,00");
  await portal.getByLabel("Vos nom et prénom").fill(name);
  await portal.getByLabel("J’ai lu ce contrat et je l’accepte. La saisie de mon nom vaut signature.").check();
  await portal.getByRole("button", { name: "Signer le contrat" }).click();
  await expect(portal.getByRole("status").filter({ hasText: `Signé par ${name}` })).toBeVisible();
  await portal.getByRole("link", { name: "← Retour à votre page" }).click();
  const gift = portal.getByRole("listitem").filter({ hasText: "Coffret Aube" });
  await gift.getByLabel("Adresse de livraison").fill(`${name}\n3 place Bellecour\n69002 Lyon`);
  await gift.getByRole("button", { name: "Enregistrer l’adresse" }).click();
  await expect(portal.getByRole("status").filter({ hasText: "Merci : l’adresse est enregistrée." })).toBeVisible();

  // A draft without the disclosure: told as they type, and refused on submit.
  await portal.getByRole("link", { name: "Envoyer un brouillon" }).click();
  // Each choice says what it is and when: a gift and a collaboration are told apart.
  const subject = portal.getByLabel("Sujet");
  await expect(subject.locator("option", { hasText: "Reel sérum Aube" })).toHaveText(/^Collaboration\s:\sReel sérum Aube, convenue le\s\d/);
  await expect(subject.locator("option", { hasText: "Coffret Aube" })).toHaveText(/^Cadeau\s:\sCoffret Aube, envoyé le\s\d/);
  await subject.selectOption({ label: (await subject.locator("option", { hasText: "Reel sérum Aube" }).textContent())! });
  await portal.getByLabel("Plateforme", { exact: true }).selectOption("instagram");
  await portal.getByLabel("Date de publication prévue").fill("2026-12-12");
  await portal.getByLabel("Légende ou texte").fill("Trois semaines avec le sérum Aube, mon avis honnête ✨ #skincare");
  await expect(portal.getByTestId("draft-check")).toContainText(
    "mettez « Publicité » au début, avant le repli « plus » (les 125 premiers caractères).",
  );
  await portal.getByRole("button", { name: "Envoyer pour validation" }).click();
  await expect(portal.getByText("La mention publicitaire n’est pas encore correcte : voyez ci-dessous quoi changer.")).toBeVisible();
  await portal.getByLabel("Légende ou texte").fill("Publicité — trois semaines avec le sérum Aube, mon avis honnête ✨ #skincare");
  await expect(portal.getByTestId("draft-check")).toContainText("La mention est correcte.");
  await portal.getByRole("button", { name: "Envoyer pour validation" }).click();
  await expect(portal.getByText("L’équipe relit cette version. Sa réponse s’affichera ici.")).toBeVisible();
  const submissionUrl = portal.url();

  // A CM and a compliance user approve it.
  await page.goto("/content");
  await page.getByRole("link", { name: `${name} · Reel sérum Aube` }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Decision recorded; the other reviewer is next.")).toBeVisible();
  await signInAs("compliance");
  await page.reload();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved by both sides: the partner can publish.")).toBeVisible();

  // The partner reports the live post, with the disclosure gone.
  await portal.goto(submissionUrl);
  await portal.getByLabel("Adresse de la publication").fill("https://instagram.com/p/jeanne-aube");
  await portal.getByLabel("Publié le").fill("2026-12-12");
  await portal.getByLabel("Texte tel que publié").fill("Trois semaines avec le sérum Aube, mon avis honnête ✨ #skincare");
  await portal.getByLabel("J’aime").fill("2400");
  await portal.getByRole("button", { name: "Signaler la mise en ligne" }).click();
  await expect(portal.getByText("Merci : la publication en ligne est enregistrée.").first()).toBeVisible();
  await partnerContext.close();

  // It lands in the compliance queue, and the review page shows what changed.
  await page.goto(`/compliance?partnerId=${partnerId}`);
  await expect(page.getByRole("link", { name: "https://instagram.com/p/jeanne-aube" }).or(page.getByText(name)).first()).toBeVisible();
  await page.goto("/content?status=published");
  await page.getByRole("link", { name: `${name} · Reel sérum Aube` }).click();
  await expect(page.getByRole("alert")).toContainText("The live post discloses less well than the approved version.");
  await expect(page.getByTestId("text-diff").locator("del")).toContainText("Publicité");
  await expectNoSeriousA11yViolations(page);
});
