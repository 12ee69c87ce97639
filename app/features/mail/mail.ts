/** Mail's form schemas: templates, SMTP and receiving settings, identities, triage (server only). */
import { z } from "zod";
import { checkboxField, DaySchema, optionalField, optionalText, RecordIdSchema, requiredText, wholeNumberBetween } from "~/shared/rules";
import { containsMarkup, hasLineBreak, smtpSecurities, templateLanguages, unknownTemplateVariables } from "./mail-terms";

const email = z.string().trim().toLowerCase().max(254, "errors.tooLong").pipe(z.email("errors.invalidEmail"));
const optionalEmail = optionalField(email);
/** A value that goes into a mail header: one line. */
const headerText = (max: number) => optionalText(max).refine((value) => !value || !hasLineBreak(value), "mail.oneLine");
const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "errors.tooLong")
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "mail.invalidHost");
const hourOrOff = optionalField(wholeNumberBetween(0, 23, "errors.purgeHour"));

/** A list typed as text: commas, semicolons, spaces or lines between the items. */
const listOf = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .preprocess(
      (value) =>
        typeof value === "string"
          ? value
              .split(/[\s,;]+/)
              .map((part) => part.trim())
              .filter(Boolean)
          : value,
      z.array(item).max(max, "errors.tooMany"),
    )
    .optional(); // Empty is a valid list; optional keeps the field from being marked required.

const variablesKnown = (text: string) => unknownTemplateVariables(text).length === 0;

export const TemplateSchema = z.object({
  name: requiredText(80),
  language: z.enum(templateLanguages, { error: "errors.invalidChoice" }),
  subject: requiredText(300)
    .refine((value) => !hasLineBreak(value), "mail.oneLine")
    .refine(variablesKnown, "templates.unknownVariable")
    .refine((value) => !containsMarkup(value), "templates.noMarkup"),
  body: requiredText(20_000)
    .refine(variablesKnown, "templates.unknownVariable")
    .refine((value) => !containsMarkup(value), "templates.noMarkup"),
});
export type TemplateInput = z.output<typeof TemplateSchema>;

export const MailSettingsSchema = z.object({
  smtpHost: optionalField(hostname),
  smtpPort: wholeNumberBetween(1, 65535, "mail.portRange"),
  smtpSecurity: z.enum(smtpSecurities, { error: "errors.invalidChoice" }),
  smtpUser: headerText(254),
  /** Empty keeps the saved password. */
  smtpPassword: optionalField(z.string().max(500, "errors.tooLong")),
  clearSmtpPassword: checkboxField,
  mailFromName: headerText(120),
  mailFromAddress: optionalEmail,
  mailReplyTo: optionalEmail,
  dailySendCap: wholeNumberBetween(1, 5000, "mail.capRange"),
  inboundDomain: optionalField(hostname),
  teamDomains: listOf(hostname, 20),
  attachmentLimitMb: wholeNumberBetween(0, 25, "mail.attachmentLimitRange"),
  monthlyReportHourUtc: hourOrOff,
  monthlyReportRecipients: listOf(email, 50),
  digestHourUtc: hourOrOff,
});
export type MailSettingsInput = z.output<typeof MailSettingsSchema>;

export const MailIdentitySchema = z.object({
  mailFromName: headerText(120),
  mailFromAddress: optionalEmail,
  mailReplyTo: optionalEmail,
});
export type MailIdentityInput = z.output<typeof MailIdentitySchema>;

/** Attaching a message from the triage inbox to a partner (found by name or email). */
export const TriageAttachSchema = z.object({ messageId: RecordIdSchema, partner: requiredText(254) });
export const TriageIntentSchema = z.enum(["attach", "discard"]);

/** Writing a draft from a template: the template, and what fills its variables. */
export const DraftFromTemplateSchema = z.object({
  templateId: RecordIdSchema,
  campaignId: optionalText(64),
  giftId: optionalText(64),
  dueOn: optionalField(DaySchema),
  withPortalLink: checkboxField,
});
export type DraftFromTemplateInput = z.output<typeof DraftFromTemplateSchema>;

/** What each mail job carries. */
export const SendJobInputSchema = z.object({ draftId: z.string().min(1) });

/** What a post to Settings › Mail asks. */
export const MailSettingsIntentSchema = z.enum(["settings", "identity", "renewAddress"]);

/** What a post to Settings › Templates asks. */
export const TemplateIntentSchema = z.enum(["create", "update", "archive"]);
