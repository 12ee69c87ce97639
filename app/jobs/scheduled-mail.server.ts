/**
 * Mail the app sends on its own schedule (Settings › Mail): the monthly report ("bilan mensuel") as
 * a PDF on the first working day of each month, and each community manager's daily digest. Both
 * go out from the workspace's identity through its SMTP server; each sending is audited.
 */
import { randomBytes } from "node:crypto";
import { isoDay, todayUtc } from "~/shared/days";
import { WAITING_DAYS } from "~/features/reports";
import { firstWorkingDay, previousMonth } from "~/features/mail";
import { monthlyReportPdf, metricsContext, monthlyReport } from "~/features/reports/index.server";
import { createI18n, isStaffLocale, type StaffLocale } from "~/i18n/config";
import { registerServerDictionaries } from "~/i18n/dictionaries.server";
import { recordAudit } from "~/utils/audit.server";
import { waitingForCoverage } from "~/features/spend/index.server";
import { getSettings, type WorkspaceSettings } from "~/features/accounts/index.server";
import { myFollowUps } from "~/features/outreach/index.server";
import { db } from "~/utils/db.server";
import { formatDay } from "~/shared/format";
import { composeMessage, deliver } from "~/features/mail/index.server";

function workspaceSender(settings: WorkspaceSettings) {
  if (!settings.smtpHost || !settings.mailFromAddress) return null;
  return { name: settings.mailFromName ?? "PartnerLedger", address: settings.mailFromAddress };
}

const newMessageId = (address: string) => `${randomBytes(12).toString("hex")}@${address.split("@")[1]}`;

/** The language of the app's own mail to the team: the first admin's, else English. */
async function teamLocale(): Promise<StaffLocale> {
  const admin = await db().user.findFirst({
    where: { role: "admin", disabledAt: null },
    orderBy: { createdAt: "asc" },
    select: { locale: true },
  });
  return isStaffLocale(admin?.locale) ? admin.locale : "en";
}

/** Sends last month's report when today is the month's first working day; otherwise does nothing. */
export async function sendMonthlyReportIfDue(now = new Date()) {
  registerServerDictionaries();
  const settings = await getSettings(db());
  const sender = workspaceSender(settings);
  const today = isoDay(now);
  if (today !== firstWorkingDay(now.getUTCFullYear(), now.getUTCMonth() + 1)) return { sent: false, reason: "not the first working day" };
  if (!sender || settings.monthlyReportRecipients.length === 0) return { sent: false, reason: "no sender or no recipients" };
  const month = previousMonth(today);
  const locale = await teamLocale();
  const { t } = createI18n(locale);
  const report = await monthlyReport(month, await metricsContext(), today);
  const pdf = await monthlyReportPdf(report, t, locale);
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  const raw = await composeMessage({
    from: sender,
    replyTo: settings.mailReplyTo,
    to: settings.monthlyReportRecipients,
    subject: t("monthly.mailSubject", { month: monthName }),
    text: t("monthly.mailBody", { month: monthName }),
    messageId: newMessageId(sender.address),
    attachments: [{ filename: `monthly-report-${month}.pdf`, content: pdf, contentType: "application/pdf" }],
  });
  await deliver(settings, { from: sender.address, to: settings.monthlyReportRecipients }, raw);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actorId: null,
      action: "report.mailed",
      entityType: "MonthlyReport",
      entityId: month,
      after: { recipients: settings.monthlyReportRecipients.length },
    }),
  );
  return { sent: true, month, recipients: settings.monthlyReportRecipients.length };
}

/** The digest one person gets: their follow-ups due and their partners' gifts waiting for coverage; null when there is nothing. */
export async function digestFor(user: { id: string; name: string; locale: string | null }, now = new Date()) {
  const locale: StaffLocale = isStaffLocale(user.locale) ? user.locale : "en";
  const { t } = createI18n(locale);
  const [{ overdue, upcoming }, gifts] = await Promise.all([
    myFollowUps(user.id),
    db().gift.findMany({
      where: { AND: [waitingForCoverage(WAITING_DAYS), { partner: { ownerId: user.id } }] },
      orderBy: { shippedOn: "asc" },
      take: 50,
      select: { itemName: true, shippedOn: true, partner: { select: { name: true } } },
    }),
  ]);
  const today = isoDay(todayUtc(now));
  const due = [...overdue, ...upcoming.filter((task) => isoDay(task.dueOn) === today)];
  if (due.length === 0 && gifts.length === 0) return null;
  const lines = [
    t("digest.greeting", { name: user.name }),
    "",
    t("digest.followUps", { count: due.length }),
    ...due.map((task) => `- ${formatDay(locale, task.dueOn)} · ${task.partner.name}: ${task.title}`),
    "",
    t("digest.gifts", { count: gifts.length, days: String(WAITING_DAYS) }),
    ...gifts.map((gift) => `- ${gift.partner.name}: ${gift.itemName}${gift.shippedOn ? ` (${formatDay(locale, gift.shippedOn)})` : ""}`),
  ];
  return {
    subject: t("digest.subject", { date: formatDay(locale, today) }),
    text: lines.join("\n"),
    counts: { followUps: due.length, gifts: gifts.length },
  };
}

/** Each community manager's digest, sent to their sign-in address; someone with nothing due gets nothing. */
export async function sendDailyDigests(now = new Date()) {
  registerServerDictionaries();
  const settings = await getSettings(db());
  const sender = workspaceSender(settings);
  if (!sender) return { sent: 0, reason: "no sender" };
  const managers = await db().user.findMany({
    where: { role: { in: ["manager", "admin"] }, disabledAt: null },
    select: { id: true, name: true, email: true, locale: true },
  });
  let sent = 0;
  for (const manager of managers) {
    const digest = await digestFor(manager, now);
    if (!digest) continue;
    const raw = await composeMessage({
      from: sender,
      replyTo: settings.mailReplyTo,
      to: manager.email,
      subject: digest.subject,
      text: digest.text,
      messageId: newMessageId(sender.address),
    });
    await deliver(settings, { from: sender.address, to: [manager.email] }, raw);
    await db().$transaction((tx) =>
      recordAudit(tx, { actorId: null, action: "digest.mailed", entityType: "User", entityId: manager.id, after: digest.counts }),
    );
    sent += 1;
  }
  return { sent };
}
