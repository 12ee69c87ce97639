/** Everything the queue runs on a schedule, with the times the settings give (web and worker processes alike). */
import { readDueFeeds } from "~/features/attribution/index.server";
import { getSettings } from "~/features/accounts/index.server";
import { snapshotRecentCoverage } from "~/features/compliance/index.server";
import { db } from "~/utils/db.server";
import { dailyAtHour, everyMinutes, type ScheduledEntry, type ScheduledWork } from "~/utils/job-queue.server";
import { dailyPurge } from "./daily-purge.server";
import { sendDailyDigests, sendMonthlyReportIfDue } from "./scheduled-mail.server";

export async function scheduledWork(): Promise<Record<ScheduledWork, ScheduledEntry>> {
  const settings = await getSettings(db());
  return {
    dailyPurge: { run: () => dailyPurge(), cron: dailyAtHour(settings.purgeHourUtc) },
    // Runs daily at its hour and sends only on the month's first working day.
    monthlyReport: { run: () => sendMonthlyReportIfDue(), cron: dailyAtHour(settings.monthlyReportHourUtc) },
    dailyDigest: { run: () => sendDailyDigests(), cron: dailyAtHour(settings.digestHourUtc) },
    // Reads what is due when it runs, so a changed interval needs no catching up.
    feedReads: {
      run: async () => readDueFeeds((await getSettings(db())).feedPollMinutes ?? 60),
      cron: everyMinutes(settings.feedPollMinutes),
    },
    coverageSnapshots: { run: () => snapshotRecentCoverage(), cron: dailyAtHour(settings.snapshotHourUtc) },
  };
}
