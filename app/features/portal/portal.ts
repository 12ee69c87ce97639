/** The partner portal: the rules its forms share (one schema per form, as everywhere). */
import { z } from "zod";
import { amountText } from "~/shared/money-fields";
import { offerAnswers } from "./portal-terms";
import { optionalText } from "~/shared/rules";

export const OfferAnswerSchema = z
  .object({
    answer: z.enum(offerAnswers, { error: "errors.invalidChoice" }),
    /** In the placement's currency, as typed; required with a counter-offer. */
    counterFee: z.preprocess((value) => (value === "" ? undefined : value), amountText.optional()),
    note: optionalText(2000),
  })
  .refine((value) => value.answer !== "countered" || value.counterFee !== undefined, {
    path: ["counterFee"],
    message: "portal.counterFeeNeeded",
  });
export type OfferAnswerInput = z.output<typeof OfferAnswerSchema>;

/** Where a gift should go, as the partner writes it (several lines). */
export const GiftAddressSchema = z.object({
  address: z.string({ error: "errors.required" }).trim().min(10, "portal.addressTooShort").max(500, "errors.tooLong"),
});
export type GiftAddressInput = z.output<typeof GiftAddressSchema>;
