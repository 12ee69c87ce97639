/** The daily clean-up, run by the queue's schedule (Settings › Workspace sets its hour or turns it off). */
import { eraseExpiredGiftAddresses } from "~/features/spend/index.server";
import { purgeEndedPortalAccess } from "~/features/portal/index.server";
import { purgeClickVisitors } from "~/features/attribution/index.server";

export async function dailyPurge(now = new Date()) {
  const addresses = await eraseExpiredGiftAddresses(now);
  const portal = await purgeEndedPortalAccess(now);
  const clicks = await purgeClickVisitors(now);
  return { addresses, ...portal, ...clicks };
}
