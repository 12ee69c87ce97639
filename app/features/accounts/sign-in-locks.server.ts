import { ACCOUNT_ADDRESS_FREE_FAILURES, ADDRESS_FREE_FAILURES, heldBackUntil, THROTTLE_WINDOW_SECONDS } from "./sign-in-throttle";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

export interface SignInLock {
  /** Null: the address is held back for every account. */
  email: string | null;
  ipAddress: string;
  failures: number;
  until: Date;
}

/** Accounts at addresses, and addresses, whose sign-in attempts are being held back now. */
export async function listSignInLocks(now = new Date()): Promise<SignInLock[]> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000);
  const where = { succeeded: false, createdAt: { gt: since } };
  const [pairs, addresses] = await Promise.all([
    db().loginAttempt.groupBy({
      by: ["email", "ipAddress"],
      where,
      _count: { _all: true },
      _max: { createdAt: true },
      having: { email: { _count: { gte: ACCOUNT_ADDRESS_FREE_FAILURES } } },
    }),
    db().loginAttempt.groupBy({
      by: ["ipAddress"],
      where,
      _count: { _all: true },
      _max: { createdAt: true },
      having: { ipAddress: { _count: { gte: ADDRESS_FREE_FAILURES } } },
    }),
  ]);
  const lock = (email: string | null, ipAddress: string, failures: number, lastFailureAt: Date | null, free: number): SignInLock => ({
    email,
    ipAddress,
    failures,
    until: heldBackUntil({ failures, lastFailureAt }, free) ?? now,
  });
  return [
    ...addresses.map((a) => lock(null, a.ipAddress, a._count._all, a._max.createdAt, ADDRESS_FREE_FAILURES)),
    ...pairs.map((p) => lock(p.email, p.ipAddress, p._count._all, p._max.createdAt, ACCOUNT_ADDRESS_FREE_FAILURES)),
  ].filter((l) => l.until > now);
}

/** Forgets the recent failures behind a lock (an account at an address, or a whole address), audited. */
export async function clearSignInLock(actorId: string, lock: { email: string | null; ipAddress: string }) {
  return db().$transaction(async (tx) => {
    const since = new Date(Date.now() - THROTTLE_WINDOW_SECONDS * 1000);
    const { count } = await tx.loginAttempt.deleteMany({
      where: { ipAddress: lock.ipAddress, ...(lock.email ? { email: lock.email } : {}), succeeded: false, createdAt: { gt: since } },
    });
    await recordAudit(tx, {
      actorId,
      action: "signInLock.clear",
      entityType: "LoginAttempt",
      entityId: lock.email ? `${lock.email}@${lock.ipAddress}` : lock.ipAddress,
      after: { ...lock, failuresForgotten: count },
    });
    return count;
  });
}
