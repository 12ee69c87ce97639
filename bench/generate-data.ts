/**
 * A large, realistic-looking data set for benchmarks: partners with channels and their history,
 * outreach entries, gifts, placements, and coverage with its disclosure checks. Deterministic for a given seed. Inserted in batches with createMany.
 */
import { buildSearchText } from "../app/features/partners/partners";
import { partnerKinds, partnerStages, platforms } from "../app/features/partners/partner-terms";
import type { Prisma } from "../app/generated/prisma/client";
import { checkContext, checksFor } from "../app/features/compliance/disclosure.server";
import { db } from "../app/utils/db.server";

export interface DatasetSize {
  partners: number;
  channels: number;
  interactions: number;
  gifts?: number;
  placements?: number;
  coverage?: number;
}

export const BENCH_SIZE: DatasetSize = {
  partners: 20_000,
  channels: 40_000,
  interactions: 100_000,
  gifts: 60_000,
  placements: 20_000,
  coverage: 200_000,
};

/** A small, fast pseudo-random generator so runs are comparable. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const firstNames = [
  "Léa",
  "Hugo",
  "Camille",
  "Inès",
  "Thomas",
  "Emma",
  "Lucas",
  "Chloé",
  "Nathan",
  "Manon",
  "Emily",
  "Jake",
  "Lena",
  "Sofia",
  "Noah",
  "Mila",
  "Jules",
  "Zoé",
  "Louis",
  "Sarah",
];
const lastNames = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Carter",
  "Schneider",
  "Rossi",
  "Nguyen",
  "Girard",
  "Fabre",
  "Benali",
  "Morel",
];
const topics = [
  "cuisine",
  "mode",
  "beauté",
  "voyage",
  "tech",
  "famille",
  "sport",
  "déco",
  "jardin",
  "gaming",
  "musique",
  "livres",
  "bien-être",
  "auto",
  "finance",
];
const cities = ["paris", "lyon", "marseille", "bordeaux", "lille", "nantes", "bruxelles", "genève", "london", "berlin"];
const countries = ["FR", "FR", "FR", "FR", "BE", "CH", "GB", "DE", "US", "CA", "ES", "IT"];
const languageOf: Record<string, string> = { FR: "fr", BE: "fr", CH: "fr", CA: "fr", GB: "en", US: "en", DE: "de", ES: "es", IT: "it" };

const BATCH = 2_000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function generateDataset(size: DatasetSize, seed = 42, onStep?: (message: string) => void) {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const users = await db().user.findMany({ select: { id: true } });
  if (users.length === 0) throw new Error("Create at least one user first (npm run demo).");
  const stamp = Date.now().toString(36);

  const partners = Array.from({ length: size.partners }, (_, i) => {
    const country = pick(countries);
    const name = `${pick(firstNames)} ${pick(lastNames)} ${i}`;
    const tags = [...new Set([pick(topics), pick(topics), pick(cities)])];
    return {
      id: `gen-${stamp}-p${i}`,
      externalId: `GEN-${stamp}-${i}`,
      name,
      kind: pick(partnerKinds),
      email: `partner${i}.${stamp}@example.com`,
      country,
      language: languageOf[country],
      stage: pick(partnerStages),
      ownerId: pick(users).id,
      tags,
      totalFollowers: 0,
      searchText: "",
    };
  });
  const channels = Array.from({ length: size.channels }, (_, i) => {
    const partner = partners[i % partners.length];
    const followers = Math.round(500 * Math.exp(rand() * 8));
    partner.totalFollowers += followers;
    return {
      id: `gen-${stamp}-c${i}`,
      partnerId: partner.id,
      platform: pick(platforms),
      handle: `@${partner.name.toLowerCase().replace(/[^a-z0-9]+/g, "")}${i}`,
      handleKey: `${partner.name.toLowerCase().replace(/[^a-z0-9]+/g, "")}${i}`,
      followers,
      engagementRate: Math.round(rand() * 800) / 100,
      measuredOn: new Date(Date.UTC(2026, Math.floor(rand() * 10), 1 + Math.floor(rand() * 27))),
    };
  });
  const handlesByPartner = new Map<string, string[]>();
  for (const channel of channels)
    handlesByPartner.set(channel.partnerId, [...(handlesByPartner.get(channel.partnerId) ?? []), channel.handle]);
  for (const partner of partners) {
    partner.searchText = buildSearchText(
      partner,
      (handlesByPartner.get(partner.id) ?? []).map((handle) => ({ handle })),
    );
  }

  onStep?.(`inserting ${partners.length} partners`);
  await insertInBatches(partners, (batch) => db().partner.createMany({ data: batch }));
  onStep?.(`inserting ${channels.length} channels and their measurements`);
  await insertInBatches(channels, (batch) => db().channel.createMany({ data: batch }));
  await insertInBatches(channels, (batch) =>
    db().channelMeasurement.createMany({
      data: batch.map((c) => ({ channelId: c.id, measuredOn: c.measuredOn, followers: c.followers, engagementRate: c.engagementRate })),
    }),
  );
  onStep?.(`inserting ${size.interactions} outreach entries`);
  const types = ["email", "dm", "call", "meeting", "note"] as const;
  const interactions = Array.from({ length: size.interactions }, (_, i) => {
    const type = pick(types);
    return {
      partnerId: partners[Math.floor(rand() * partners.length)].id,
      type,
      direction: type === "note" ? null : rand() < 0.5 ? ("inbound" as const) : ("outbound" as const),
      subject: `Message ${i}`,
      body: "Bonjour, merci pour votre retour. Voici les informations sur la campagne de printemps.",
      occurredAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 3 * 365 * 86_400_000)),
      authorId: pick(users).id,
    };
  });
  await insertInBatches(interactions, (batch) => db().interaction.createMany({ data: batch }));
  const spend = size.gifts || size.placements ? await generateSpend(size, stamp, partners, users, rand, onStep) : null;
  if (size.coverage && spend) await generateCoverage(size.coverage, stamp, spend, users, rand, onStep);
  return { partnerIds: partners.map((p) => p.id), sampleTag: partners[0].tags[0] };
}

/** Most spend is in euros; some in dollars, pounds and francs (with monthly rates), and a little in kronor with no rate at all. */
const currencies = [
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "EUR",
  "SEK",
];
const rateOf: Record<string, number> = { USD: 0.92, GBP: 1.17, CHF: 1.04 };
const THREE_YEARS_DAYS = 3 * 365;

