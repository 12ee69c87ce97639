/**
 * The demo workspace: a team, partners with their audience history, spend, coverage and
 * decisions. `npm run demo` (prisma/demo.ts) and the layout tests load it. Safe to load twice.
 */
import { addChannel, createPartner, recordMeasurement } from "../app/features/partners/partner.server";
import { saveCampaign } from "../app/features/spend/campaign.server";
import { createGifts } from "../app/features/spend/gift.server";
import { reportPublished, ruleSetsFor, submitContent } from "../app/features/portal/content.server";
import { reviewContent } from "../app/features/portal/content-review.server";
import { checkContext } from "../app/features/compliance/disclosure.server";
import { suggestedMarker } from "../app/features/compliance/disclosure/advice";
import { approvePlacement, proposePlacement, recordPayment, setPlacementStatus } from "../app/features/spend/placement.server";
import { saveProduct } from "../app/features/spend/product.server";
import { saveRates } from "../app/features/accounts/settings.server";
import type { GiftBatchInput, PlacementInput } from "../app/features/spend/spend";
import { CoverageFormSchema } from "../app/features/compliance/coverage";
import { createCoverage } from "../app/features/compliance/coverage.server";
import { reviewCheck } from "../app/features/compliance/disclosure.server";
import type { ChannelInput, PartnerInput } from "../app/features/partners/partners";
import { recordAudit } from "../app/utils/audit.server";
import { fileRawMessage } from "../app/features/mail/mail-inbound.server";
import { createTemplate } from "../app/features/outreach/templates.server";
import { createPromoCode, createShop, recordShopifyOrder, recordShopifyRefund } from "../app/features/attribution/orders.server";
import { readFeed } from "../app/features/attribution/feeds";
import { captureNewPosts } from "../app/features/attribution/feeds.server";
import { recordSnapshot } from "../app/features/compliance/snapshots.server";
import { createTrackedLink } from "../app/features/attribution/tracked-links.server";
import { db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";
import type { Role } from "../app/shared/permissions";

/** The demo's history predates its agreements: its approvals went ahead past the French threshold, as the audit trail shows. */
const WENT_AHEAD_WITHOUT_AGREEMENT = true;

export const DEMO_PASSWORD = "partnerledger-demo";

export const team: { name: string; email: string; role: Role; locale: "en" | "fr" | null }[] = [
  { name: "Claire Martin", email: "claire.martin@example.com", role: "admin", locale: "fr" },
  { name: "Julien Moreau", email: "julien.moreau@example.com", role: "manager", locale: "fr" },
  { name: "Sofia Rossi", email: "sofia.rossi@example.com", role: "manager", locale: "en" },
  { name: "Hannah Weber", email: "hannah.weber@example.com", role: "marketing", locale: "en" },
  { name: "Amélie Durand", email: "amelie.durand@example.com", role: "compliance", locale: "fr" },
  { name: "Tom Baker", email: "tom.baker@example.com", role: "viewer", locale: null },
];

async function loadTeam() {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const member of team) {
    await db().$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { email: member.email } });
      const user = await tx.user.upsert({
        where: { email: member.email },
        create: { ...member, password: { create: { hash } } },
        update: {
          name: member.name,
          role: member.role,
          locale: member.locale,
          disabledAt: null,
          password: { upsert: { create: { hash }, update: { hash } } },
        },
        select: { id: true, email: true, name: true, role: true, locale: true },
      });
      await recordAudit(tx, {
        actorId: null,
        action: before ? "user.update" : "user.create",
        entityType: "User",
        entityId: user.id,
        before: before ? { name: before.name, role: before.role, locale: before.locale } : undefined,
        after: { ...user, source: "demo" },
      });
    });
  }
}

type DemoPartner = PartnerInput & {
  externalId: string;
  owner: string;
  /** Each channel with its measurements, oldest first. */
  channels: (Pick<ChannelInput, "platform" | "handle" | "url" | "countries" | "ages" | "genders"> & {
    history: [string, number, number?][];
  })[];
};

