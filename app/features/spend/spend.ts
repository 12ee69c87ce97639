/** Products, campaigns, gifts, placements and payments: form schemas and status rules shared by forms and actions. */
import { z } from "zod";
import { normaliseAmount } from "~/shared/money";
import { amountText, currencySchema, inMinorUnits, optionalAmountText, rateSchema } from "~/shared/money-fields";
import {
  blankAsUndefined,
  checkboxField,
  choiceFilter,
  DaySchema,
  IdFilterSchema,
  IdListSchema,
  keywordList,
  optionalField as optional,
  optionalText,
  PageParamSchema,
  parseListQuery,
  RecordIdSchema,
  requiredText,
  sortQuery,
  wholeNumberBetween,
  wholeNumberText,
} from "~/shared/rules";
import { RuleQuestion, type BudgetCheck, type DuplicateReason } from "~/shared/violations";

import { disclosureJurisdictions as jurisdictions } from "~/shared/disclosure-terms";
import { requiredUtmValue, utmValue } from "~/features/attribution";
import {
  defaultSpendPeriod,
  giftDateProblems,
  giftSorts,
  feedPollChoices,
  giftStatuses,
  placementSorts,
  placementStatuses,
  spendViews,
  type GiftStatus,
} from "./spend-terms";

const optionalDay = optional(DaySchema);

export const ProductFormSchema = z
  .object({
    name: requiredText(200),
    sku: optionalText(64),
    unitCost: amountText,
    retailPrice: optionalAmountText,
    currency: currencySchema,
  })
  .transform(inMinorUnits(["unitCost", "retailPrice"]));
export type ProductInput = z.output<typeof ProductFormSchema>;

const jurisdictionList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(jurisdictions, { error: "errors.invalidChoice" })),
);

export const CampaignFormSchema = z
  .object({
    name: requiredText(200),
    brief: optionalText(10_000),
    startsOn: optionalDay,
    endsOn: optionalDay,
    budget: optionalAmountText,
    currency: currencySchema,
    jurisdictions: jurisdictionList,
    keywords: keywordList.optional(),
    productIds: IdListSchema,
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { path: ["endsOn"], message: "errors.endBeforeStart" })
  .transform(inMinorUnits(["budget"]));
export type CampaignInput = z.output<typeof CampaignFormSchema>;

/** The gift date rules (giftDateProblems), as a schema refinement. */
function giftDatesInOrder(gift: { status: GiftStatus; shippedOn?: string; deliveredOn?: string }, ctx: z.RefinementCtx) {
  for (const problem of giftDateProblems(gift)) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
}

const giftFields = {
  campaignId: optional(RecordIdSchema),
  productId: optional(RecordIdSchema),
  itemName: optionalText(200),
  quantity: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ error: "errors.invalidNumber" })
      .int("errors.invalidNumber")
      .min(1, "errors.quantityAtLeastOne")
      .max(100_000, "errors.tooLarge"),
  ),
  unitValue: optionalAmountText,
  shipping: optionalAmountText,
  currency: currencySchema,
  requestedByPartner: checkboxField,
  status: z.enum(["planned", "shipped", "delivered"], { error: "errors.invalidChoice" }),
  carrier: optionalText(100),
  trackingNumber: optionalText(100),
  shippedOn: optionalDay,
  deliveredOn: optionalDay,
  expectedReturn: optionalText(1000),
  agreementRef: optionalText(200),
  overBudgetConfirmed: checkboxField,
};

function productOrItem(gift: { productId?: string; itemName?: string }, ctx: z.RefinementCtx) {
  if (!gift.productId && !gift.itemName) ctx.addIssue({ code: "custom", path: ["itemName"], message: "errors.productOrItem" });
}

/** One product (or item) to many partners at once. */
export const GiftBatchFormSchema = z
  .object({
    partnerIds: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(RecordIdSchema).min(1, "errors.choosePartners").max(500, "errors.tooMany"),
    ),
    ...giftFields,
  })
  .superRefine(giftDatesInOrder)
  .superRefine(productOrItem)
  .transform(inMinorUnits(["unitValue", "shipping"]));
export type GiftBatchInput = z.output<typeof GiftBatchFormSchema>;

export const GiftShipmentSchema = z
  .object({
    giftId: RecordIdSchema,
    status: z.enum(giftStatuses, { error: "errors.invalidChoice" }),
    carrier: optionalText(100),
    trackingNumber: optionalText(100),
    shippedOn: optionalDay,
    deliveredOn: optionalDay,
    /** Shipping past the French written-agreement threshold without a signed agreement, said on purpose. */
    withoutAgreementConfirmed: checkboxField,
  })
  .superRefine(giftDatesInOrder);
