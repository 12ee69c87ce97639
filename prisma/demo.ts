/**
 * npm run demo: loads a realistic workspace into the current database (PGlite by default,
 * PostgreSQL with DATABASE_URL). Safe to run twice: it updates what it created before.
 * Each later feature adds its own step here (partners, campaigns, gifts, coverage…).
 */
import { addChannel, createPartner, recordMeasurement } from "../app/models/partner.server";
import type { ChannelInput, PartnerInput } from "../app/domain/partners";
import { recordAudit } from "../app/utils/audit.server";
import { runCli, withCliDatabase } from "../app/cli/database";
import { db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";
import type { Role } from "../app/utils/permissions";

export const DEMO_PASSWORD = "partnerledger-demo";

const team: { name: string; email: string; role: Role; locale: "en" | "fr" | null }[] = [
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
        update: { name: member.name, role: member.role, locale: member.locale, disabledAt: null, password: { upsert: { create: { hash }, update: { hash } } } },
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
  channels: (Pick<ChannelInput, "platform" | "handle" | "url" | "countries" | "ages" | "genders"> & { history: [string, number, number?][] })[];
};

const partners: DemoPartner[] = [
  { externalId: "demo-001", name: "Léa Martin — Les Carnets de Léa", kind: "blogger", email: "lea@carnetsdelea.fr", website: "https://carnetsdelea.fr", country: "FR", language: "fr", stage: "active", owner: "julien.moreau@example.com", tags: ["cuisine", "lyon", "zéro déchet"], notes: "Prefers products sent to her Lyon studio. Publishes on Sundays.",
    channels: [
      { platform: "blog", url: "https://carnetsdelea.fr", history: [["2026-06-01", 18000], ["2026-09-01", 19500]] },
      { platform: "instagram", handle: "@carnetsdelea", url: "https://www.instagram.com/carnetsdelea", countries: { FR: 78, BE: 9, CH: 6 }, ages: { "18-24": 22, "25-34": 48, "35-44": 20 }, genders: { female: 81, male: 18 }, history: [["2026-05-01", 41200, 3.4], ["2026-07-01", 43900, 3.1], ["2026-09-15", 46300, 3.3]] },
    ] },
  { externalId: "demo-002", name: "Hugo Lefèvre", kind: "influencer", email: "contact@hugolefevre.fr", country: "FR", language: "fr", stage: "negotiating", owner: "julien.moreau@example.com", tags: ["tech", "paris"],
    channels: [
      { platform: "youtube", handle: "@HugoTeste", url: "https://www.youtube.com/@HugoTeste", history: [["2026-04-01", 212000, 2.1], ["2026-08-01", 238000, 1.9]] },
      { platform: "tiktok", handle: "@hugo.teste", history: [["2026-08-01", 96000, 6.2]] },
    ] },
  { externalId: "demo-003", name: "Camille Rousseau — Mode & Merveilles", kind: "blogger", email: "camille@modeetmerveilles.fr", website: "https://modeetmerveilles.fr", country: "FR", language: "fr", stage: "contacted", owner: "sofia.rossi@example.com", tags: ["mode", "bordeaux"],
    channels: [{ platform: "instagram", handle: "@modeetmerveilles", history: [["2026-08-20", 15800, 2.7], ["2026-09-10", 24100, 0.4]] }] },
  { externalId: "demo-004", name: "Margaux Petit", kind: "journalist", email: "m.petit@example-presse.fr", country: "FR", language: "fr", stage: "prospect", owner: "julien.moreau@example.com", tags: ["presse", "beauté"], notes: "Beauty editor; likes exclusives, never posts sponsored content.", channels: [] },
  { externalId: "demo-005", name: "Thomas Dubois — Le Podcast du Goût", kind: "podcaster", email: "thomas@podcastdugout.fr", website: "https://podcastdugout.fr", country: "FR", language: "fr", stage: "active", owner: "sofia.rossi@example.com", tags: ["cuisine", "podcast"],
    channels: [{ platform: "podcast", url: "https://podcastdugout.fr", history: [["2026-03-01", 8200], ["2026-09-01", 9100]] }] },
  { externalId: "demo-006", name: "Inès Benali", kind: "influencer", email: "ines.benali@example.com", country: "BE", language: "fr", stage: "active", owner: "sofia.rossi@example.com", tags: ["beauté", "bruxelles"],
    channels: [{ platform: "instagram", handle: "@ines.beaute", countries: { BE: 52, FR: 38 }, history: [["2026-06-01", 128000, 1.6], ["2026-09-01", 131500, 1.5]] }] },
  { externalId: "demo-007", name: "Noémie Girard", kind: "influencer", email: "noemie@example.ch", country: "CH", language: "fr", stage: "paused", owner: "julien.moreau@example.com", tags: ["voyage", "montagne"], riskNotes: "2025: undisclosed sponsored post flagged by a consumer group. Check disclosures closely.",
    channels: [{ platform: "instagram", handle: "@noemie.sommets", history: [["2026-02-01", 67000, 2.2], ["2026-08-01", 69800, 2.0]] }] },
  { externalId: "demo-008", name: "Julien Fabre", kind: "blogger", email: "julien@example-bricolage.fr", website: "https://example-bricolage.fr", country: "FR", language: "fr", stage: "do_not_contact", owner: "sofia.rossi@example.com", tags: ["bricolage"], riskNotes: "Asked not to be contacted again (June 2026).",
    channels: [{ platform: "blog", url: "https://example-bricolage.fr", history: [["2026-01-01", 5400]] }] },
  { externalId: "demo-009", name: "Emily Carter", kind: "influencer", email: "emily@example.co.uk", country: "GB", language: "en", stage: "active", owner: "sofia.rossi@example.com", tags: ["beauty", "london"],
    channels: [
      { platform: "instagram", handle: "@emilycarterbeauty", countries: { GB: 64, US: 14, IE: 7 }, history: [["2026-05-01", 310000, 1.4], ["2026-09-01", 322000, 1.3]] },
      { platform: "youtube", handle: "@EmilyCarter", history: [["2026-09-01", 145000, 2.6]] },
    ] },
  { externalId: "demo-010", name: "Jake Morrison", kind: "influencer", email: "jake@example.com", country: "US", language: "en", stage: "prospect", owner: "sofia.rossi@example.com", tags: ["tech", "gaming"],
    channels: [{ platform: "twitch", handle: "jakeplays", history: [["2026-09-01", 54000, 4.8]] }, { platform: "x", handle: "@jakeplays", history: [["2026-09-01", 21000, 0.9]] }] },
  { externalId: "demo-011", name: "Lena Schneider", kind: "blogger", email: "lena@example.de", website: "https://lena-kocht.example.de", country: "DE", language: "de", stage: "contacted", owner: "julien.moreau@example.com", tags: ["cuisine", "berlin"],
    channels: [{ platform: "blog", url: "https://lena-kocht.example.de", history: [["2026-07-01", 12000]] }, { platform: "pinterest", handle: "lenakocht", history: [["2026-07-01", 33000, 0.8]] }] },
  { externalId: "demo-012", name: "Sarah Nguyen — Petite Plume", kind: "blogger", email: "sarah@petiteplume.fr", website: "https://petiteplume.fr", country: "FR", language: "fr", stage: "active", owner: "julien.moreau@example.com", tags: ["famille", "nantes"],
    channels: [{ platform: "newsletter", url: "https://petiteplume.fr/lettre", history: [["2026-04-01", 6100], ["2026-09-01", 7400]] }, { platform: "instagram", handle: "@petiteplume", history: [["2026-09-01", 18900, 4.1]] }] },
];

async function loadPartners(actorId: string) {
  const byEmail = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  for (const { channels, owner, ...partner } of partners) {
    if (await db().partner.findUnique({ where: { externalId: partner.externalId }, select: { id: true } })) continue;
    const created = await createPartner(actorId, { ...partner, ownerId: byEmail.get(owner) });
    for (const { history, ...channel } of channels) {
      const [[firstDay, firstFollowers, firstRate], ...later] = history;
      const added = await addChannel(actorId, created.id, { ...channel, measuredOn: firstDay, followers: firstFollowers, engagementRate: firstRate });
      for (const [measuredOn, followers, engagementRate] of later) {
        await recordMeasurement(actorId, added.id, { ...channel, measuredOn, followers, engagementRate });
      }
    }
  }
}

runCli(async () =>
  withCliDatabase(async (database) => {
    await loadTeam();
    const admin = await db().user.findUniqueOrThrow({ where: { email: team[0].email }, select: { id: true } });
    await loadPartners(admin.id);
    const port = process.env.PORT || "3000";
    console.log(`Demo workspace loaded into ${database}: ${team.length} users, ${partners.length} partners.`);
    console.log(`Start the app (npm start), open http://localhost:${port} and sign in with any of these, password "${DEMO_PASSWORD}":`);
    for (const member of team) console.log(`  ${member.role.padEnd(10)} ${member.email}  (${member.name})`);
    return 0;
  }),
);
