/**
 * Posts captured from a partner's feed: a real HTTP server on loopback serves the blog's RSS and
 * its article; a new entry names the campaign and is captured; a community manager confirms it;
 * the article then loses its disclosure, and a new snapshot puts the item back in the compliance
 * queue with the change shown.
 */
import { FEED_SERVER_PORT } from "../../playwright.config";
import { articlePage, startFeedServer, type FeedServer } from "../setup/feed-server";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

let server: FeedServer;

test.beforeAll(async () => {
  server = await startFeedServer(FEED_SERVER_PORT);
});

test.afterAll(async () => {
  await server.close();
});

test("a feed entry that names the campaign is captured, confirmed, and back in the compliance queue when its disclosure goes", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const name = `Feed Partner ${stamp}`;
  const campaign = `Hiver ${stamp}`;
  const feedPath = `/feeds/${stamp}.xml`;
  const postPath = `/posts/${stamp}`;
  const shipped = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  server.feeds.set(feedPath, {
    shape: "rss",
    entries: [
      {
        id: `old-${stamp}`,
        title: "Le marché de Noël",
        html: "<p>Vin chaud et guirlandes.</p>",
        link: `${server.origin}/posts/old`,
        published: new Date(Date.now() - 3 * 86_400_000),
      },
    ],
  });

  // The community manager's partner: a blog channel and a gift for the campaign.
  await signInAs("manager");
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(campaign);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(campaign);
  await page.goto("/partners/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const partnerId = page.url().split("?")[0].split("/").pop()!;
  await page.locator("html[data-hydrated]").waitFor();
  await page.locator("summary", { hasText: "Add a channel" }).click();
  await page.locator("#add-channel").getByLabel("Platform").selectOption("blog");
  await page.locator("#add-channel").getByLabel("Handle").fill(`blog-${stamp}`);
  await page.locator("#add-channel").getByRole("button", { name: "Add a channel" }).click();
  await expect(page.getByRole("status")).toHaveText("Channel added.");
  await page.goto(`/gifts/new?partnerId=${partnerId}`);
  await page.getByLabel("Item", { exact: true }).fill("Sérum");
  await page.getByLabel("Unit value").fill("25");
  await page.getByLabel("Status").selectOption("shipped");
  await page.getByLabel("Shipped on").fill(shipped);
  await page.getByRole("button", { name: "Save gift" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sérum");

  // The blog's feed is added; its first read finds nothing worth capturing.
  await page.goto(`/partners/${partnerId}/links`);
  await page.locator("#new-feed").getByLabel("Feed address").fill(`${server.origin}${feedPath}`);
  await page.locator("#new-feed").getByRole("button", { name: "Add the feed" }).click();
  await expect(page.getByRole("status")).toHaveText("Feed added. It is read now, then on the schedule.");
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByTestId("feed-row").first().textContent();
    })
    .toContain("RSS");
  await expect(page.getByTestId("feed-row").first().locator("td.numeric").first()).toHaveText("1");

  // A new post names the campaign; reading the feed again captures it.
  server.pages.set(
    postPath,
    articlePage("Ma routine d’hiver", [`<strong>Publicité</strong> — ${campaign} : le sérum reçu.`, "Il sent bon."]),
  );
  server.feeds.get(feedPath)!.entries.unshift({
    id: `post-${stamp}`,
    title: "Ma routine d’hiver",
    html: `<p><strong>Publicité</strong> — ${campaign} : le sérum reçu.</p><p>Il sent bon.</p>`,
    link: `${server.origin}${postPath}`,
    published: new Date(),
  });
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByTestId("feed-row").first().getByRole("button", { name: "Read now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reading a feed" })).toBeVisible();
  await expect(page.getByText("Done", { exact: true })).toBeVisible({ timeout: 30_000 });

  await page.goto("/coverage/captured");
  const card = page.getByTestId("captured-post").filter({ hasText: name });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(`says “${campaign}”`);
  await expect(card).toContainText("Gift: Sérum");
  await expect(card.getByText("Compliant")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The community manager confirms it: a checked coverage item, and a first snapshot of the page.
  await card.getByRole("button", { name: "Add to coverage" }).click();
  await expect(page.getByRole("status")).toHaveText("Added to coverage. A snapshot of the page is being taken.");
  await expect(page.getByRole("heading", { level: 1, name: "Ma routine d’hiver" })).toBeVisible();
  const itemUrl = page.url();
  await expect(page.getByText("Paid: No · Gifted: Yes · Affiliate: No")).toBeVisible();
  await expect(page.getByRole("link", { name: campaign })).toBeVisible();
  await expect
    .poll(async () => {
      await page.reload();
      return page.locator("section", { hasText: "Evidence" }).locator("tbody tr").count();
    })
    .toBe(1);

  // The partner edits the live post and the disclosure goes; a new snapshot sees it.
  server.pages.set(postPath, articlePage("Ma routine d’hiver", [`${campaign} : le sérum reçu.`, "Il sent bon."]));
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Take a snapshot" }).click();
  await expect(page.getByText("Done", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "See the result" }).click();
  await expect(page.getByText("Disclosure removed", { exact: true })).toBeVisible();
  await expect(page.getByTestId("text-diff").locator("del")).toContainText("Publicité");
  await expectNoSeriousA11yViolations(page);

  // Compliance finds the item back in the queue, with the way to the change.
  await page.context().clearCookies();
  await signInAs("compliance");
  await page.goto(`/compliance?partnerId=${partnerId}`);
  await expect(page.getByText("1 item to review")).toBeVisible();
  const row = page.locator("tbody tr", { hasText: "Ma routine d’hiver" });
  await expect(row).toContainText("Disclosure removed from the live page");
  await row.getByRole("link", { name: "See what changed on the page" }).click();
  await expect(page.getByTestId("text-diff").locator("del")).toContainText("Publicité");
  await page.goto(itemUrl);
  await expect(
    page.getByText("Waiting for a compliance review.").or(page.getByRole("button", { name: /Record the decision/ })),
  ).toBeVisible();
  // The verdict says which text it is about, and that text is shown beside it: the live page,
  // without « Publicité », above the recorded text, which still carries it, marked.
  await expect(page.locator(".check-card").first()).toContainText("About the live page as captured on");
  await expect(page.getByRole("heading", { name: /^The live page, captured on .*: what the verdict is about$/ })).toBeVisible();
  const livePage = page.locator("#snapshot-text");
  await expect(livePage).toContainText("le sérum reçu");
  await expect(livePage).not.toContainText("Publicité");
  await expect(page.getByRole("heading", { name: "The text recorded with this coverage" })).toBeVisible();
  const recorded = page.locator("#coverage-text");
  await expect(recorded.locator("mark")).toContainText(["Publicité"]);
  await expect(page.getByText(/^Checked on .*: compliant\. The page may have changed since\.$/)).toBeVisible();
});