export type GiftShipmentInput = z.output<typeof GiftShipmentSchema>;

export const GiftReturnSchema = z.object({
  giftId: RecordIdSchema,
  expectedReturn: optionalText(1000),
  returnFulfilledOn: optionalDay,
  agreementRef: optionalText(200),
});

export const PlacementFormSchema = z
  .object({
    partnerId: RecordIdSchema,
    campaignId: optional(RecordIdSchema),
    title: requiredText(200),
    fee: amountText,
    currency: currencySchema,
    agreedOn: DaySchema,
    usageRights: optionalText(2000),
    contractRef: optionalText(200),
    deliverable: optionalText(500),
    deliverableDueOn: optionalDay,
    overBudgetConfirmed: checkboxField,
  })
  .transform(inMinorUnits(["fee"]));
export type PlacementInput = z.output<typeof PlacementFormSchema>;

export const DeliverableFormSchema = z.object({ description: requiredText(500), dueOn: optionalDay });

export const PaymentFormSchema = z.object({
  amount: amountText.refine((text) => /[1-9]/.test(normaliseAmount(text) ?? ""), "errors.amountAboveZero"),
  paidOn: DaySchema,
  invoiceRef: optionalText(100),
  /** The person saw "this looks like a payment already recorded" and records it anyway. */
  duplicateConfirmed: checkboxField,
});

/** A payment recorded before on the same placement, as the duplicate check sees it. */
export interface RecordedPayment {
  amountMinor: number;
  paidOn: string;
  invoiceRef: string | null;
  /** When it was entered (ISO timestamp). */
  createdAt: string;
}

const DAY_MS = 86_400_000;

/**
 * Why a new payment looks like one already recorded, or null: the same invoice reference on
 * this placement (references are compared without case or spaces), or the same amount and
 * paid-on date entered less than a day ago (a double click, a second tab).
 */
export function duplicatePaymentReason(
  payment: { amountMinor: number; paidOn: string; invoiceRef?: string | null },
  recorded: RecordedPayment[],
  now: Date,
): DuplicateReason | null {
  const key = (ref: string | null | undefined) => (ref ? ref.replace(/\s+/g, "").toLowerCase() : null);
  const invoice = key(payment.invoiceRef);
  if (invoice && recorded.some((r) => key(r.invoiceRef) === invoice)) return "sameInvoice";
  const recent = recorded.some(
    (r) => r.amountMinor === payment.amountMinor && r.paidOn === payment.paidOn && now.getTime() - Date.parse(r.createdAt) < DAY_MS,
  );
  return recent ? "sameAmountSameDay" : null;
}

/** Asked, not refused: the form shows the reason with a "record anyway" choice. */
export class DuplicatePayment extends RuleQuestion {
  constructor(public readonly reason: DuplicateReason) {
    super(`placements.duplicatePayment.${reason}`, { duplicate: reason });
  }
}

export const PlacementStatusSchema = z.object({ status: z.enum(placementStatuses, { error: "errors.invalidChoice" }) });

export const WorkspaceSettingsSchema = z
  .object({
    reportingCurrency: currencySchema,
    giftValuationBasis: z.enum(["cost", "retail"], { error: "errors.invalidChoice" }),
    writtenAgreement: amountText,
    singleApprovalLimit: optionalAmountText,
    defaultJurisdiction: z.enum(jurisdictions, { error: "errors.invalidChoice" }),
    emvPerMille: amountText,
    emvPerEngagement: amountText,
    emvPerClick: amountText,
    brandName: optionalText(80),
    addressRetentionDays: wholeNumberBetween(0, 365, "errors.addressRetention"),
    /** Empty turns the daily clean-up off. */
    purgeHourUtc: optional(wholeNumberBetween(0, 23, "errors.purgeHour")),
    prospectRetentionMonths: wholeNumberBetween(1, 120, "errors.retentionMonths"),
    utmSource: requiredUtmValue,
    utmMedium: requiredUtmValue,
    utmCampaign: utmValue,
    captureKeywords: keywordList.optional(),
    /** Empty: feeds are read only when someone asks. */
    feedPollMinutes: optional(
      z.preprocess(
        wholeNumberText,
        z.union(
          feedPollChoices.map((minutes) => z.literal(minutes)),
          { error: "errors.invalidChoice" },
        ),
      ),
    ),
    snapshotHourUtc: optional(wholeNumberBetween(0, 23, "errors.purgeHour")),
  })
  .transform((value, ctx) =>
    inMinorUnits<
      typeof value & { currency: string },
      "writtenAgreement" | "singleApprovalLimit" | "emvPerMille" | "emvPerEngagement" | "emvPerClick"
    >(["writtenAgreement", "singleApprovalLimit", "emvPerMille", "emvPerEngagement", "emvPerClick"])(
      { ...value, currency: value.reportingCurrency },
      ctx,
    ),
  );
