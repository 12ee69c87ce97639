/** Everything the queue runs on a schedule, with the hours the settings give (web and worker processes alike). */
import { getSettings } from "~/models/settings.server";
import { db } from "~/utils/db.server";
import type { ScheduledWork } from "~/utils/job-queue.server";
import { dailyPurge } from "./daily-purge.server";
import { sendDailyDigests, sendMonthlyReportIfDue } from "./scheduled-mail.server";

export async function scheduledWork(): Promise<Record<ScheduledWork, { run: () => Promise<unknown>; hourUtc: number | null }>> {
  const settings = await getSettings(db());
  return {
    dailyPurge: { run: () => dailyPurge(), hourUtc: settings.purgeHourUtc },
    // Runs daily at its hour and sends only on the month's first working day.
    monthlyReport: { run: () => sendMonthlyReportIfDue(), hourUtc: settings.monthlyReportHourUtc },
    dailyDigest: { run: () => sendDailyDigests(), hourUtc: settings.digestHourUtc },
  };
}
