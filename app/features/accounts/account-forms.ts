/**
 * Form schemas shared by the form (client-side validation) and the action (the authority).
 * Messages are i18n keys; the field components translate them.
 */
import { z } from "zod";
import { roles } from "~/shared/permissions";
import { staffLocales, supportedLocales } from "~/i18n/config";
import { DaySchema, PageParamSchema, requiredText } from "~/shared/rules";

export const emailField = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.tooLong")
  .pipe(z.email("errors.invalidEmail"));

export const newPasswordField = z
  .string({ error: "errors.required" })
  .min(12, "errors.passwordTooShort")
  .max(200, "errors.passwordTooLong");

const roleField = z.enum(roles, { error: "errors.invalidChoice" });
const localeField = z.enum(supportedLocales, { error: "errors.invalidChoice" });

function withConfirmation<T extends { password: string; confirmPassword: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "errors.passwordMismatch" });
  }
}

export const LoginSchema = z.object({
  email: emailField,
  // Any length is accepted at sign-in: the policy applies when a password is chosen.
  password: z.string({ error: "errors.required" }).min(1, "errors.required").max(1000, "errors.tooLong"),
  redirectTo: z.string().optional(),
});

export const SetupSchema = z
  .object({
    name: requiredText(120),
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "errors.required" }),
  })
  .superRefine(withConfirmation);

export const AcceptInvitationSchema = z
  .object({ name: requiredText(120), password: newPasswordField, confirmPassword: z.string({ error: "errors.required" }) })
  .superRefine(withConfirmation);

export const CreateUserSchema = z.object({
  intent: z.literal("create"),
  name: requiredText(120),
  email: emailField,
  role: roleField,
  password: newPasswordField,
});

export const InviteUserSchema = z.object({
  intent: z.literal("invite"),
  name: requiredText(120),
  email: emailField,
  role: roleField,
});

/** An admin clears a sign-in lock: an account at an address, or the whole address (no email). */
export const ClearSignInLockSchema = z.object({
  intent: z.literal("clearSignInLock"),
  email: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(320).optional()),
  ipAddress: z.string().min(1).max(64),
});

export const RevokeInvitationSchema = z.object({
  intent: z.literal("revokeInvitation"),
  invitationId: z.string().min(1).max(64),
});

export const EditUserSchema = z.object({
  intent: z.literal("access"),
  role: roleField,
  disabled: z.boolean().default(false),
});

export const ProfileSchema = z.object({
  name: requiredText(120),
  locale: z.union([z.enum(staffLocales, { error: "errors.invalidChoice" }), z.literal("auto")], { error: "errors.invalidChoice" }),
});

export const LocaleSchema = z.object({
  locale: localeField,
  redirectTo: z.string().optional(),
});

const isoDay = DaySchema;

const emptyAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const AuditFilterSchema = z.object({
  entityType: z.preprocess(emptyAsUndefined, z.string().max(64).optional()),
  entityId: z.preprocess(emptyAsUndefined, z.string().max(64).optional()),
  actorId: z.preprocess(emptyAsUndefined, z.string().max(64).optional()),
  from: z.preprocess(emptyAsUndefined, isoDay.optional()),
  to: z.preprocess(emptyAsUndefined, isoDay.optional()),
  page: PageParamSchema,
});

export const PageSchema = z.object({
  page: PageParamSchema,
});

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("changePassword"),
    currentPassword: z.string({ error: "errors.required" }).min(1, "errors.required").max(1000, "errors.tooLong"),
    password: newPasswordField,
    confirmPassword: z.string({ error: "errors.required" }),
  })
  .superRefine(withConfirmation);

export const AdminSetPasswordSchema = z.object({
  intent: z.literal("setPassword"),
  password: newPasswordField,
});