export type WorkspaceSettingsInput = z.output<typeof WorkspaceSettingsSchema>;

export const ExchangeRateFormSchema = z
  .object({ baseCurrency: currencySchema, quoteCurrency: currencySchema, rate: rateSchema, validOn: DaySchema })
  .refine((r) => r.baseCurrency !== r.quoteCurrency, { path: ["quoteCurrency"], message: "errors.sameCurrency" });
export type ExchangeRateInput = z.output<typeof ExchangeRateFormSchema>;

/** A period filter: both ends optional, in order. */
export const PeriodSchema = z
  .object({ from: optionalDay, to: optionalDay })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["to"], message: "errors.endBeforeStart" });

/** Spend added up for one scope: gifts and committed placements, payments, and how many of each. */
export interface SpendSums {
  /** Minor units of the target (reporting) currency; converted amounts only. */
  giftsMinor: number;
  placementsMinor: number;
  paidMinor: number;
  giftCount: number;
  placementCount: number;
  paymentCount: number;
}

/** The campaign would go over budget with a new gift or placement; the person may go ahead, and is recorded. */
export class OverBudget extends RuleQuestion {
  constructor(public readonly check: BudgetCheck) {
    super("campaigns.overBudget", { overBudget: check });
  }
}

export const GiftListQuerySchema = z.object({
  page: PageParamSchema,
  status: choiceFilter(giftStatuses),
  campaignId: IdFilterSchema,
  partnerId: IdFilterSchema,
  batch: IdFilterSchema,
  from: optionalDay.catch(undefined),
  to: optionalDay.catch(undefined),
  waitingDays: z.preprocess((v) => wholeNumberText(blankAsUndefined(v)), z.number().int().min(0).max(3650).optional().catch(undefined)),
  ...sortQuery(giftSorts, { sort: "createdAt", dir: "desc" }),
});
export type GiftListQuery = z.output<typeof GiftListQuerySchema>;

export const PlacementListQuerySchema = z.object({
  page: PageParamSchema,
  status: choiceFilter(placementStatuses),
  campaignId: IdFilterSchema,
  partnerId: IdFilterSchema,
  from: optionalDay.catch(undefined),
  to: optionalDay.catch(undefined),
  mine: z.preprocess((v) => v === "1", z.boolean()),
  ...sortQuery(placementSorts, { sort: "agreedOn", dir: "desc" }),
});
export type PlacementListQuery = z.output<typeof PlacementListQuerySchema>;

const SpendFilterSchema = z.object({
  view: z.enum(spendViews).catch("month"),
  campaignId: IdFilterSchema,
  partnerId: IdFilterSchema,
  ownerId: IdFilterSchema,
  country: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "errors.countryCode")
      .optional(),
  ),
  page: PageParamSchema,
});

/**
 * Spend view filters from the URL. A missing period means the last twelve months; an empty one
 * means "all time". What cannot be used (a reversed period, an unknown country) is left out and
 * reported, so the page can say so on its form.
 */
export function parseSpendQuery(params: URLSearchParams, today: string) {
  const defaults = defaultSpendPeriod(today);
  const period = PeriodSchema.safeParse({
    from: params.has("from") ? params.get("from") : defaults.from,
    to: params.has("to") ? params.get("to") : defaults.to,
  });
  const { query, problems } = parseListQuery(SpendFilterSchema, Object.fromEntries(params));
  if (!period.success)
    problems.unshift({ field: period.error.issues[0].path[0] === "from" ? "from" : "to", message: period.error.issues[0].message });
  return { query: { ...query, ...(period.success ? period.data : defaults) }, problems };
}

/** Ticking a placement's deliverable as done, or not. */
export const DeliverableDoneSchema = z.object({ deliverableId: RecordIdSchema, done: z.enum(["1", "0"]) });

/** The exchange-rate list's page. */
export const RateListQuerySchema = z.object({ page: PageParamSchema });

/** Exchange rates pasted as CSV. */
export const RateCsvSchema = z.object({
  csv: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(1_000_000, "errors.tooLong"),
});
