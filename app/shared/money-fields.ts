/** Money as forms and imports type it: the zod fields that turn text into currencies, rates and minor units. */
import { z } from "zod";
import { isCurrency, normaliseAmount, toMinorUnits, type WithMinor } from "./money";
import { optionalField } from "./rules";

export const currencySchema = z
  .string({ error: "errors.required" })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && isCurrency(code), "errors.unknownCurrency");

/** A positive decimal rate as text ("1.0845"), checked and normalised. */
export const rateSchema = z.string({ error: "errors.required" }).transform((text, ctx) => {
  const decimal = normaliseAmount(text);
  if (decimal === null || decimal.startsWith("-") || !/[1-9]/.test(decimal)) {
    ctx.addIssue({ code: "custom", message: "errors.invalidRate" });
    return z.NEVER;
  }
  return decimal;
});

/** An amount as typed, in major units: a number, not negative. Turned into minor units with its currency. */
export const amountText = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  // An amount that cannot be read gets that one message, not others about its value.
  .refine((text) => normaliseAmount(text) !== null, { message: "errors.invalidAmount", abort: true })
  .refine((text) => !normaliseAmount(text)?.startsWith("-"), { message: "errors.negativeAmount", abort: true });
export const optionalAmountText = optionalField(amountText);

/** Replaces the named amount fields with minor units of the object's currency; too many decimals is an error on the field. */
export function inMinorUnits<T extends { currency: string }, K extends keyof T & string>(keys: readonly K[]) {
  return (value: T, ctx: z.RefinementCtx): WithMinor<T, K> => {
    const result: Record<string, unknown> = { ...value };
    for (const key of keys) {
      const text = value[key];
      if (text === undefined) continue;
      const minor = toMinorUnits(String(text), value.currency);
      if (minor === null) ctx.addIssue({ code: "custom", path: [key], message: "errors.tooManyDecimals" });
      else result[key] = minor;
    }
    return result as WithMinor<T, K>;
  };
}
