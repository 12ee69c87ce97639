/** The outreach log, drafts under review and follow-ups: rules and form schemas. */
import { z } from "zod";
import { isDoNotContact, type PartnerStage } from "~/features/partners";
import { DateTimeSchema, DaySchema, optionalText } from "~/shared/rules";
import { RuleViolation } from "~/shared/violations";
import { hasLineBreak, unfilledVariables } from "~/features/mail";
import { directions, draftChannels, draftKinds, interactionTypes, type DraftStatus } from "./outreach-terms";

const body = z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(20_000, "errors.tooLong");
const dateTime = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), DateTimeSchema.optional());

export const LogInteractionSchema = z
  .object({
    type: z.enum(interactionTypes, { error: "errors.invalidChoice" }),
    direction: z.preprocess((v) => (v === "" ? undefined : v), z.enum(directions, { error: "errors.invalidChoice" }).optional()),
    subject: optionalText(300),
    body,
    occurredAt: dateTime.refine((date) => !date || date.getTime() <= Date.now() + 5 * 60_000, "errors.inFuture"),
    correctsId: optionalText(64),
  })
  .refine((value) => value.type === "note" || Boolean(value.direction), {
    path: ["direction"],
    message: "errors.required",
    // Checked even when another field is wrong, so every error shows at once.
    when: (payload) => interactionTypes.includes((payload.value as { type?: never })?.type ?? ("" as never)),
  });
export type LogInteractionInput = z.output<typeof LogInteractionSchema>;

export const DraftSchema = z.object({
  kind: z.enum(draftKinds, { error: "errors.invalidChoice" }),
  channel: z.enum(draftChannels, { error: "errors.invalidChoice" }),
  // It becomes a mail header: a line break would smuggle in another header.
  subject: optionalText(300).refine((value) => !value || !hasLineBreak(value), "mail.oneLine"),
  body,
});
export type DraftInput = z.output<typeof DraftSchema>;

export const ReviewSchema = z
  .object({
    decision: z.enum(["approve", "request_changes"], { error: "errors.invalidChoice" }),
    comment: optionalText(5000),
  })
  .refine((value) => value.decision !== "request_changes" || Boolean(value.comment), {
    path: ["comment"],
    message: "outreach.commentRequired",
  });

const isoDay = DaySchema;

export const TaskSchema = z.object({
  title: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(300, "errors.tooLong"),
  dueOn: isoDay,
  assigneeId: z.string({ error: "errors.required" }).min(1, "errors.required").max(64),
});

/** Outgoing messages are refused for a do-not-contact partner; what they send us is still logged. */
export function assertMayContact(stage: PartnerStage) {
  if (isDoNotContact(stage)) throw new RuleViolation("outreach.doNotContact");
}

export function assertMayEdit(status: DraftStatus) {
  if (status !== "draft" && status !== "changes_requested") throw new RuleViolation("outreach.notEditable");
}

export function assertMaySubmit(status: DraftStatus, subject: string | null, body: string) {
  if (status !== "draft" && status !== "changes_requested") throw new RuleViolation("outreach.notSubmittable");
  const unfilled = unfilledVariables(`${subject ?? ""}\n${body}`);
  if (unfilled.length) throw new RuleViolation("outreach.unfilledVariables", 422, undefined, { names: unfilled.join(", ") });
}

/** Review needs a second person: nobody approves their own draft. */
export function assertMayReview(status: DraftStatus, authorId: string, reviewerId: string) {
  if (status !== "in_review") throw new RuleViolation("outreach.notInReview");
  if (authorId === reviewerId) throw new RuleViolation("outreach.ownDraft", 403);
}

export function assertMaySend(status: DraftStatus) {
  if (status !== "approved") throw new RuleViolation("outreach.notApproved");
}

/** What a post to a draft's page asks for. */
export const DraftIntentSchema = z.enum(["edit", "submit", "review", "send", "email"]);
