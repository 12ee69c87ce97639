/**
 * A large, realistic-looking data set for benchmarks: partners with channels and their history,
 * and outreach entries. Deterministic for a given seed. Inserted in batches with createMany.
 */
import { buildSearchText } from "../domain/partners";
import { partnerKinds, partnerStages, platforms } from "../domain/partners";
import { db } from "../utils/db.server";

export interface DatasetSize {
  partners: number;
  channels: number;
  interactions: number;
}

export const BENCH_SIZE: DatasetSize = { partners: 20_000, channels: 40_000, interactions: 100_000 };

/** A small, fast pseudo-random generator so runs are comparable. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const firstNames = ["Léa", "Hugo", "Camille", "Inès", "Thomas", "Emma", "Lucas", "Chloé", "Nathan", "Manon", "Emily", "Jake", "Lena", "Sofia", "Noah", "Mila", "Jules", "Zoé", "Louis", "Sarah"];
const lastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Carter", "Schneider", "Rossi", "Nguyen", "Girard", "Fabre", "Benali", "Morel"];
const topics = ["cuisine", "mode", "beauté", "voyage", "tech", "famille", "sport", "déco", "jardin", "gaming", "musique", "livres", "bien-être", "auto", "finance"];
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
  for (const channel of channels) handlesByPartner.set(channel.partnerId, [...(handlesByPartner.get(channel.partnerId) ?? []), channel.handle]);
  for (const partner of partners) {
    partner.searchText = buildSearchText(partner, (handlesByPartner.get(partner.id) ?? []).map((handle) => ({ handle })));
  }

  onStep?.(`inserting ${partners.length} partners`);
  await insertInBatches(partners, (batch) => db().partner.createMany({ data: batch }));
  onStep?.(`inserting ${channels.length} channels and their measurements`);
  await insertInBatches(channels, (batch) => db().channel.createMany({ data: batch }));
  await insertInBatches(channels, (batch) =>
    db().channelMeasurement.createMany({ data: batch.map((c) => ({ channelId: c.id, measuredOn: c.measuredOn, followers: c.followers, engagementRate: c.engagementRate })) }),
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
  return { partnerIds: partners.map((p) => p.id), sampleTag: partners[0].tags[0] };
}
