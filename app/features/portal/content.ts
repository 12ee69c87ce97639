/** Content a partner submits before publishing, its review, and the live post they report: one schema per form. */
import { z } from "zod";
import { metricField, type MetricName } from "~/features/compliance";
import { isValidEuVat, isValidSiret, normaliseLegalId } from "./legal-ids";
import { platforms, httpUrl } from "~/features/partners";
import { checkboxField, DaySchema, optionalText, requiredText, wholeNumberText } from "~/shared/rules";

import { contentDecisions, legalIdKinds, reportedMetrics } from "./content-terms";

export const MAX_DRAFT_TEXT = 20_000;

const target = z
  .string({ error: "portal.content.targetNeeded" })
  .regex(/^(gift|placement):[A-Za-z0-9_-]{1,64}$/, "portal.content.targetNeeded");

const draftText = z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(MAX_DRAFT_TEXT, "errors.tooLong");

const draftFields = {
  platform: z.enum(platforms, { error: "errors.invalidChoice" }),
  plannedOn: DaySchema,
  text: draftText,
  platformLabel: checkboxField,
  imagesRetouched: checkboxField,
  imagesVirtual: checkboxField,
  /** Sent after the checker found a problem: the partner wants the team to decide. */
  submitAnyway: checkboxField,
};

/** A first draft names what it is for; a new version keeps its submission's gift or placement. */
export const ContentDraftSchema = z.object({ target, ...draftFields });
export type ContentDraftInput = z.output<typeof ContentDraftSchema>;

export const ContentVersionSchema = z.object(draftFields);
export type ContentVersionInput = z.output<typeof ContentVersionSchema>;

export const ContentReviewSchema = z
  .object({
    version: z.preprocess(wholeNumberText, z.number({ error: "errors.invalidNumber" }).int().min(1).max(10_000)),
    decision: z.enum(contentDecisions, { error: "errors.invalidChoice" }),
    comment: optionalText(4000),
  })
  .refine((value) => value.decision === "approved" || value.comment !== undefined, {
    path: ["comment"],
    message: "content.commentNeeded",
  });
export type ContentReviewInput = z.output<typeof ContentReviewSchema>;

export const PublishedPostSchema = z.object({
  url: httpUrl,
  publishedOn: DaySchema,
  text: draftText,
  platformLabel: checkboxField,
  ...(Object.fromEntries(reportedMetrics.map((name) => [name, metricField])) as Record<
    Exclude<MetricName, "conversions">,
    typeof metricField
  >),
});
export type PublishedPostInput = z.output<typeof PublishedPostSchema>;

export const InvoiceSchema = z
  .object({
    number: optionalText(100),
    legalIdKind: z.enum(legalIdKinds, { error: "errors.invalidChoice" }),
    legalId: requiredText(40).transform(normaliseLegalId),
  })
  .superRefine((value, ctx) => {
    const valid = value.legalIdKind === "siret" ? isValidSiret(value.legalId) : isValidEuVat(value.legalId);
    if (!valid) ctx.addIssue({ code: "custom", path: ["legalId"], message: `portal.invoice.invalid_${value.legalIdKind}` });
  });
export type InvoiceInput = z.output<typeof InvoiceSchema>;