/** Products, campaigns, exchange rates, gifts over three years, and placements with their payments. */
async function generateSpend(
  size: DatasetSize,
  stamp: string,
  partners: { id: string }[],
  users: { id: string }[],
  rand: () => number,
  onStep?: (message: string) => void,
) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const start = Date.UTC(new Date().getUTCFullYear() - 3, new Date().getUTCMonth(), 1);
  const dayAt = (offset: number) => new Date(start + Math.min(offset, THREE_YEARS_DAYS) * 86_400_000);
  const randomDay = () => dayAt(Math.floor(rand() * THREE_YEARS_DAYS));
  onStep?.("inserting products, campaigns and monthly exchange rates");
  const products = Array.from({ length: 100 }, (_, i) => ({
    id: `gen-${stamp}-pr${i}`,
    name: `Product ${i}`,
    sku: `GEN-${stamp}-${i}`,
    unitCostMinor: 500 + Math.floor(rand() * 20_000),
    retailMinor: null as number | null,
    currency: "EUR",
  }));
  for (const product of products) product.retailMinor = Math.round(product.unitCostMinor * (2 + rand()));
  await db().product.createMany({ data: products });
  const campaigns = Array.from({ length: 60 }, (_, i) => {
    const startsOn = randomDay();
    return {
      id: `gen-${stamp}-cp${i}`,
      name: `Campaign ${stamp} ${i}`,
      startsOn,
      endsOn: new Date(startsOn.getTime() + 60 * 86_400_000),
      budgetMinor: 1_000_000 + Math.floor(rand() * 20_000_000),
      currency: "EUR",
      jurisdictions: [pick(["FR", "US", "UK", "DE"])],
    };
  });
  await db().campaign.createMany({ data: campaigns });
  const rates = Object.entries(rateOf).flatMap(([currency, base]) =>
    Array.from({ length: 37 }, (_, month) => ({
      baseCurrency: currency,
      quoteCurrency: "EUR",
      rate: (base * (0.95 + rand() * 0.1)).toFixed(6),
      validOn: new Date(Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + month, 1)),
      minorUnitShift: 0,
    })),
  );
  await db().exchangeRate.createMany({ data: rates, skipDuplicates: true });

  const giftStatuses = ["planned", "shipped", "shipped", "delivered", "delivered", "delivered", "returned", "cancelled"] as const;
  onStep?.(`inserting ${size.gifts ?? 0} gifts`);
  const gifts = Array.from({ length: size.gifts ?? 0 }, (_, i) => {
    const product = pick(products);
    const status = pick(giftStatuses);
    const shippedOn = status === "planned" ? null : randomDay();
    const currency = pick(currencies);
    return {
      id: `gen-${stamp}-g${i}`,
      partnerId: pick(partners).id,
      campaignId: rand() < 0.6 ? pick(campaigns).id : null,
      productId: currency === "EUR" ? product.id : null,
      itemName: product.name,
      quantity: 1 + Math.floor(rand() * 3),
      unitCostMinor: product.unitCostMinor,
      unitRetailMinor: currency === "EUR" ? product.retailMinor : null,
      shippingMinor: Math.floor(rand() * 1500),
      currency,
      status,
      shippedOn,
      deliveredOn: status === "delivered" && shippedOn ? new Date(shippedOn.getTime() + 3 * 86_400_000) : null,
      createdById: pick(users).id,
    };
  });
  await insertInBatches(gifts, (batch) => db().gift.createMany({ data: batch }));

  const placementStatuses = ["proposed", "approved", "contracted", "delivered", "paid", "paid", "paid", "cancelled"] as const;
  onStep?.(`inserting ${size.placements ?? 0} placements and their payments`);
  const payments: { placementId: string; amountMinor: number; paidOn: Date }[] = [];
  const placements = Array.from({ length: size.placements ?? 0 }, (_, i) => {
    const status = pick(placementStatuses);
    const agreedOn = randomDay();
    const feeMinor = 10_000 * (5 + Math.floor(rand() * 300));
    const id = `gen-${stamp}-pl${i}`;
    if (status === "paid") {
      payments.push({ placementId: id, amountMinor: feeMinor / 2, paidOn: new Date(agreedOn.getTime() + 10 * 86_400_000) });
      payments.push({ placementId: id, amountMinor: feeMinor / 2, paidOn: new Date(agreedOn.getTime() + 40 * 86_400_000) });
    } else if (status === "delivered" || status === "contracted") {
      payments.push({ placementId: id, amountMinor: feeMinor / 2, paidOn: new Date(agreedOn.getTime() + 10 * 86_400_000) });
    }
    return {
      id,
      partnerId: pick(partners).id,
      campaignId: rand() < 0.7 ? pick(campaigns).id : null,
      title: `Sponsored post ${i}`,
      feeMinor,
      currency: pick(currencies),
      agreedOn,
      status,
      proposedById: pick(users).id,
    };
  });
  await insertInBatches(placements, (batch) => db().placement.createMany({ data: batch }));
  await insertInBatches(payments, (batch) => db().payment.createMany({ data: batch }));
  return { gifts, placements, campaigns };
}