const partners: DemoPartner[] = [
  {
    externalId: "demo-001",
    name: "Léa Martin — Les Carnets de Léa",
    kind: "blogger",
    email: "lea@carnetsdelea.fr",
    website: "https://carnetsdelea.fr",
    country: "FR",
    language: "fr",
    stage: "active",
    owner: "julien.moreau@example.com",
    tags: ["cuisine", "lyon", "zéro déchet"],
    notes: "Prefers products sent to her Lyon studio. Publishes on Sundays.",
    channels: [
      {
        platform: "blog",
        url: "https://carnetsdelea.fr",
        history: [
          ["2026-06-01", 18000],
          ["2026-09-01", 19500],
        ],
      },
      {
        platform: "instagram",
        handle: "@carnetsdelea",
        url: "https://www.instagram.com/carnetsdelea",
        countries: { FR: 78, BE: 9, CH: 6 },
        ages: { "18-24": 22, "25-34": 48, "35-44": 20 },
        genders: { female: 81, male: 18 },
        history: [
          ["2026-05-01", 41200, 3.4],
          ["2026-07-01", 43900, 3.1],
          ["2026-09-15", 46300, 3.3],
        ],
      },
    ],
  },
  {
    externalId: "demo-002",
    name: "Hugo Lefèvre",
    kind: "influencer",
    email: "contact@hugolefevre.fr",
    country: "FR",
    language: "fr",
    stage: "negotiating",
    owner: "julien.moreau@example.com",
    tags: ["tech", "paris"],
    channels: [
      {
        platform: "youtube",
        handle: "@HugoTeste",
        url: "https://www.youtube.com/@HugoTeste",
        history: [
          ["2026-04-01", 212000, 2.1],
          ["2026-08-01", 238000, 1.9],
        ],
      },
      { platform: "tiktok", handle: "@hugo.teste", history: [["2026-08-01", 96000, 6.2]] },
    ],
  },
  {
    externalId: "demo-003",
    name: "Camille Rousseau — Mode & Merveilles",
    kind: "blogger",
    email: "camille@modeetmerveilles.fr",
    website: "https://modeetmerveilles.fr",
    country: "FR",
    language: "fr",
    stage: "contacted",
    owner: "sofia.rossi@example.com",
    tags: ["mode", "bordeaux"],
    channels: [
      {
        platform: "instagram",
        handle: "@modeetmerveilles",
        history: [
          ["2026-08-20", 15800, 2.7],
          ["2026-09-10", 24100, 0.4],
        ],
      },
    ],
  },
  {
    externalId: "demo-004",
    name: "Margaux Petit",
    kind: "journalist",
    email: "m.petit@example-presse.fr",
    country: "FR",
    language: "fr",
    stage: "prospect",
    owner: "julien.moreau@example.com",
    tags: ["presse", "beauté"],
    notes: "Beauty editor; likes exclusives, never posts sponsored content.",
    channels: [],
  },
  {
    externalId: "demo-005",
    name: "Thomas Dubois — Le Podcast du Goût",
    kind: "podcaster",
    email: "thomas@podcastdugout.fr",
    website: "https://podcastdugout.fr",
    country: "FR",
    language: "fr",
    stage: "active",
    owner: "sofia.rossi@example.com",
    tags: ["cuisine", "podcast"],
    channels: [
      {
        platform: "podcast",
        url: "https://podcastdugout.fr",
        history: [
          ["2026-03-01", 8200],
          ["2026-09-01", 9100],
        ],
      },
    ],
  },
  {
    externalId: "demo-006",
    name: "Inès Benali",
    kind: "influencer",
    email: "ines.benali@example.com",
    country: "BE",
    language: "fr",
    stage: "active",
    owner: "sofia.rossi@example.com",
    tags: ["beauté", "bruxelles"],
    channels: [
      {
        platform: "instagram",
        handle: "@ines.beaute",
        countries: { BE: 52, FR: 38 },
        history: [
          ["2026-06-01", 128000, 1.6],
          ["2026-09-01", 131500, 1.5],
        ],
      },
    ],
  },
  {
    externalId: "demo-007",
    name: "Noémie Girard",
    kind: "influencer",
    email: "noemie@example.ch",
    country: "CH",
    language: "fr",
    stage: "paused",
    owner: "julien.moreau@example.com",
    tags: ["voyage", "montagne"],
    riskNotes: "2025: undisclosed sponsored post flagged by a consumer group. Check disclosures closely.",
    channels: [
      {
        platform: "instagram",
        handle: "@noemie.sommets",
        history: [
          ["2026-02-01", 67000, 2.2],
          ["2026-08-01", 69800, 2.0],
        ],
      },
    ],
  },
  {
    externalId: "demo-008",
    name: "Julien Fabre",
    kind: "blogger",
    email: "julien@example-bricolage.fr",
    website: "https://example-bricolage.fr",
    country: "FR",
    language: "fr",
    stage: "do_not_contact",
    owner: "sofia.rossi@example.com",
    tags: ["bricolage"],
    riskNotes: "Asked not to be contacted again (June 2026).",
    channels: [{ platform: "blog", url: "https://example-bricolage.fr", history: [["2026-01-01", 5400]] }],
  },
  {
    externalId: "demo-009",
    name: "Emily Carter",
    kind: "influencer",
    email: "emily@example.co.uk",
    country: "GB",
    language: "en",
    stage: "active",
    owner: "sofia.rossi@example.com",
    tags: ["beauty", "london"],
    channels: [
      {
        platform: "instagram",
        handle: "@emilycarterbeauty",
        countries: { GB: 64, US: 14, IE: 7 },
        history: [
          ["2026-05-01", 310000, 1.4],
          ["2026-09-01", 322000, 1.3],
        ],
      },
      { platform: "youtube", handle: "@EmilyCarter", history: [["2026-09-01", 145000, 2.6]] },
    ],
  },
  {
    externalId: "demo-010",
    name: "Jake Morrison",
    kind: "influencer",
    email: "jake@example.com",
    country: "US",
    language: "en",
    stage: "prospect",
    owner: "sofia.rossi@example.com",
    tags: ["tech", "gaming"],
    channels: [
      { platform: "twitch", handle: "jakeplays", history: [["2026-09-01", 54000, 4.8]] },
      { platform: "x", handle: "@jakeplays", history: [["2026-09-01", 21000, 0.9]] },
    ],
  },
  {
    externalId: "demo-011",
    name: "Lena Schneider",
    kind: "blogger",
    email: "lena@example.de",
    website: "https://lena-kocht.example.de",
    country: "DE",
    language: "de",
    stage: "contacted",
    owner: "julien.moreau@example.com",
    tags: ["cuisine", "berlin"],
    channels: [
      { platform: "blog", url: "https://lena-kocht.example.de", history: [["2026-07-01", 12000]] },
      { platform: "pinterest", handle: "lenakocht", history: [["2026-07-01", 33000, 0.8]] },
    ],
  },
  {
    externalId: "demo-012",
    name: "Sarah Nguyen — Petite Plume",
    kind: "blogger",
    email: "sarah@petiteplume.fr",
    website: "https://petiteplume.fr",
    country: "FR",
    language: "fr",
    stage: "active",
    owner: "julien.moreau@example.com",
    tags: ["famille", "nantes"],
    channels: [
      {
        platform: "newsletter",
        url: "https://petiteplume.fr/lettre",
        history: [
          ["2026-04-01", 6100],
          ["2026-09-01", 7400],
        ],
      },
      { platform: "instagram", handle: "@petiteplume", history: [["2026-09-01", 18900, 4.1]] },
    ],
  },
];

async function loadPartners(actorId: string) {
  await createDemoPartners(actorId, partners);
}

