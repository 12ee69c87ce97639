/** The partner list's state, as it lives in the URL (so a view can be bookmarked and shared). */
import { z } from "zod";
import { partnerKinds, partnerStages, platforms } from "./partner-terms";
import { BULK_LIMIT, pageSizes, partnerColumns, partnerSorts } from "./partner-list-terms";
import { PageParamSchema, wholeNumberText } from "~/shared/rules";

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return values
      .flatMap((v) => String(v).split(","))
      .map((v) => v.trim())
      .filter(Boolean);
  }, z.array(item).max(50));

const optionalNumber = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : wholeNumberText(v)),
  z.number({ error: "errors.wholeNumber" }).int().min(0).max(10_000_000_000).optional(),
);

export const PartnerListQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().max(200).optional()),
  stage: list(z.enum(partnerStages, { error: "errors.invalidChoice" })),
  kind: list(z.enum(partnerKinds, { error: "errors.invalidChoice" })),
  platform: list(z.enum(platforms, { error: "errors.invalidChoice" })),
  country: list(
    z
      .string()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "errors.countryCodes"),
  ),
  language: list(
    z
      .string()
      .toLowerCase()
      .regex(/^[a-z]{2}$/, "errors.languageCodes"),
  ),
  tag: list(z.string().toLowerCase().max(40)),
  owner: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(64).optional()),
  followersMin: optionalNumber,
  followersMax: optionalNumber,
  archived: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
  /** Only partners with an open follow-up past its due date. */
  overdue: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
  sort: z.enum(partnerSorts).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: PageParamSchema,
  pageSize: z.preprocess(wholeNumberText, z.union(pageSizes.map((size) => z.literal(size)))).catch(50),
  /** Visible optional columns; none listed means all. */
  cols: list(z.enum(partnerColumns)),
});
export type PartnerListQuery = z.output<typeof PartnerListQuerySchema>;

export const BulkUpdateSchema = z.discriminatedUnion("operation", [
  z.object({
    operation: z.literal("stage"),
    ids: z.array(z.string().max(64)).min(1, "partnerList.noneSelected").max(BULK_LIMIT),
    stage: z.enum(partnerStages, { error: "errors.invalidChoice" }),
  }),
  z.object({
    operation: z.literal("tag"),
    ids: z.array(z.string().max(64)).min(1, "partnerList.noneSelected").max(BULK_LIMIT),
    tag: z.string().trim().toLowerCase().min(1, "errors.required").max(40, "errors.tagTooLong"),
  }),
  z.object({
    operation: z.literal("owner"),
    ids: z.array(z.string().max(64)).min(1, "partnerList.noneSelected").max(BULK_LIMIT),
    ownerId: z.string().min(1, "errors.required").max(64),
  }),
]);
export type BulkUpdate = z.output<typeof BulkUpdateSchema>;

export const SavedViewSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(80, "errors.tooLong"),
  query: z.string().max(2000),
});