/** Captions whose disclosures range from clear to absent, so every verdict and reason shows up. */
const captionStarts = [
  "Publicité — ",
  "#ad ",
  "Anzeige: ",
  "Collaboration commerciale avec la marque. ",
  "",
  "",
  "Merci à la marque ! #collab ",
  "sp ",
];
const captionBodies = [
  "Ma routine du soir avec ce sérum, après trois semaines d'essai : la peau est plus douce et le teint plus lumineux.",
  "Recette de saison : velouté de potimarron et ses graines grillées, zéro déchet de la cuisine à l'assiette.",
  "Week-end à Lyon : trois adresses où bruncher, une librairie et un marché couvert à ne pas manquer.",
  "Unboxing of the new limited edition set and first impressions after a week of daily use.",
];
const captionEnds = ["", "", " #publicité", " #beauty #skincare #routine #ad", " #food #recette #zerodechet", " Lien en bio."];

/** Coverage over three years, most of it following a gift or a placement, checked by the real checker. */
async function generateCoverage(
  count: number,
  stamp: string,
  spend: {
    gifts: { id: string; partnerId: string; campaignId: string | null; shippedOn: Date | null }[];
    placements: { id: string; partnerId: string; campaignId: string | null; agreedOn: Date }[];
    campaigns: { id: string; jurisdictions: string[] }[];
  },
  users: { id: string }[],
  rand: () => number,
  onStep?: (message: string) => void,
) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const jurisdictionsOf = new Map(spend.campaigns.map((c) => [c.id, c.jurisdictions]));
  const context = await checkContext();
  onStep?.(`inserting ${count} coverage items with their metrics and disclosure checks`);
  const coveragePlatforms = [
    "instagram",
    "instagram",
    "instagram",
    "tiktok",
    "youtube",
    "blog",
    "blog",
    "facebook",
    "x",
    "podcast",
    "newsletter",
    "pinterest",
  ] as const;
  for (let offset = 0; offset < count; offset += BATCH) {
    const items: Prisma.CoverageItemCreateManyInput[] = [];
    const giftLinks: Prisma.CoverageGiftCreateManyInput[] = [];
    const placementLinks: Prisma.CoveragePlacementCreateManyInput[] = [];
    const metrics: Prisma.CoverageMetricsCreateManyInput[] = [];
    const checks: Prisma.DisclosureCheckCreateManyInput[] = [];
    for (let i = offset; i < Math.min(count, offset + BATCH); i++) {
      const roll = rand();
      const gift = roll < 0.6 ? pick(spend.gifts) : null;
      const placement = !gift && roll < 0.85 ? pick(spend.placements) : null;
      const partnerId = gift?.partnerId ?? placement?.partnerId ?? pick(spend.gifts).partnerId;
      const campaignId = gift?.campaignId ?? placement?.campaignId ?? null;
      const anchor = gift?.shippedOn ?? placement?.agreedOn ?? new Date(Date.now() - Math.floor(rand() * 3 * 365) * 86_400_000);
      const publishedOn = new Date(Math.min(Date.now(), anchor.getTime() + Math.floor(rand() * 45) * 86_400_000));
      publishedOn.setUTCHours(0, 0, 0, 0);
      const platform = pick(coveragePlatforms);
      const impressions = rand() < 0.8 ? Math.round(200 * Math.exp(rand() * 8)) : null;
      const clicks = impressions === null || rand() < 0.5 ? null : Math.round(impressions * 0.01);
      // Tracked links report sales on about a third of the posts that report clicks.
      const conversions = clicks === null || rand() < 0.65 ? null : Math.round(clicks * (0.01 + rand() * 0.04));
      const item = {
        id: `gen-${stamp}-cv${i}`,
        partnerId,
        campaignId,
        url: `https://example.com/${platform}/${stamp}/${i}`,
        platform,
        publishedOn,
        title: rand() < 0.3 ? `Post ${i}` : null,
        text: `${pick(captionStarts)}${pick(captionBodies)}${pick(captionEnds)}`,
        paid: Boolean(placement),
        gifted: Boolean(gift),
        affiliate: !gift && !placement && rand() < 0.3,
        platformLabel: rand() < 0.2,
        imagesRetouched: rand() < 0.05,
        imagesVirtual: false,
        impressions,
        reach: impressions === null ? null : Math.round(impressions * 0.7),
        likes: impressions === null ? null : Math.round(impressions * 0.04),
        comments: impressions === null ? null : Math.round(impressions * 0.004),
        clicks,
        conversions,
        revenueMinor: conversions === null ? null : conversions * (1500 + Math.floor(rand() * 6500)),
        revenueCurrency: conversions === null ? null : "EUR",
        metricsOn: impressions === null ? null : publishedOn,
        createdById: pick(users).id,
      };
      items.push(item);
      if (gift) giftLinks.push({ coverageItemId: item.id, giftId: gift.id });
      if (placement) placementLinks.push({ coverageItemId: item.id, placementId: placement.id });
      if (impressions !== null)
        metrics.push({
          coverageItemId: item.id,
          measuredOn: publishedOn,
          impressions,
          reach: item.reach,
          likes: item.likes,
          comments: item.comments,
          clicks: item.clicks,
          conversions: item.conversions,
          revenueMinor: item.revenueMinor,
          revenueCurrency: item.revenueCurrency,
          recordedById: item.createdById,
        });
      for (const { row } of checksFor({ ...item, jurisdiction: null }, campaignId ? jurisdictionsOf.get(campaignId) : null, context)) {
        // A third of the failing checks have been decided already.
        const decided = row.needsReview && rand() < 0.33 ? pick(["confirmed_issue", "false_positive"] as const) : null;
        checks.push({ ...row, needsReview: row.needsReview && !decided, reviewDecision: decided });
      }
    }
    await db().coverageItem.createMany({ data: items });
    await db().coverageGift.createMany({ data: giftLinks });
    await db().coveragePlacement.createMany({ data: placementLinks });
    await db().coverageMetrics.createMany({ data: metrics });
    await db().disclosureCheck.createMany({ data: checks });
  }
}