/** Products, two campaigns, rates, gifts (one batch) and placements at each step of approval and payment. */
async function loadSpend(adminId: string) {
  if (await db().campaign.findUnique({ where: { name: "Printemps zéro déchet 2026" }, select: { id: true } })) return;
  const ids = new Map(
    (await db().partner.findMany({ where: { externalId: { startsWith: "demo-" } }, select: { id: true, externalId: true } })).map((p) => [
      p.externalId!,
      p.id,
    ]),
  );
  const users = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const cm = users.get("julien.moreau@example.com")!;
  const cm2 = users.get("sofia.rossi@example.com")!;
  const marketing = users.get("hannah.weber@example.com")!;
  await saveRates(adminId, [
    { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.9210", validOn: "2026-01-01" },
    { baseCurrency: "USD", quoteCurrency: "EUR", rate: "0.9350", validOn: "2026-07-01" },
    { baseCurrency: "GBP", quoteCurrency: "EUR", rate: "1.1720", validOn: "2026-01-01" },
  ]);
  const serum = await saveProduct(adminId, null, {
    name: "Sérum éclat 30 ml",
    sku: "SER-30",
    unitCost: 1450,
    retailPrice: 3900,
    currency: "EUR",
  });
  const kit = await saveProduct(adminId, null, {
    name: "Kit cuisine zéro déchet",
    sku: "KIT-ZD",
    unitCost: 2800,
    retailPrice: 6900,
    currency: "EUR",
  });
  await saveProduct(adminId, null, {
    name: "Carnet recettes (ancienne édition)",
    sku: "CARNET-1",
    unitCost: 600,
    retailPrice: 1500,
    currency: "EUR",
  });
  const spring = await saveCampaign(marketing, null, {
    name: "Printemps zéro déchet 2026",
    brief: "Kits cuisine zéro déchet pour les blogueurs food. Mention « Publicité » ou #ad en début de post.",
    startsOn: "2026-03-01",
    endsOn: "2026-06-30",
    budget: 600000,
    currency: "EUR",
    jurisdictions: ["FR"],
    productIds: [kit.id],
  });
  const glow = await saveCampaign(marketing, null, {
    name: "Glow UK & US launch",
    brief: "Serum launch with UK and US creators.",
    startsOn: "2026-09-01",
    endsOn: "2026-12-15",
    budget: 1500000,
    currency: "EUR",
    jurisdictions: ["UK", "US"],
    productIds: [serum.id],
  });
  const gift = (partnerIds: string[], extra: Partial<GiftBatchInput>) =>
    createGifts(cm, {
      partnerIds,
      campaignId: spring.id,
      productId: kit.id,
      quantity: 1,
      shipping: 690,
      currency: "EUR",
      requestedByPartner: false,
      status: "shipped",
      overBudgetConfirmed: false,
      ...extra,
    } as GiftBatchInput);
  await gift([ids.get("demo-001")!, ids.get("demo-005")!, ids.get("demo-012")!], {
    shippedOn: "2026-03-10",
    expectedReturn: "One recipe post with the kit",
  });
  await gift([ids.get("demo-006")!], { status: "delivered", shippedOn: "2026-04-02", deliveredOn: "2026-04-04", requestedByPartner: true });
  await gift([ids.get("demo-009")!], {
    campaignId: glow.id,
    productId: serum.id,
    quantity: 3,
    shipping: 2500,
    currency: "USD",
    unitValue: 1600,
    shippedOn: "2026-09-12",
    expectedReturn: "TikTok unboxing",
  });
  await gift([ids.get("demo-003")!], {
    campaignId: glow.id,
    productId: undefined,
    itemName: "Coffret soin édition limitée",
    unitValue: 9000,
    shipping: 1500,
    currency: "CHF",
    shippedOn: "2026-09-20",
    overBudgetConfirmed: true,
  });

  const propose = (partner: string, input: Partial<PlacementInput>, by = cm) =>
    proposePlacement(by, {
      partnerId: ids.get(partner)!,
      campaignId: spring.id,
      title: "",
      fee: 0,
      currency: "EUR",
      agreedOn: "2026-03-15",
      overBudgetConfirmed: true,
      ...input,
    } as PlacementInput);
  const leaReview = await propose("demo-001", {
    title: "Article sponsorisé + 3 stories",
    fee: 120000,
    agreedOn: "2026-03-20",
    deliverable: "Article de blog",
    deliverableDueOn: "2026-04-15",
    usageRights: "Reprise sur nos réseaux pendant 6 mois",
  });
  await approvePlacement(marketing, leaReview.id, WENT_AHEAD_WITHOUT_AGREEMENT);
  await setPlacementStatus(cm, leaReview.id, "contracted");
  await setPlacementStatus(cm, leaReview.id, "delivered");
  await recordPayment(marketing, leaReview.id, { amount: "600", paidOn: "2026-04-20", invoiceRef: "FAC-2026-041" });
  await recordPayment(marketing, leaReview.id, { amount: "600", paidOn: "2026-05-20", invoiceRef: "FAC-2026-052" });
  const podcast = await propose("demo-005", { title: "Épisode sponsorisé", fee: 250000, agreedOn: "2026-04-05" });
  await approvePlacement(marketing, podcast.id, WENT_AHEAD_WITHOUT_AGREEMENT);
  await setPlacementStatus(cm, podcast.id, "contracted");
  await recordPayment(marketing, podcast.id, { amount: "1250", paidOn: "2026-04-30", invoiceRef: "POD-118" });
  const emily = await propose(
    "demo-009",
    {
      campaignId: glow.id,
      title: "TikTok series (3 videos)",
      fee: 450000,
      currency: "USD",
      agreedOn: "2026-09-15",
      deliverable: "Video 1",
      deliverableDueOn: "2026-10-01",
    },
    cm2,
  );
  await approvePlacement(marketing, emily.id, WENT_AHEAD_WITHOUT_AGREEMENT);
  await propose("demo-006", { title: "Reel recette de saison", fee: 80000, agreedOn: "2026-11-10" });
}

/** Coverage after those gifts and placements: compliant, weak, buried, missing, label-only and an FR image mention, with two decisions. */
async function loadCoverage() {
  if (await db().coverageItem.findFirst({ where: { url: { startsWith: "https://demo.partnerledger.example/" } }, select: { id: true } }))
    return;
  const ids = new Map(
    (await db().partner.findMany({ where: { externalId: { startsWith: "demo-" } }, select: { id: true, externalId: true } })).map((p) => [
      p.externalId!,
      p.id,
    ]),
  );
  const users = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const cm = users.get("julien.moreau@example.com")!;
  const compliance = users.get("amelie.durand@example.com")!;
  const linksOf = async (partnerId: string) => ({
    giftIds: (await db().gift.findMany({ where: { partnerId }, select: { id: true } })).map((g) => g.id),
    placementIds: (await db().placement.findMany({ where: { partnerId, status: { not: "proposed" } }, select: { id: true } })).map(
      (p) => p.id,
    ),
  });
  const record = async (externalId: string, fields: Record<string, string>, links = true) => {
    const partnerId = ids.get(externalId)!;
    const linked = links ? await linksOf(partnerId) : { giftIds: [], placementIds: [] };
    const input = CoverageFormSchema.parse({
      partnerId,
      paidOverride: "auto",
      giftedOverride: "auto",
      affiliateOverride: "auto",
      ...linked,
      ...fields,
    });
    return createCoverage(cm, input);
  };
  await record("demo-001", {
    url: "https://demo.partnerledger.example/lea/kit-zero-dechet",
    platform: "blog",
    publishedOn: "2026-04-12",
    title: "Ma cuisine zéro déchet en 5 gestes",
    text: "Publicité — article réalisé en collaboration commerciale avec la marque.\nDepuis un mois, le kit zéro déchet a remplacé le film plastique…",
    impressions: "18400",
    views: "9200",
    clicks: "640",
    conversions: "38",
    revenue: "1520,00",
    revenueCurrency: "EUR",
  });
  await record("demo-001", {
    url: "https://demo.partnerledger.example/lea/insta-kit",
    platform: "instagram",
    publishedOn: "2026-04-14",
    text: "Publicité · Le kit zéro déchet dans ma cuisine, avant/après ✨",
    imagesRetouched: "on",
    impressions: "25100",
    likes: "1830",
    comments: "94",
  });
  const podcast = await record("demo-005", {
    url: "https://demo.partnerledger.example/podcast/episode-42",
    platform: "podcast",
    publishedOn: "2026-05-02",
    title: "Épisode 42 — Cuisiner sans gaspiller",
    text: "Merci à notre partenaire pour cet épisode #partenariat. Au programme : conserver les légumes, cuisiner les fanes…",
    views: "4100",
  });
  await record("demo-012", {
    url: "https://demo.partnerledger.example/insta/recette-automne",
    platform: "instagram",
    publishedOn: "2026-03-28",
    text: "Ma recette de soupe de potimarron, zéro déchet de la cuisine à l'assiette 🍂 Dites-moi en commentaire si vous testez !",
    impressions: "12900",
    likes: "1210",
  });
  await record("demo-006", {
    url: "https://demo.partnerledger.example/insta/reel-printemps",
    platform: "instagram",
    publishedOn: "2026-04-20",
    text: "Le printemps dans l'assiette : asperges, petits pois et fanes de radis en pesto. Tout se mange, rien ne se jette, et c'est bien meilleur ainsi. #recette #zerodechet #cuisine #publicité",
    likes: "860",
  });
  await record("demo-009", {
    url: "https://demo.partnerledger.example/tiktok/glow-1",
    platform: "tiktok",
    publishedOn: "2026-10-03",
    text: "#ad Trying the Glow serum for a week — day 1 ✨",
    platformLabel: "on",
    views: "182000",
    likes: "14200",
    shares: "930",
  });
  await record("demo-003", {
    url: "https://demo.partnerledger.example/insta/coffret",
    platform: "instagram",
    publishedOn: "2026-10-08",
    text: "Unboxing the limited edition set 💛",
    platformLabel: "on",
  });
  const firstFailing = async (result: Awaited<ReturnType<typeof record>>) =>
    result.checks.find((c) => c.result.verdict === "missing" || c.result.verdict === "insufficient")?.checkId;
  const podcastCheck = await firstFailing(podcast);
  if (podcastCheck)
    await reviewCheck(compliance, {
      checkId: podcastCheck,
      decision: "confirmed_issue",
      note: "« #partenariat » ne suffit pas : demander d'ajouter « Publicité » dans les notes d'épisode.",
    });
}

/** More partners, found over the past year. */
const laterPartners: DemoPartner[] = [
  {
    externalId: "demo-013",
    name: "Chloé Bernard — Cuisine de Saison",
    kind: "blogger",
    email: "chloe@cuisinedesaison.example.fr",
    website: "https://cuisinedesaison.example.fr",
    country: "FR",
    language: "fr",
    stage: "active",
    owner: "julien.moreau@example.com",
    tags: ["cuisine", "saison"],
    channels: [
      {
        platform: "blog",
        url: "https://cuisinedesaison.example.fr",
        history: [
          ["2026-01-10", 22000],
          ["2026-10-01", 26500],
        ],
      },
      {
        platform: "instagram",
        handle: "@cuisinedesaison",
        history: [
          ["2026-01-10", 38000, 3.0],
          ["2026-10-01", 44500, 3.2],
        ],
      },
    ],
  },
  {
    externalId: "demo-014",
    name: "Maxime Roux",
    kind: "influencer",
    email: "maxime@example.fr",
    country: "FR",
    language: "fr",
    stage: "active",
    owner: "sofia.rossi@example.com",
    tags: ["tech", "lyon"],
    channels: [
      {
        platform: "youtube",
        handle: "@MaximeTeste",
        history: [
          ["2026-02-01", 88000, 2.4],
          ["2026-09-01", 97000, 2.2],
        ],
      },
    ],
  },
  {
    externalId: "demo-015",
    name: "Olivia Hughes",
    kind: "influencer",
    email: "olivia@example.co.uk",
    country: "GB",
    language: "en",
    stage: "active",
    owner: "sofia.rossi@example.com",
    tags: ["beauty", "manchester"],
    channels: [
      {
        platform: "tiktok",
        handle: "@olivia.glow",
        history: [
          ["2026-03-01", 205000, 5.1],
          ["2026-10-01", 241000, 4.8],
        ],
      },
    ],
  },
  {
    externalId: "demo-016",
    name: "Anaïs Lambert — Petits Pas Verts",
    kind: "blogger",
    email: "anais@petitspasverts.example.fr",
    website: "https://petitspasverts.example.fr",
    country: "FR",
    language: "fr",
    stage: "active",
    owner: "julien.moreau@example.com",
    tags: ["zéro déchet", "famille"],
    channels: [
      {
        platform: "blog",
        url: "https://petitspasverts.example.fr",
        history: [
          ["2026-04-01", 9500],
          ["2026-10-01", 11800],
        ],
      },
      { platform: "pinterest", handle: "petitspasverts", history: [["2026-04-01", 15000, 1.1]] },
    ],
  },
  {
    externalId: "demo-017",
    name: "Tobias Klein",
    kind: "podcaster",
    email: "tobias@example.de",
    country: "DE",
    language: "de",
    stage: "active",
    owner: "julien.moreau@example.com",
    tags: ["podcast", "küche"],
    channels: [
      {
        platform: "podcast",
        url: "https://kochenmittobias.example.de",
        history: [
          ["2026-05-01", 14000],
          ["2026-10-01", 16200],
        ],
      },
    ],
  },
  {
    externalId: "demo-018",
    name: "Léo Garnier",
    kind: "influencer",
    email: "leo@example.fr",
    country: "FR",
    language: "fr",
    stage: "negotiating",
    owner: "sofia.rossi@example.com",
    tags: ["sport", "bordeaux"],
    channels: [{ platform: "instagram", handle: "@leo.court", history: [["2026-06-01", 57000, 3.9]] }],
  },
  {
    externalId: "demo-019",
    name: "Mia Fischer",
    kind: "influencer",
    email: "mia@example.de",
    country: "DE",
    language: "de",
    stage: "contacted",
    owner: "sofia.rossi@example.com",
    tags: ["beauty", "hamburg"],
    channels: [{ platform: "instagram", handle: "@mia.hautnah", history: [["2026-08-01", 73000, 2.8]] }],
  },
  {
    externalId: "demo-020",
    name: "Sophie Marchand — La Lettre du Goût",
    kind: "journalist",
    email: "sophie@lettredugout.example.fr",
    country: "FR",
    language: "fr",
    stage: "prospect",
    owner: "julien.moreau@example.com",
    tags: ["presse", "cuisine"],
    channels: [{ platform: "newsletter", url: "https://lettredugout.example.fr", history: [["2026-10-01", 31000]] }],
  },
];

const HISTORY_MONTHS = 13;

/** The first day of the month `back` months before this one, as YYYY-MM-DD. */
function monthStart(back: number, today = new Date()) {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}

/** A day of a month of the demo's history; in the month under way, never after today. */
const onDay = (month: string, day: number) => {
  const date = `${month.slice(0, 8)}${String(day).padStart(2, "0")}`;
  const today = new Date().toISOString().slice(0, 10);
  return date > today ? today : date;
};

/**
 * Thirteen months of history, so every report has something to show: partners found over the
 * year, gifts, placements and coverage every month (with revenue, so ROI and ROAS are known),
 * an always-on programme, a campaign that has ended, one over budget, a compliance rate that
 * improves, and a partner who costs but never posted. Dates are relative to today.
 */
/**
 * Posts partners sent from the portal, through the same code the portal runs: one waiting for
 * compliance, one the checker failed that the partner sent anyway, one sent back with a comment,
 * and one approved whose live post lost its disclosure.
 */
async function loadPortalContent() {
  const userId = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const cm = { id: await userId("julien.moreau@example.com"), role: "manager" as const };
  const compliance = { id: await userId("amelie.durand@example.com"), role: "compliance" as const };
  const placements = await db().placement.findMany({
    where: { status: { in: ["approved", "contracted", "delivered", "paid"] } },
    orderBy: { agreedOn: "desc" },
    distinct: ["partnerId"],
    take: 4,
    select: { id: true, partner: { select: { id: true, name: true, language: true } } },
  });
  const visitor = (p: (typeof placements)[number]) => ({
    sessionId: "demo-portal-session",
    partnerId: p.partner.id,
    partnerName: p.partner.name,
    language: p.partner.language,
  });
  const draft = (placementId: string, text: string, submitAnyway = false) => ({
    target: `placement:${placementId}`,
    platform: "instagram" as const,
    plannedOn: "2026-12-10",
    text,
    platformLabel: false,
    imagesRetouched: false,
    imagesVirtual: false,
    submitAnyway,
  });
  const [waiting, failing, sentBack, published] = placements;
  if (!published) return;
  // Each placement's campaign says whose rules apply: the disclosure the partner writes is each one's.
  const context = await checkContext();
  const disclosed = async (p: (typeof placements)[number], text: string) => {
    const { campaign } = await db().placement.findUniqueOrThrow({
      where: { id: p.id },
      select: { campaign: { select: { jurisdictions: true } } },
    });
    const markers = ruleSetsFor(campaign?.jurisdictions ?? [], context).map(suggestedMarker);
    return `${[...new Set(markers)].join(" ")} — ${text}`;
  };
  const first = await submitContent(
    visitor(waiting),
    draft(waiting.id, await disclosed(waiting, "ma routine du soir, trois semaines avec le sérum éclat ✨ #skincare")),
    [],
  );
  await reviewContent(cm, first.submissionId, { version: 1, decision: "approved" });
  await submitContent(
    visitor(failing),
    draft(failing.id, "Mes essais du mois avec la marque : recettes et astuces #collab #zerodechet", true),
    [],
  );
  const second = await submitContent(
    visitor(sentBack),
    draft(sentBack.id, await disclosed(sentBack, "le kit cuisine zéro déchet, mon avis après un mois")),
    [],
  );
  await reviewContent(compliance, second.submissionId, {
    version: 1,
    decision: "changes_requested",
    comment: "Merci ! Ajoutez la mention « Image retouchée » si la photo du plat est retouchée, et citez le nom du kit.",
  });
  const third = await submitContent(
    visitor(published),
    draft(published.id, await disclosed(published, "le coffret zéro déchet, testé en famille pendant un mois")),
    [],
  );
  await reviewContent(cm, third.submissionId, { version: 1, decision: "approved" });
  await reviewContent(compliance, third.submissionId, { version: 1, decision: "approved" });
  await reportPublished(
    visitor(published),
    third.submissionId,
    {
      url: "https://www.instagram.com/p/demo-coffret-zero-dechet/",
      publishedOn: "2026-11-24",
      text: "Le coffret zéro déchet, testé en famille pendant un mois",
      platformLabel: false,
      likes: 1840,
      comments: 96,
    },
    [],
  );
}

async function loadHistory(adminId: string) {
  if (await db().campaign.findUnique({ where: { name: "Programme ambassadeurs" }, select: { id: true } })) return;
  const users = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const cm = users.get("julien.moreau@example.com")!;
  const cm2 = users.get("sofia.rossi@example.com")!;
  const marketing = users.get("hannah.weber@example.com")!;
  const compliance = users.get("amelie.durand@example.com")!;

  // Partners found over the year: each one's record says when (the demo's own history; the audit
  // trail keeps today as the day the demo was loaded).
  await createDemoPartners(adminId, laterPartners);
  const all = await db().partner.findMany({
    where: { externalId: { startsWith: "demo-" } },
    select: { id: true, externalId: true },
    orderBy: { externalId: "asc" },
  });
  const ids = new Map(all.map((p) => [p.externalId!, p.id]));
  for (const [index, partner] of all.entries()) {
    const created = onDay(monthStart(HISTORY_MONTHS - 1 - Math.floor((index * HISTORY_MONTHS) / all.length)), 3 + (index % 20));
    await db().$executeRaw`UPDATE "Partner" SET "createdAt" = ${new Date(`${created}T09:00:00Z`)} WHERE "id" = ${partner.id}`;
  }

  const kit = await db().product.findUniqueOrThrow({ where: { sku: "KIT-ZD" }, select: { id: true } });
  const serum = await db().product.findUniqueOrThrow({ where: { sku: "SER-30" }, select: { id: true } });
  const programme = await saveCampaign(marketing, null, {
    name: "Programme ambassadeurs",
    brief: "Always-on: one gift a month to our ambassadors, paid content each quarter. Disclose with « Publicité » or #ad at the start.",
    startsOn: monthStart(HISTORY_MONTHS - 1),
    endsOn: undefined,
    budget: 6000000,
    currency: "EUR",
    jurisdictions: [],
    productIds: [kit.id, serum.id],
  });
  const christmas = await saveCampaign(marketing, null, {
    name: "Coffrets de Noël",
    brief: "Gift boxes for the holidays.",
    startsOn: monthStart(HISTORY_MONTHS - 1),
    endsOn: onDay(monthStart(HISTORY_MONTHS - 2), 28),
    budget: 400000,
    currency: "EUR",
    jurisdictions: ["FR"],
    productIds: [serum.id],
  });
  const rentree = await saveCampaign(marketing, null, {
    name: "Rentrée gourmande",
    brief: "Back-to-school recipes, short and paid.",
    startsOn: monthStart(3),
    endsOn: onDay(monthStart(-1), 28),
    budget: 150000,
    currency: "EUR",
    jurisdictions: ["FR"],
    productIds: [kit.id],
  });

  const ambassadors = [
    "demo-001",
    "demo-012",
    "demo-006",
    "demo-013",
    "demo-005",
    "demo-014",
    "demo-015",
    "demo-016",
    "demo-009",
    "demo-017",
  ].map((key) => ids.get(key)!);
  const texts = {
    disclosed: ["Publicité — ", "#ad ", "Collaboration commerciale : ", "Publicité · "],
    weak: ["#partenariat ", "En partenariat avec la marque, "],
    hidden: ["", "Merci à la marque ! "],
  };
  for (let back = HISTORY_MONTHS - 1; back >= 0; back--) {
    const month = monthStart(back);
    // Disclosure improves over the year: early months often miss it, recent ones rarely do.
    const quality = (HISTORY_MONTHS - back) / HISTORY_MONTHS;
    const campaign = back >= HISTORY_MONTHS - 2 ? christmas : back === 2 || back === 3 ? rentree : programme;
    const pick = (offset: number) => ambassadors[(back * 3 + offset) % ambassadors.length];
    const gifted = [pick(0), pick(1)];
    const giftResult = await createGifts(back % 2 ? cm : cm2, {
      partnerIds: gifted,
      campaignId: campaign.id,
      productId: back % 2 ? kit.id : serum.id,
      quantity: 1,
      shipping: 690,
      currency: "EUR",
      requestedByPartner: false,
      status: "delivered",
      shippedOn: onDay(month, 4),
      deliveredOn: onDay(month, 7),
      overBudgetConfirmed: true,
    } as GiftBatchInput);
    const placementPartner = pick(2);
    const placement = await proposePlacement(cm, {
      partnerId: placementPartner,
      campaignId: campaign.id,
      title: back % 3 ? "Article + stories" : "Vidéo sponsorisée",
      fee: 40000 + ((back * 37) % 9) * 20000,
      currency: "EUR",
      agreedOn: onDay(month, 6),
      overBudgetConfirmed: true,
    } as PlacementInput);
    await approvePlacement(marketing, placement.id, WENT_AHEAD_WITHOUT_AGREEMENT);
    await setPlacementStatus(cm, placement.id, "contracted");
    await setPlacementStatus(cm, placement.id, "delivered");
    if (back > 0)
      await recordPayment(marketing, placement.id, {
        amount: String((40000 + ((back * 37) % 9) * 20000) / 100),
        paidOn: onDay(month, 25),
        invoiceRef: `FAC-${month.slice(0, 7)}-${back}`,
      });
    // Hugo costs every fourth month and never posts.
    if (back % 4 === 1) {
      const hugo = await proposePlacement(cm2, {
        partnerId: ids.get("demo-002")!,
        campaignId: programme.id,
        title: "Test produit (vidéo)",
        fee: 150000,
        currency: "EUR",
        agreedOn: onDay(month, 9),
        overBudgetConfirmed: true,
      } as PlacementInput);
      await approvePlacement(marketing, hugo.id, WENT_AHEAD_WITHOUT_AGREEMENT);
    }
    const posts: { partnerId: string; giftIds: string[]; placementIds: string[]; platform: string }[] = [
      { partnerId: gifted[0], giftIds: [giftResult.gifts[0].id], placementIds: [], platform: "instagram" },
      { partnerId: gifted[1], giftIds: [giftResult.gifts[1].id], placementIds: [], platform: back % 2 ? "blog" : "tiktok" },
      { partnerId: placementPartner, giftIds: [], placementIds: [placement.id], platform: "youtube" },
    ];
    for (const [n, post] of posts.entries()) {
      const roll = ((back * 7 + n * 5) % 10) / 10;
      const prefix = roll < quality * 0.9 ? texts.disclosed[(back + n) % 4] : roll < quality ? texts.weak[n % 2] : texts.hidden[n % 2];
      const impressions = 6000 + ((back * 1931 + n * 977) % 30000);
      const clicks = Math.round(impressions * (0.01 + n * 0.006));
      const conversions = Math.round(clicks * 0.05);
      const input = CoverageFormSchema.parse({
        partnerId: post.partnerId,
        url: `https://demo.partnerledger.example/history/${month.slice(0, 7)}/${n}`,
        platform: post.platform,
        publishedOn: onDay(month, 12 + n * 4),
        title: `${n === 2 ? "Vidéo" : "Post"} ${month.slice(0, 7)}`,
        text: `${prefix}Nos essais du mois avec la marque : recettes, avis et astuces.`,
        impressions: String(impressions),
        likes: String(Math.round(impressions * 0.04)),
        comments: String(Math.round(impressions * 0.004)),
        clicks: String(clicks),
        conversions: String(conversions),
        revenue: String(conversions * (28 + n * 6)),
        revenueCurrency: "EUR",
        paidOverride: "auto",
        giftedOverride: "auto",
        affiliateOverride: "auto",
        giftIds: post.giftIds,
        placementIds: post.placementIds,
      });
      const result = await createCoverage(cm, input);
      // Compliance works through part of the queue: older issues confirmed, the rest still open.
      const failing = result.checks.find((check) => check.result.verdict === "missing" || check.result.verdict === "insufficient");
      if (failing && back >= 4)
        await reviewCheck(compliance, {
          checkId: failing.checkId,
          decision: "confirmed_issue",
          note: "Mention absente ou trop faible : demander une correction.",
        });
    }
  }
}

async function createDemoPartners(actorId: string, list: DemoPartner[]) {
  const byEmail = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  for (const { channels, owner, ...partner } of list) {
    if (await db().partner.findUnique({ where: { externalId: partner.externalId }, select: { id: true } })) continue;
    const created = await createPartner(actorId, { ...partner, ownerId: byEmail.get(owner) });
    for (const { history, ...channel } of channels) {
      const [[firstDay, firstFollowers, firstRate], ...later] = history;
      const added = await addChannel(actorId, created.id, {
        ...channel,
        measuredOn: firstDay,
        followers: firstFollowers,
        engagementRate: firstRate,
      });
      for (const [measuredOn, followers, engagementRate] of later) {
        await recordMeasurement(actorId, added.id, { ...channel, measuredOn, followers, engagementRate });
      }
    }
  }
}

/** A message as a mail client would write it (the demo files it through the receiver's own code). */
function demoMail(headers: Record<string, string>, body: string) {
  const lines = Object.entries({ "MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8", ...headers }).map(
    ([k, v]) => `${k}: ${v}`,
  );
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body.replace(/\n/g, "\r\n")}\r\n`, "utf8");
}

/** Mail settings, templates, a thread with Léa whose reply answered a follow-up, and a message to triage. */
async function loadMail(adminId: string) {
  if (await db().mailMessage.findUnique({ where: { messageId: "demo-outreach-1@maison-verdure.fr" }, select: { id: true } })) return;
  await db().workspaceSettings.update({
    where: { id: 1 },
    data: {
      mailFromName: "Maison Verdure — Partenariats",
      mailFromAddress: "partenariats@maison-verdure.fr",
      mailReplyTo: "partenariats@maison-verdure.fr",
      inboundDomain: "crm.maison-verdure.fr",
      teamDomains: ["maison-verdure.fr"],
    },
  });
  await createTemplate(adminId, {
    name: "Premier contact",
    language: "fr",
    subject: "{{campaign}} : une idée pour vous, {{partnerName}}",
    body: "Bonjour {{partnerName}},\n\nNous préparons « {{campaign}} » et votre univers nous a tout de suite fait penser à vous. Nous aimerions vous offrir notre produit « {{gift}} », sans engagement de publication.\n\nSi l’idée vous plaît, dites-le-nous avant le {{dueDate}} ; votre espace partenaire est ici : {{portalLink}}\n\nBelle journée,\nL’équipe Maison Verdure",
  });
  await createTemplate(adminId, {
    name: "First contact",
    language: "en",
    subject: "{{campaign}}: an idea for you, {{partnerName}}",
    body: "Hello {{partnerName}},\n\nWe are preparing “{{campaign}}” and thought of you straight away. We would love to send you {{gift}}, with no obligation to post.\n\nIf you like the idea, let us know by {{dueDate}}. Your partner space: {{portalLink}}\n\nBest wishes,\nThe Maison Verdure team",
  });
  await createTemplate(adminId, {
    name: "Relance cadeau",
    language: "fr",
    subject: "Votre colis {{gift}} est bien arrivé ?",
    body: "Bonjour {{partnerName}},\n\nJuste un petit mot pour savoir si {{gift}} est bien arrivé et s’il vous plaît. Aucune obligation de publication, bien sûr !\n\nL’équipe Maison Verdure",
  });
  const lea = await db().partner.findUniqueOrThrow({ where: { externalId: "demo-001" }, select: { id: true } });
  const julien = await db().user.findUniqueOrThrow({ where: { email: "julien.moreau@example.com" }, select: { id: true } });
  await db().task.create({
    data: {
      partnerId: lea.id,
      title: "Relancer Léa pour le reel de Noël",
      dueOn: new Date("2026-11-27"),
      assigneeId: julien.id,
      createdById: julien.id,
      createdAt: new Date("2026-11-20T09:00:00Z"),
    },
  });
  await fileRawMessage(
    demoMail(
      {
        From: "Julien Moreau <julien.moreau@example.com>",
        To: "Léa Martin <lea@carnetsdelea.fr>",
        Bcc: "log+demo@crm.maison-verdure.fr",
        Subject: "=?UTF-8?Q?Un_reel_pour_No=C3=ABl_=3F?=",
        Date: "Fri, 20 Nov 2026 09:12:00 +0100",
        "Message-ID": "<demo-outreach-1@maison-verdure.fr>",
      },
      "Bonjour Léa,\n\nNous préparons notre coffret de Noël et nous aimerions beaucoup vous le confier pour un reel.\nSeriez-vous partante ? Nous pouvons l’envoyer à votre atelier de Lyon dès lundi.\n\nJulien",
    ),
    "imported",
  );
  await fileRawMessage(
    demoMail(
      {
        From: "Léa Martin <lea@carnetsdelea.fr>",
        To: "Julien Moreau <julien.moreau@example.com>",
        Cc: "log+demo@crm.maison-verdure.fr",
        Subject: "Re: Un reel pour =?UTF-8?Q?No=C3=ABl_=3F?=",
        Date: "Mon, 23 Nov 2026 18:40:00 +0100",
        "Message-ID": "<CAF-lea-reply-1@mail.carnetsdelea.fr>",
        "In-Reply-To": "<demo-outreach-1@maison-verdure.fr>",
        References: "<demo-outreach-1@maison-verdure.fr>",
      },
      "Bonjour Julien,\n\nAvec plaisir ! Envoyez-le à l’atelier, je tourne le reel le 6 décembre.\nJe mettrai bien « Publicité » en début de légende.\n\nLéa",
    ),
    "imported",
  );
  await fileRawMessage(
    demoMail(
      {
        From: "Nadia Benali <nadia@lespetitsplatsdenadia.fr>",
        To: "partenariats@maison-verdure.fr",
        Cc: "log+demo@crm.maison-verdure.fr",
        Subject: "Proposition de collaboration — recettes de saison",
        Date: "Thu, 26 Nov 2026 11:05:00 +0100",
        "Message-ID": "<nadia-intro-1@lespetitsplatsdenadia.fr>",
      },
      "Bonjour,\n\nJe tiens le blog « Les petits plats de Nadia » (42 000 abonnés sur Instagram). Vos produits zéro déchet correspondent bien à ma ligne éditoriale : seriez-vous ouverts à une collaboration pour mes recettes de décembre ?\n\nBien à vous,\nNadia Benali",
    ),
    "imported",
  );
}

/** A shop with orders (by code, by link, unmatched, one refunded), and Léa's link with its clicks. */
async function loadOrders(adminId: string) {
  if (await db().shop.findUnique({ where: { domain: "maison-verdure.myshopify.com" }, select: { id: true } })) return;
  const shop = await createShop(adminId, {
    platform: "shopify",
    name: "Maison Verdure",
    domain: "maison-verdure.myshopify.com",
    webhookSecret: "demo-signing-secret",
  });
  const lea = await db().partner.findUniqueOrThrow({ where: { externalId: "demo-001" }, select: { id: true } });
  const chloe = await db().partner.findUniqueOrThrow({ where: { externalId: "demo-006" }, select: { id: true } });
  await createPromoCode(adminId, lea.id, { code: "LEA10", shared: false });
  const link = await createTrackedLink(adminId, chloe.id, { destination: "https://maison-verdure.fr/coffret-noel" });
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  const day = (n: number) => new Date(daysAgo(n).toISOString().slice(0, 10) + "T00:00:00Z");
  // The code and the link were given before their first click and order (the audit trail keeps
  // the day the demo was loaded).
  await db().$executeRaw`UPDATE "PromoCode" SET "createdAt" = ${daysAgo(45)} WHERE "code" = 'LEA10' AND "partnerId" = ${lea.id}`;
  await db().$executeRaw`UPDATE "TrackedLink" SET "createdAt" = ${daysAgo(41)} WHERE "id" = ${link.id}`;
  for (let n = 1; n <= 40; n++) await db().linkClickDay.create({ data: { linkId: link.id, day: day(n), clicks: 3 + ((n * 7) % 11) } });
  const order = (id: number, ago: number, total: string, extra: Record<string, unknown> = {}) =>
    recordShopifyOrder(shop.id, {
      id: String(id),
      created_at: daysAgo(ago).toISOString(),
      currency: "EUR",
      total_price: total,
      discount_codes: [],
      landing_site: "/",
      financial_status: "paid",
      cancelled_at: null,
      refunds: [],
      ...extra,
    });
  await order(5001, 30, "64.90", { discount_codes: [{ code: "lea10" }] });
  await order(5002, 21, "39.00", { discount_codes: [{ code: "LEA10" }] });
  await order(5003, 12, "118.50", { discount_codes: [{ code: "LEA10" }] });
  await order(5004, 9, "49.90", {
    landing_site: `/products/coffret-noel?utm_source=partnerledger&utm_medium=influencer&utm_content=${link.code}`,
  });
  await order(5005, 4, "74.80", { landing_site: `/products/coffret-noel?utm_content=${link.code}` });
  await order(5006, 3, "22.00", { landing_site: "/?utm_source=newsletter" });
  await recordShopifyRefund(shop.id, {
    id: "9001",
    order_id: "5002",
    created_at: daysAgo(15).toISOString(),
    transactions: [{ amount: "39.00", kind: "refund", status: "success" }],
  });
}

const demoFeed = (items: { id: string; title: string; html: string; daysAgo: number }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Les Carnets de Léa</title><link>https://carnetsdelea.fr</link>
${items
  .map(
    (
      item,
    ) => `<item><title>${item.title}</title><link>https://demo.partnerledger.example/lea/${item.id}</link><guid isPermaLink="false">${item.id}</guid>
<pubDate>${new Date(Date.now() - item.daysAgo * 86_400_000).toUTCString()}</pubDate><content:encoded><![CDATA[${item.html}]]></content:encoded></item>`,
  )
  .join("\n")}
</channel></rss>`;

const demoPage = (paragraphs: string[]) =>
  Buffer.from(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ma cuisine zéro déchet</title></head><body><nav><a href="/">Accueil</a></nav><article><h1>Ma cuisine zéro déchet en 5 gestes</h1>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join("")}</article><footer>© Les Carnets de Léa</footer></body></html>`,
  );

/**
 * Léa's blog feed with two posts waiting for a decision (read through the same capture rules as a
 * real feed), and two snapshots of her article: the second lost its disclosure, so the item is
 * back in the compliance queue. No page is fetched: the documents are written here.
 */
async function loadFeeds() {
  await db().workspaceSettings.update({ where: { id: 1 }, data: { captureKeywords: ["Maison Verdure", "coffret de Noël"] } });
  await db().campaign.updateMany({ where: { name: "Coffrets de Noël" }, data: { keywords: ["#CoffretVerdure"] } });
  const channel = await db().channel.findFirst({
    where: { partner: { externalId: "demo-001" }, platform: "blog" },
    select: { id: true, url: true, partnerId: true, platform: true },
  });
  if (!channel || (await db().channelFeed.findFirst({ where: { channelId: channel.id } }))) return;
  const feed = await db().channelFeed.create({
    data: {
      channelId: channel.id,
      url: "https://carnetsdelea.fr/feed/",
      kind: "rss",
      lastOutcome: "ok",
      lastPolledAt: new Date(Date.now() - 20 * 60_000),
    },
  });
  const { posts } = readFeed(
    demoFeed([
      {
        id: "indispensables-hiver",
        title: "Mes indispensables de l’hiver",
        html: "<p>Le baume à lèvres, la bougie au cèdre et le sérum de Maison Verdure. Avec le code LEA10, -10 % jusqu’à dimanche.</p>",
        daysAgo: 2,
      },
      {
        id: "coffret-noel",
        title: "J’ai ouvert le coffret de Noël",
        html: "<p><strong>Publicité</strong> — coffret offert par la marque. #CoffretVerdure</p><p>Trois soins, une bougie et une carte écrite à la main.</p>",
        daysAgo: 1,
      },
      { id: "marche-lyon", title: "Le marché de Noël de Lyon", html: "<p>Vin chaud, marrons et guirlandes.</p>", daysAgo: 3 },
    ]),
  );
  await db().$transaction(async (tx) => {
    const { fresh, captured } = await captureNewPosts(tx, { ...feed, channel }, posts, { now: new Date(), firstRead: false });
    await tx.channelFeed.update({ where: { id: feed.id }, data: { entriesSeen: fresh, capturedCount: captured } });
  });
  const item = await db().coverageItem.findFirst({
    where: { url: "https://demo.partnerledger.example/lea/kit-zero-dechet" },
    include: { campaign: { select: { jurisdictions: true } } },
  });
  if (!item) return;
  const fetched = (paragraphs: string[], ago: number) => ({
    url: item.url,
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      server: "nginx",
      "last-modified": new Date(Date.now() - ago * 86_400_000).toUTCString(),
    },
    body: demoPage(paragraphs),
    redirects: [],
    fetchedAt: new Date(Date.now() - ago * 86_400_000),
  });
  await recordSnapshot(
    item,
    fetched(
      [
        "Publicité — article réalisé en collaboration commerciale avec la marque.",
        "Depuis un mois, le kit zéro déchet a remplacé le film plastique…",
      ],
      14,
    ),
    null,
  );
  await recordSnapshot(
    item,
    fetched(["Depuis un mois, le kit zéro déchet a remplacé le film plastique…", "Mes adresses préférées sont en bas de page."], 1),
    null,
  );
}

/** Loads (or tops up) the demo workspace into the connected database. */
export async function loadDemoWorkspace() {
  await loadTeam();
  const admin = await db().user.findUniqueOrThrow({ where: { email: team[0].email }, select: { id: true } });
  // The brand partners see in the portal and on their agreements.
  await db().workspaceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, brandName: "Maison Verdure" },
    update: { brandName: "Maison Verdure" },
  });
  await loadPartners(admin.id);
  await loadSpend(admin.id);
  await loadCoverage();
  await loadHistory(admin.id);
  await loadPortalContent();
  await loadMail(admin.id);
  await loadOrders(admin.id);
  await loadFeeds();
  return { team, partnerCount: partners.length + laterPartners.length };
}
