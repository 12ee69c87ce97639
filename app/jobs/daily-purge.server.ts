/** The daily clean-up, run by the queue's schedule (Settings › Workspace sets its hour or turns it off). */
import { eraseExpiredGiftAddresses } from "~/models/gift-address.server";
import { purgeEndedPortalAccess } from "~/models/portal.server";
import { purgeClickVisitors } from "~/utils/click-counter.server";

export async function dailyPurge(now = new Date()) {
  const addresses = await eraseExpiredGiftAddresses(now);
  const portal = await purgeEndedPortalAccess(now);
  const clicks = await purgeClickVisitors(now);
  return { addresses, ...portal, ...clicks };
}
