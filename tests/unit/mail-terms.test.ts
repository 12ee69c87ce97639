import { describe, expect, it } from "vitest";
import {
  containsMarkup,
  firstWorkingDay,
  hasLineBreak,
  isLogAddress,
  isTeamAddress,
  previousMonth,
  renderTemplate,
  unfilledVariables,
  unknownTemplateVariables,
} from "~/features/mail/mail-terms";
import { splitMbox } from "~/features/mail/mail-parse.server";

describe("templates", () => {
  it("fills known variables, leaves the rest written, and names unknown ones", () => {
    const text = "Bonjour {{ partnerName }}, pour {{campaign}} avant le {{dueDate}} — {{firstName}}";
    expect(unknownTemplateVariables(text)).toEqual(["firstName"]);
    const rendered = renderTemplate(text, { partnerName: "Léa", campaign: "Printemps" });
    expect(rendered).toBe("Bonjour Léa, pour Printemps avant le {{dueDate}} — {{firstName}}");
    expect(unfilledVariables(rendered)).toEqual(["dueDate", "firstName"]);
  });

  it("sees markup and line breaks that would become HTML or headers", () => {
    expect(containsMarkup("Hi <script>alert(1)</script>")).toBe(true);
    expect(containsMarkup("3 < 5 and 7 > 2")).toBe(false);
    expect(hasLineBreak("Hi\r\nBcc: x@y")).toBe(true);
    expect(hasLineBreak("Hi\u2028there")).toBe(true);
    expect(hasLineBreak("One line")).toBe(false);
  });
});

describe("addresses", () => {
  it("knows the log address, case-insensitively, at its domain or any when none is set", () => {
    expect(isLogAddress("LOG+Abc123@crm.example.com", "abc123", "crm.example.com")).toBe(true);
    expect(isLogAddress("log+abc123@other.com", "abc123", "crm.example.com")).toBe(false);
    expect(isLogAddress("log+abc123@other.com", "abc123", null)).toBe(true);
    expect(isLogAddress("log+abc12@crm.example.com", "abc123", null)).toBe(false);
    expect(isLogAddress("log@crm.example.com", "abc123", null)).toBe(false);
  });

  it("counts users' addresses and team domains as the team", () => {
    const team = new Set(["claire@agency.test"]);
    expect(isTeamAddress("Claire@Agency.test", team, [])).toBe(true);
    expect(isTeamAddress("julien@maison-verdure.fr", team, ["maison-verdure.fr"])).toBe(true);
    expect(isTeamAddress("julien@evil-maison-verdure.fr", team, ["maison-verdure.fr"])).toBe(false);
  });
});

describe("schedules", () => {
  it("finds the first working day of a month", () => {
    expect(firstWorkingDay(2026, 11)).toBe("2026-11-02"); // 1 November 2026 is a Sunday
    expect(firstWorkingDay(2026, 12)).toBe("2026-12-01");
    expect(firstWorkingDay(2026, 8)).toBe("2026-08-03"); // Saturday the 1st
    expect(previousMonth("2026-01-02")).toBe("2025-12");
    expect(previousMonth("2026-12-01")).toBe("2026-11");
  });
});

describe("mbox", () => {
  it("splits on From lines and unquotes >From", () => {
    const mbox =
      "From a@b Mon Jan  1 00:00:00 2026\nSubject: one\n\n>From the start\n\nFrom c@d Mon Jan  1 00:00:00 2026\nSubject: two\n\nhi\n";
    const messages = splitMbox(Buffer.from(mbox)).map((m) => m.toString());
    expect(messages).toEqual(["Subject: one\n\nFrom the start\n", "Subject: two\n\nhi\n"]);
    expect(splitMbox(Buffer.from("Subject: eml\n\nbody"))).toHaveLength(1);
  });
});

describe("mail forms", () => {
  it("refuse header injection in names and subjects, and keep empty lists valid", async () => {
    const { MailIdentitySchema, MailSettingsSchema } = await import("~/features/mail/mail");
    const { DraftSchema } = await import("~/features/outreach/outreach");
    expect(MailIdentitySchema.safeParse({ mailFromName: "Julien\r\nBcc: all@evil.test" }).success).toBe(false);
    expect(MailIdentitySchema.safeParse({ mailFromName: "Julien Moreau", mailFromAddress: "julien@maison.test" }).success).toBe(true);
    expect(DraftSchema.safeParse({ kind: "message", channel: "email", subject: "Hi\nBcc: x@y.test", body: "b" }).success).toBe(false);
    const settings = MailSettingsSchema.safeParse({
      smtpPort: "587",
      smtpSecurity: "starttls",
      dailySendCap: "200",
      attachmentLimitMb: "10",
      teamDomains: "",
      monthlyReportRecipients: "",
    });
    expect(settings.success && [settings.data.teamDomains ?? [], settings.data.monthlyReportRecipients ?? []]).toEqual([[], []]);
    const listed = MailSettingsSchema.safeParse({
      smtpPort: "587",
      smtpSecurity: "tls",
      dailySendCap: "300",
      attachmentLimitMb: "0",
      teamDomains: "Maison-Verdure.fr, agence.test",
      monthlyReportRecipients: "a@b.test;c@d.test",
    });
    expect(listed.success && [listed.data.teamDomains, listed.data.monthlyReportRecipients]).toEqual([
      ["maison-verdure.fr", "agence.test"],
      ["a@b.test", "c@d.test"],
    ]);
    expect(
      MailSettingsSchema.safeParse({ smtpPort: "0x19", smtpSecurity: "tls", dailySendCap: "300", attachmentLimitMb: "0" }).success,
    ).toBe(false);
  });
});
