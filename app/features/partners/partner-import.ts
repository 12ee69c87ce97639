/**
 * Turns a partner CSV into a plan: one entry per partner (rows sharing a key are one partner
 * with several channels), and the rows rejected, each error naming its line and column.
 * Pure: the model decides what is new, updated, unchanged or a duplicate.
 */
import { parseCsvDate, type CsvTable } from "~/shared/csv";
import { parseDecimal, parseInteger } from "~/shared/numbers";
import { httpUrl, PartnerFormSchema, type ChannelInput, type PartnerInput } from "./partners";
import { platforms } from "./partner-terms";

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
  "lawful_basis",
  "data_source",
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

/** "In progress" or "Legitimate-interests" in a file means the term in_progress / legitimate_interests. */
const asTerm = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const columnOfField: Record<string, string> = { lawfulBasis: "lawful_basis", dataSource: "data_source" };
/** A value outside a vocabulary gets a message that names the vocabulary. */
const importMessageOfField: Record<string, string> = {
  kind: "import.unknownKind",
  stage: "import.unknownStage",
  lawfulBasis: "import.unknownLawfulBasis",
};

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

    // The partner form's own schema: an import row passes exactly where the form would.
    const parsed = PartnerFormSchema.safeParse({
      name: values.name,
      kind: asTerm(text("kind") ?? "other"),
      email: values.email,
      website: values.website,
      country: values.country,
      language: values.language,
      stage: asTerm(text("stage") ?? "prospect"),
      tags: values.tags ?? "",
      notes: values.notes,
      lawfulBasis: text("lawful_basis") && asTerm(text("lawful_basis")!),
      dataSource: values.data_source,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        fail(columnOfField[field] ?? field, importMessageOfField[field] ?? issue.message);
      }
    }
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
      else if (engagementRate !== undefined && (engagementRate < 0 || engagementRate > 100))
        fail("engagement_rate", engagementRate < 0 ? "errors.negative" : "errors.percentOver100");
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
    const partner = parsed.data!;
    const key = partnerKey({ external_id: text("external_id"), email: partner.email, name: partner.name });
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
      partner: { ...partner, externalId: text("external_id") },
      channels: channel ? [channel] : [],
    });
  }
  return { partners: [...byKey.values()], errors, rowCount: table.rows.length };
}
