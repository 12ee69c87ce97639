/**
 * Turns a partner CSV into a plan: one entry per partner (rows sharing a key are one partner
 * with several channels), and the rows rejected, each error naming its line and column.
 * Pure: the model decides what is new, updated, unchanged or a duplicate.
 */
import { parseCsvDate, type CsvTable } from "./csv";
import { parseDecimal, parseInteger } from "./numbers";
import { httpUrl, parseTags, partnerKinds, partnerStages, platforms, type ChannelInput, type PartnerInput } from "./partners";

export const partnerCsvColumns = [
  "external_id",
  "name",
  "kind",
  "email",
  "website",
  "country",
  "language",
  "stage",
  "owner_email",
  "tags",
  "notes",
  "platform",
  "handle",
  "url",
  "followers",
  "engagement_rate",
  "measured_on",
] as const;

export interface ImportError {
  line: number;
  column: string | null;
  messageKey: string;
  value?: string;
}

export interface PlannedPartner {
  key: string;
  lines: number[];
  partner: PartnerInput & { externalId?: string };
  ownerEmail?: string;
  channels: ChannelInput[];
}

export interface ImportPlan {
  partners: PlannedPartner[];
  errors: ImportError[];
  rowCount: number;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The partner key: external_id, else email, else the name without regard to case. */
export function partnerKey(values: { external_id?: string; email?: string; name?: string }): string {
  if (values.external_id) return `id:${values.external_id}`;
  if (values.email) return `email:${values.email.toLowerCase()}`;
  return `name:${(values.name ?? "").toLowerCase()}`;
}

export function planPartnerImport(table: CsvTable): ImportPlan {
  const errors: ImportError[] = [];
  if (!table.header.includes("name")) {
    return { partners: [], errors: [{ line: 1, column: "name", messageKey: "import.missingColumn" }], rowCount: table.rows.length };
  }
  const byKey = new Map<string, PlannedPartner>();
  for (const { line, values } of table.rows) {
    const rowErrors: ImportError[] = [];
    const fail = (column: string, messageKey: string) => rowErrors.push({ line, column, messageKey, value: values[column] });
    const text = (column: string) => values[column] || undefined;

    const name = text("name");
    if (!name) fail("name", "errors.required");
    else if (name.length > 200) fail("name", "errors.tooLong");
    const kind = (text("kind") ?? "other").toLowerCase();
    if (!(partnerKinds as readonly string[]).includes(kind)) fail("kind", "import.unknownKind");
    const stage = (text("stage") ?? "prospect").toLowerCase().replace(/[\s-]+/g, "_");
    if (!(partnerStages as readonly string[]).includes(stage)) fail("stage", "import.unknownStage");
    const email = text("email")?.toLowerCase();
    if (email && !emailPattern.test(email)) fail("email", "errors.invalidEmail");
    const websiteText = text("website");
    const websiteParsed = websiteText ? httpUrl.safeParse(websiteText) : null;
    if (websiteParsed && !websiteParsed.success) fail("website", "errors.invalidUrl");
    const website = websiteParsed?.success ? websiteParsed.data : undefined;
    const country = text("country")?.toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country)) fail("country", "errors.invalidCountry");
    const language = text("language")?.toLowerCase();
    if (language && !/^[a-z]{2}$/.test(language)) fail("language", "errors.invalidLanguage");
    const ownerEmail = text("owner_email")?.toLowerCase();
    if (ownerEmail && !emailPattern.test(ownerEmail)) fail("owner_email", "errors.invalidEmail");

    let channel: ChannelInput | undefined;
    const platform = text("platform")?.toLowerCase();
    if (platform) {
      if (!(platforms as readonly string[]).includes(platform)) fail("platform", "import.unknownPlatform");
      const urlText = text("url");
      const urlParsed = urlText ? httpUrl.safeParse(urlText) : null;
      if (urlParsed && !urlParsed.success) fail("url", "errors.invalidUrl");
      const url = urlParsed?.success ? urlParsed.data : undefined;
      const followersText = text("followers");
      const followers = followersText ? parseInteger(followersText) : undefined;
      if (followers === null) fail("followers", "errors.invalidNumber");
      else if (followers !== undefined && followers < 0) fail("followers", "errors.negative");
      const rateText = text("engagement_rate");
      const engagementRate = rateText ? parseDecimal(rateText) : undefined;
      if (engagementRate === null) fail("engagement_rate", "errors.invalidNumber");
      else if (engagementRate !== undefined && (engagementRate < 0 || engagementRate > 100)) fail("engagement_rate", engagementRate < 0 ? "errors.negative" : "errors.percentOver100");
      const measuredText = text("measured_on");
      const measuredOn = measuredText ? parseCsvDate(measuredText) : undefined;
      if (measuredOn === null) fail("measured_on", "errors.invalidDate");
      channel = {
        platform: platform as ChannelInput["platform"],
        handle: text("handle"),
        url,
        followers: followers ?? undefined,
        engagementRate: engagementRate ?? undefined,
        measuredOn: measuredOn ?? undefined,
      };
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const key = partnerKey({ external_id: text("external_id"), email, name });
    const existing = byKey.get(key);
    if (existing) {
      existing.lines.push(line);
      if (channel) existing.channels.push(channel);
      continue;
    }
    byKey.set(key, {
      key,
      lines: [line],
      ownerEmail,
      partner: {
        externalId: text("external_id"),
        name: name!,
        kind: kind as PartnerInput["kind"],
        email,
        website,
        country,
        language,
        stage: stage as PartnerInput["stage"],
        tags: parseTags(values.tags ?? ""),
        notes: text("notes"),
      },
      channels: channel ? [channel] : [],
    });
  }
  return { partners: [...byKey.values()], errors, rowCount: table.rows.length };
}
