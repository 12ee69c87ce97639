/**
 * One JSON line in, one JSON line out: spec v1 lines exactly as disclosure-rules.md says, spec v2
 * lines (`"specVersion": 2`) as disclosure-rules-v2.md §2–§3 says. A bad line gets an error line.
 */
import { z } from "zod";
import { checkDisclosure } from "./check";
import { checkDisclosureV2, type DisclosureInputV2 } from "./check-v2";
import { defaultRuleSets, type RuleSet } from "./rules";
import { defaultRuleSetsV2, postFormats, postLanguages, type RuleSetV2 } from "./rules-v2";
import { disclosureJurisdictions, disclosurePlatforms, type DisclosureJurisdiction } from "~/shared/disclosure-terms";

const flag = z.boolean().optional();

const LineSchema = z.object({
  id: z.unknown().optional(),
  jurisdiction: z.enum(disclosureJurisdictions),
  platform: z.enum(disclosurePlatforms),
  text: z.string(),
  paid: flag,
  gifted: flag,
  affiliate: flag,
  platformLabel: flag,
  imagesRetouched: flag,
  imagesVirtual: flag,
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = String(issue.path[0] ?? "line");
  if (field === "jurisdiction") return `unknown jurisdiction (expected ${disclosureJurisdictions.join(", ")})`;
  if (field === "platform") return `unknown platform (expected ${disclosurePlatforms.join(", ")})`;
  if (field === "text") return "text must be a string";
  if (field === "line") return "each line must be a JSON object";
  return `${field} must be true or false`;
}

export function checkJsonLine(
  line: string,
  ruleSets: Record<DisclosureJurisdiction, RuleSet> = defaultRuleSets,
  ruleSetsV2: Record<DisclosureJurisdiction, RuleSetV2> = defaultRuleSetsV2,
): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: "invalid JSON" });
  }
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  const id = isObject ? ((value as { id?: unknown }).id ?? null) : null;
  const specVersion = isObject ? (value as { specVersion?: unknown }).specVersion : undefined;
  if (specVersion === 2) return checkV2Line(value as Record<string, unknown>, id, ruleSetsV2);
  if (specVersion !== undefined && specVersion !== 1) return JSON.stringify({ id, error: "unknown specVersion (expected 1 or 2)" });
  const parsed = LineSchema.safeParse(value);
  if (!parsed.success) return JSON.stringify({ id, error: describe(parsed.error) });
  const input = parsed.data;
  const result = checkDisclosure(input, ruleSets[input.jurisdiction]);
  return JSON.stringify({
    id,
    verdict: result.verdict,
    reasons: result.reasons,
    markers: result.markers.map((m) => ({ text: m.text, index: m.index, kind: m.kind, prominent: m.prominent })),
    ruleSet: result.ruleSet,
  });
}

const nullableText = (field: string) =>
  z
    .string({ error: `${field} must be a string or null` })
    .nullable()
    .optional();
const boolean = (field: string) => z.boolean({ error: `${field} must be true or false` }).optional();

const RelationshipSchema = z.strictObject(
  {
    gifts: z
      .number({ error: "relationship.gifts must be a whole number ≥ 0" })
      .int("relationship.gifts must be a whole number ≥ 0")
      .min(0, "relationship.gifts must be a whole number ≥ 0")
      .optional(),
    paid: boolean("relationship.paid"),
    promoCode: boolean("relationship.promoCode"),
    trackedLink: boolean("relationship.trackedLink"),
    affiliate: boolean("relationship.affiliate"),
    brandControl: boolean("relationship.brandControl"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `relationship has an unknown key: ${issue.keys.join(", ")}` : "relationship must be an object",
  },
);

const advertiserError = "advertiser must be {name, handles?} with a name containing a letter or digit and handles as strings";
const AdvertiserSchema = z.object(
  {
    name: z.string({ error: advertiserError }).regex(/[\p{L}\p{N}]/u, advertiserError),
    handles: z.array(z.string({ error: advertiserError }).regex(/[^@\s]/u, advertiserError), { error: advertiserError }).optional(),
  },
  { error: advertiserError },
);

const jurisdictionList = `expected ${disclosureJurisdictions.join(", ")}`;
const V2LineSchema = z.object({
  jurisdiction: z.enum(disclosureJurisdictions, { error: `unknown jurisdiction (${jurisdictionList})` }).optional(),
  jurisdictions: z
    .array(z.enum(disclosureJurisdictions, { error: `unknown jurisdiction in jurisdictions (${jurisdictionList})` }), {
      error: "jurisdictions must be an array of codes",
    })
    .min(1, "jurisdictions must not be empty")
    .refine((codes) => new Set(codes).size === codes.length, "jurisdictions must not repeat a code")
    .optional(),
  platform: z.enum(disclosurePlatforms, { error: `unknown platform (expected ${disclosurePlatforms.join(", ")})` }),
  format: z.enum(postFormats, { error: `unknown format (expected ${postFormats.join(", ")})` }).optional(),
  language: z.enum(postLanguages, { error: `unknown language (expected ${postLanguages.join(", ")})` }).optional(),
  text: z.string({ error: "text must be a string" }),
  title: nullableText("title"),
  onScreenLabel: nullableText("onScreenLabel"),
  spokenLabel: nullableText("spokenLabel"),
  labelRepeated: boolean("labelRepeated"),
  relationship: RelationshipSchema.optional(),
  advertiser: AdvertiserSchema.optional(),
  paid: boolean("paid"),
  gifted: boolean("gifted"),
  affiliate: boolean("affiliate"),
  platformLabel: boolean("platformLabel"),
  imagesRetouched: boolean("imagesRetouched"),
  imagesVirtual: boolean("imagesVirtual"),
});

/** A spec v2 line as the checker's input, or the first thing wrong with it. */
export function parseV2Line(
  value: Record<string, unknown>,
): { input: DisclosureInputV2; jurisdictions: DisclosureJurisdiction[] } | { error: string } {
  const parsed = V2LineSchema.safeParse(value);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const { jurisdiction, jurisdictions, relationship, paid, gifted, affiliate, ...fields } = parsed.data;
  if ((jurisdiction === undefined) === (jurisdictions === undefined))
    return { error: "give either jurisdiction or jurisdictions, not both or neither" };
  const shorthand = paid !== undefined || gifted !== undefined || affiliate !== undefined;
  if (shorthand && relationship) return { error: "give either relationship or paid/gifted/affiliate, not both" };
  return {
    jurisdictions: jurisdictions ?? [jurisdiction as DisclosureJurisdiction],
    input: { ...fields, relationship: relationship ?? { paid, gifts: gifted ? 1 : 0, affiliate } },
  };
}

function checkV2Line(value: Record<string, unknown>, id: unknown, ruleSets: Record<DisclosureJurisdiction, RuleSetV2>): string {
  const parsed = parseV2Line(value);
  if ("error" in parsed) return JSON.stringify({ id, error: parsed.error });
  const result = checkDisclosureV2(
    parsed.input,
    parsed.jurisdictions.map((jurisdiction) => ruleSets[jurisdiction]),
  );
  return JSON.stringify({
    id,
    specVersion: 2,
    format: result.format,
    verdict: result.verdict,
    results: result.results.map((r) => ({
      jurisdiction: r.jurisdiction,
      context: r.context,
      verdict: r.verdict,
      reasons: r.reasons,
      advisories: r.advisories,
      markers: r.markers.map((m) => ({
        text: m.text,
        field: m.field,
        index: m.index,
        length: m.length,
        kind: m.kind,
        prominent: m.prominent,
      })),
      ruleSet: r.ruleSet,
    })),
  });
}
