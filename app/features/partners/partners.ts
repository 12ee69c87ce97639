/** Partners and their channels: pure rules and the form schemas shared by forms and actions. */
import { z } from "zod";
import { parseDecimal, parseInteger } from "~/shared/numbers";
import { DaySchema, optionalField as optional, wholeNumberText } from "~/shared/rules";
import { lawfulBases, partnerKinds, partnerStages, partnerTabs, platforms, withScheme } from "./partner-terms";

/** Only http and https: a javascript: or data: URL entered by a user must never become a link. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048, "errors.tooLong")
  .transform(withScheme)
  .refine((value) => {
    // A space is never part of an address people mean; the URL parser would quietly encode it.
    if (/\s/.test(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "errors.invalidUrl");

/** "Beauty, Lyon ,beauty" → ["beauty", "lyon"]. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const tagsField = z.preprocess(
  (value) => (typeof value === "string" ? parseTags(value) : value),
  z.array(z.string().max(40, "errors.tagTooLong")).max(30, "errors.tooManyTags"),
);

export const PartnerFormSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong"),
  kind: z.enum(partnerKinds, { error: "errors.invalidChoice" }),
  email: optional(z.string().trim().toLowerCase().max(254, "errors.tooLong").pipe(z.email("errors.invalidEmail"))),
  website: optional(httpUrl),
  country: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "errors.invalidCountry"),
  ),
  language: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2}$/, "errors.invalidLanguage"),
  ),
  stage: z.enum(partnerStages, { error: "errors.invalidChoice" }),
  ownerId: optional(z.string().max(64)),
  tags: z.preprocess((value) => value ?? "", tagsField),
  notes: optional(z.string().max(5000, "errors.tooLong")),
  riskNotes: optional(z.string().max(5000, "errors.tooLong")),
  /** Left out, a new partner gets the database's default and an existing one keeps theirs. */
  lawfulBasis: optional(z.enum(lawfulBases, { error: "errors.invalidChoice" })),
  dataSource: optional(z.string().trim().max(500, "errors.tooLong")),
});
export type PartnerInput = z.output<typeof PartnerFormSchema>;

export const EditPartnerSchema = PartnerFormSchema.extend({
  version: z.preprocess(wholeNumberText, z.number().int().min(1)),
});

/** Unparseable text stays text, so zod reports it as not a number. */
const asInteger = (value: unknown) => (typeof value === "string" ? (parseInteger(value) ?? value) : value);
const asDecimal = (value: unknown) => (typeof value === "string" ? (parseDecimal(value) ?? value) : value);

export type AudienceShares = Record<string, number>;
export type Audience = {
  countries?: AudienceShares;
  ages?: AudienceShares;
  genders?: AudienceShares;
};

/** "FR 61.5, BE 20" or "18-24: 30; 25-34: 45" → { FR: 61.5, BE: 20 }; null when malformed. */
export function parseShares(text: string): AudienceShares | null {
  const shares: AudienceShares = {};
  // A comma followed by a digit is a decimal comma ("61,5"), not a separator.
  for (const part of text
    .split(/;|\n|,(?!\d)/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*[:=]?\s*(\d+(?:[.,]\d+)?)\s*%?$/.exec(part);
    if (!match) return null;
    const key = match[1].trim();
    const value = Number(match[2].replace(",", "."));
    if (!key || value < 0 || value > 100) return null;
    shares[key] = value;
  }
  const total = Object.values(shares).reduce((sum, value) => sum + value, 0);
  return total <= 100.5 ? shares : null;
}

const sharesField = optional(
  z
    .string()
    .max(1000, "errors.tooLong")
    .transform((text, ctx) => {
      const shares = parseShares(text);
      if (!shares) {
        ctx.addIssue({ code: "custom", message: "errors.invalidShares" });
        return z.NEVER;
      }
      return shares;
    }),
);

export const ChannelFormSchema = z.object({
  platform: z.enum(platforms, { error: "errors.invalidChoice" }),
  handle: optional(z.string().trim().max(100, "errors.tooLong")),
  url: optional(httpUrl),
  followers: optional(
    z.preprocess(
      asInteger,
      z
        .number({ error: "errors.invalidNumber" })
        .int("errors.invalidNumber")
        .min(0, "errors.negative")
        .max(5_000_000_000, "errors.tooLarge"),
    ),
  ),
  engagementRate: optional(
    z.preprocess(asDecimal, z.number({ error: "errors.invalidNumber" }).min(0, "errors.negative").max(100, "errors.percentOver100")),
  ),
  measuredOn: optional(DaySchema),
  countries: sharesField,
  ages: sharesField,
  genders: sharesField,
});
export type ChannelInput = z.output<typeof ChannelFormSchema>;

export function audienceOf(input: Pick<ChannelInput, "countries" | "ages" | "genders">): Audience | null {
  const audience: Audience = {};
  if (input.countries) audience.countries = input.countries;
  if (input.ages) audience.ages = input.ages;
  if (input.genders) audience.genders = input.genders;
  return Object.keys(audience).length ? audience : null;
}

/** "https://www.Lea-Cuisine.fr/blog" → "lea-cuisine.fr". */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** "@LeaCuisine" and "leacuisine" are the same handle. */
export function handleKey(handle: string | null | undefined): string | null {
  const key = handle?.trim().replace(/^@/, "").toLowerCase();
  return key ? key : null;
}

/** What the list's search box matches: lower-cased, one line. */
export function buildSearchText(
  partner: { name: string; email?: string | null; website?: string | null; tags: string[] },
  channels: { handle?: string | null; url?: string | null }[],
): string {
  return [partner.name, partner.email, partner.website, ...partner.tags, ...channels.flatMap((c) => [c.handle, c.url])]
    .filter((part): part is string => Boolean(part))
    .join(" ")
    .toLowerCase();
}

export const PartnerTabSchema = z.enum(partnerTabs).catch("overview");
