/** Coverage items, their metrics and the compliance review: form schemas and pure rules. */
import { z } from "zod";
import { reasonCodes, verdicts, type DisclosureResult, type FoundMarker } from "./disclosure/check";
import { disclosureJurisdictions, disclosurePlatforms, type DisclosureJurisdiction } from "~/shared/disclosure-terms";
import { toMinorUnits } from "~/shared/money";
import { currencySchema, optionalAmountText } from "~/shared/money-fields";
import { parseInteger } from "~/shared/numbers";
import { httpUrl, platforms } from "~/features/partners";
import {
  checkboxField,
  choiceFilter,
  DaySchema,
  IdFilterSchema,
  IdListSchema,
  optionalField,
  optionalText,
  PageParamSchema,
  RecordIdSchema,
  sortQuery,
} from "~/shared/rules";
import { coverageSorts, metricNames, overrideChoices, reviewDecisions, type MetricName, type OverrideChoice } from "./coverage-terms";

/** The longest text snapshot kept; a long article's opening is enough for the checker. */
export const MAX_TEXT_LENGTH = 200_000;

/** An empty metric is unknown (undefined), never 0. */
/** A metric as people type it ("1 234"); empty is unknown. The coverage form, its import and the portal share it. */
export const metricField = optionalField(
  z.preprocess(
    (value) => (typeof value === "string" ? (parseInteger(value) ?? value) : value),
    z
      .number({ error: "errors.invalidNumber" })
      .int("errors.invalidNumber")
      .min(0, "errors.negativeNumber")
      .max(2_000_000_000, "errors.tooLarge"),
  ),
);

const metricFields = Object.fromEntries(metricNames.map((name) => [name, metricField])) as Record<MetricName, typeof metricField>;

const revenueFields = {
  revenue: optionalAmountText,
  revenueCurrency: optionalField(currencySchema),
};

/** Revenue needs its currency; its amount becomes minor units of that currency. */
function revenueInMinorUnits<T extends { revenue?: string; revenueCurrency?: string }>(
  value: T,
  ctx: z.RefinementCtx,
): Omit<T, "revenue"> & { revenue?: number } {
  const { revenue, ...rest } = value;
  if (revenue === undefined) return { ...rest, revenue: undefined };
  if (!value.revenueCurrency) {
    ctx.addIssue({ code: "custom", path: ["revenueCurrency"], message: "errors.currencyNeeded" });
    return z.NEVER;
  }
  const minor = toMinorUnits(revenue, value.revenueCurrency);
  if (minor === null) {
    ctx.addIssue({ code: "custom", path: ["revenue"], message: "errors.tooManyDecimals" });
    return z.NEVER;
  }
  return { ...rest, revenue: minor };
}

const overrideField = z.preprocess((value) => value ?? "auto", z.enum(overrideChoices, { error: "errors.invalidChoice" }));

const coverageFields = {
  channelId: optionalField(RecordIdSchema),
  campaignId: optionalField(RecordIdSchema),
  url: httpUrl,
  platform: z.enum(platforms, { error: "errors.invalidChoice" }),
  publishedOn: DaySchema,
  title: optionalText(500),
  text: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(MAX_TEXT_LENGTH, "errors.tooLong"),
  jurisdiction: optionalField(z.enum(disclosureJurisdictions, { error: "errors.invalidChoice" })),
  giftIds: IdListSchema,
  placementIds: IdListSchema,
  paidOverride: overrideField,
  giftedOverride: overrideField,
  affiliateOverride: overrideField,
  overrideReason: optionalText(1000),
  platformLabel: checkboxField,
  imagesRetouched: checkboxField,
  imagesVirtual: checkboxField,
};

function overrideNeedsReason(
  value: { paidOverride: OverrideChoice; giftedOverride: OverrideChoice; affiliateOverride: OverrideChoice; overrideReason?: string },
  ctx: z.RefinementCtx,
) {
  const overridden = value.paidOverride !== "auto" || value.giftedOverride !== "auto" || value.affiliateOverride !== "auto";
  if (overridden && !value.overrideReason)
    ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "coverage.overrideReasonRequired" });
}

export const CoverageFormSchema = z
  .object({ partnerId: RecordIdSchema, ...coverageFields, ...metricFields, ...revenueFields })
  .superRefine(overrideNeedsReason)
  .transform(revenueInMinorUnits);
export type CoverageInput = z.output<typeof CoverageFormSchema>;

export const EditCoverageSchema = z.object({ ...coverageFields }).superRefine(overrideNeedsReason);
export type EditCoverageInput = z.output<typeof EditCoverageSchema>;

export const MetricsFormSchema = z
  .object({ measuredOn: DaySchema, ...metricFields, ...revenueFields })
  .refine((value) => metricNames.some((name) => value[name] !== undefined) || value.revenue !== undefined, {
    path: ["impressions"],
    message: "coverage.metricsEmpty",
  })
  .transform(revenueInMinorUnits);
export type MetricsInput = z.output<typeof MetricsFormSchema>;

