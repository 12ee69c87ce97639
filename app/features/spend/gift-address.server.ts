import { db } from "~/utils/db.server";
import { recordAudits } from "~/utils/audit.server";
import { getSettings } from "~/features/accounts/index.server";

/** A gift's shipping address, for the people who ship it (the route checks the role). */
export function giftAddress(giftId: string) {
  return db().giftAddress.findUnique({ where: { giftId }, select: { address: true, setAt: true } });
}

/** How often the app looks for addresses past their retention. */

/**
 * Addresses of gifts delivered more than the workspace's retention period ago are erased; the
 * audit trail keeps that they were, not what they said. Part of the daily clean-up.
 */
export async function eraseExpiredGiftAddresses(now = new Date()): Promise<number> {
  const { addressRetentionDays } = await getSettings();
  const cutoff = new Date(now.getTime() - addressRetentionDays * 86_400_000);
  return db().$transaction(async (tx) => {
    const expired = await tx.giftAddress.findMany({
      where: { gift: { OR: [{ deliveredOn: { lt: cutoff } }, { status: { in: ["cancelled", "returned"] }, updatedAt: { lt: cutoff } }] } },
      select: { giftId: true, partnerId: true },
    });
    if (expired.length === 0) return 0;
    await tx.giftAddress.deleteMany({ where: { giftId: { in: expired.map((row) => row.giftId) } } });
    await recordAudits(
      tx,
      expired.map((row) => ({
        actorId: null,
        action: "gift.address_erased",
        entityType: "Gift",
        entityId: row.giftId,
        after: { retentionDays: addressRetentionDays },
      })),
    );
    return expired.length;
  });
}
