import { describe, expect, it } from "vitest";
import { AuditFilterSchema, CreateUserSchema, LoginSchema, SetupSchema } from "~/features/accounts/account-forms";

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("account forms", () => {
  it("accepts a valid set-up and normalises whitespace", () => {
    const result = SetupSchema.safeParse({
      name: "  Ada  ",
      email: " ada@example.com ",
      password: "correct-horse-battery",
      confirmPassword: "correct-horse-battery",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ name: "Ada", email: "ada@example.com" });
  });

  it("reports each bad field with an i18n key", () => {
    const result = SetupSchema.safeParse({ name: "", email: "nope", password: "short", confirmPassword: "different" });
    expect(errorsOf(result)).toEqual({
      name: "errors.required",
      email: "errors.invalidEmail",
      password: "errors.passwordTooShort",
      confirmPassword: "errors.passwordMismatch",
    });
  });

  it("refuses mismatched passwords", () => {
    const result = SetupSchema.safeParse({
      name: "Ada",
      email: "ada@example.com",
      password: "correct-horse-battery",
      confirmPassword: "correct-horse-batterY",
    });
    expect(errorsOf(result)).toEqual({ confirmPassword: "errors.passwordMismatch" });
  });

  it("refuses an unknown role", () => {
    const result = CreateUserSchema.safeParse({
      intent: "create",
      name: "Bo",
      email: "bo@example.com",
      role: "superuser",
      password: "a-long-enough-password",
    });
    expect(errorsOf(result)).toEqual({ role: "errors.invalidChoice" });
  });

  it("does not apply the password policy at sign-in", () => {
    expect(LoginSchema.safeParse({ email: "a@example.com", password: "x" }).success).toBe(true);
  });

  it("validates audit filters", () => {
    expect(AuditFilterSchema.parse({ from: "2026-01-01", page: "3", entityType: "" })).toEqual({ from: "2026-01-01", page: 3 });
    expect(AuditFilterSchema.safeParse({ from: "01/02/2026" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ to: "2026-13-45" }).success).toBe(false);
  });
});

describe("days, times and whole numbers are read strictly", () => {
  it("refuses days that do not exist or lie outside the years kept", async () => {
    const { DaySchema, DateTimeSchema, PageParamSchema } = await import("~/shared/rules");
    expect(DaySchema.safeParse("2026-02-28").success).toBe(true);
    for (const day of ["2026-02-30", "0000-01-01", "9999-12-31", "2026-1-5", "2026-02-28 "])
      expect(DaySchema.safeParse(day).success, day).toBe(false);
    expect(DateTimeSchema.safeParse("2026-03-05T10:30").success).toBe(true);
    for (const time of ["2026-02-30T10:00", "2026-03-05T24:00", "0000-03-05T10:00", "next tuesday"])
      expect(DateTimeSchema.safeParse(time).success, time).toBe(false);
    expect(PageParamSchema.parse("0x10")).toBe(1);
    expect(PageParamSchema.parse("1e3")).toBe(1);
    expect(PageParamSchema.parse("12")).toBe(12);
  });

  it("a follow-up due on 30 February is refused, not moved to March", async () => {
    const { TaskSchema } = await import("~/features/outreach/outreach");
    const result = TaskSchema.safeParse({ title: "Check", dueOn: "2026-02-30", assigneeId: "u1" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain("errors.invalidDate");
  });
});