export type Metrics = Partial<Record<MetricName, number | null>> & { revenueMinor?: number | null; revenueCurrency?: string | null };

/** The metric columns of a form's input: unknown stays null. */
export function metricsOf(input: Partial<Record<MetricName, number | undefined>> & { revenue?: number; revenueCurrency?: string }) {
  const metrics: Record<MetricName, number | null> = Object.fromEntries(metricNames.map((name) => [name, input[name] ?? null])) as Record<
    MetricName,
    number | null
  >;
  return {
    ...metrics,
    revenueMinor: input.revenue ?? null,
    revenueCurrency: input.revenue === undefined ? null : (input.revenueCurrency ?? null),
  };
}

export interface ConnectionFlags {
  paid: boolean;
  gifted: boolean;
  affiliate: boolean;
}

export interface ConnectionOverrides {
  paidOverride: boolean | null;
  giftedOverride: boolean | null;
  affiliateOverride: boolean | null;
}

/**
 * Paid when a live placement is linked, gifted when a gift that went out is linked; there is no
 * record that implies affiliation, so affiliate comes only from an override.
 */
export function connectionFlags(derived: { paid: boolean; gifted: boolean }, overrides: ConnectionOverrides): ConnectionFlags {
  return {
    paid: overrides.paidOverride ?? derived.paid,
    gifted: overrides.giftedOverride ?? derived.gifted,
    affiliate: overrides.affiliateOverride ?? false,
  };
}

export type JurisdictionSource = "item" | "campaign" | "default";

/** The item's own jurisdiction, else its campaign's, else the workspace default. */
export function jurisdictionsFor(
  itemJurisdiction: string | null | undefined,
  campaignJurisdictions: readonly string[] | null | undefined,
  workspaceDefault: DisclosureJurisdiction,
): { jurisdictions: DisclosureJurisdiction[]; source: JurisdictionSource } {
  const known = (code: string): code is DisclosureJurisdiction => (disclosureJurisdictions as readonly string[]).includes(code);
  if (itemJurisdiction && known(itemJurisdiction)) return { jurisdictions: [itemJurisdiction], source: "item" };
  const fromCampaign = [...new Set(campaignJurisdictions ?? [])].filter(known);
  if (fromCampaign.length) return { jurisdictions: fromCampaign, source: "campaign" };
  return { jurisdictions: [workspaceDefault], source: "default" };
}

interface StoredOutcome {
  verdict: string;
  reasons: readonly string[];
  markers: unknown;
}

/** Markers as a comparable string; key order is not kept by jsonb, so it is fixed here. */
const markerKey = (markers: unknown) =>
  (Array.isArray(markers) ? (markers as FoundMarker[]) : [])
    .map((m) => [m.index, m.length, m.kind, m.prominent, m.hashtag, m.afterFold, m.buried, m.text].join("|"))
    .join("\n");

/** Whether a new check says something different from the stored one (then a new check row is written). */
export function outcomeChanged(stored: StoredOutcome, result: Pick<DisclosureResult, "verdict" | "reasons" | "markers">): boolean {
  return (
    stored.verdict !== result.verdict ||
    stored.reasons.join() !== result.reasons.join() ||
    markerKey(stored.markers) !== markerKey(result.markers)
  );
}

export const ReviewFormSchema = z
  .object({
    checkId: RecordIdSchema,
    decision: z.enum(reviewDecisions, { error: "errors.invalidChoice" }),
    note: optionalText(5000),
    newText: optionalField(z.string().trim().max(MAX_TEXT_LENGTH, "errors.tooLong")),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "false_positive" && !value.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "compliance.reasonRequired" });
    if (value.decision === "fixed_by_partner" && !value.newText)
      ctx.addIssue({ code: "custom", path: ["newText"], message: "compliance.newTextRequired" });
  });
export type ReviewInput = z.output<typeof ReviewFormSchema>;

export const QueueQuerySchema = z.object({
  page: PageParamSchema,
  jurisdiction: choiceFilter(disclosureJurisdictions),
  platform: choiceFilter(disclosurePlatforms),
  partnerId: IdFilterSchema,
  campaignId: IdFilterSchema,
  reason: choiceFilter(reasonCodes),
  order: z.enum(["oldest", "newest"]).catch("oldest"),
});
export type QueueQuery = z.output<typeof QueueQuerySchema>;

export const CoverageListQuerySchema = z.object({
  page: PageParamSchema,
  platform: choiceFilter(disclosurePlatforms),
  partnerId: IdFilterSchema,
  campaignId: IdFilterSchema,
  verdict: choiceFilter(verdicts),
  from: optionalField(DaySchema).catch(undefined),
  to: optionalField(DaySchema).catch(undefined),
  ...sortQuery(coverageSorts, { sort: "publishedOn", dir: "desc" }),
});
export type CoverageListQuery = z.output<typeof CoverageListQuerySchema>;

/** A month as YYYY-MM. */

/** The first day of a month and the first day of the next, as YYYY-MM-DD. */
export function monthBounds(month: string): { from: string; until: string } {
  const [year, monthNumber] = month.split("-").map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, until: `${next}-01` };
}
