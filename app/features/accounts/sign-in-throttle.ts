/**
 * Sign-in throttling that cannot be turned against the people it protects: it backs off per
 * account *and* address, so failures from an attacker's address never lock the owner out from
 * theirs. An address guessing many accounts backs off too, at a higher threshold.
 */

/** Failures are counted over this window (and, for an account at an address, since its last success). */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
/** Free failures for one account from one address; then 1 s, 2 s, 4 s… */
export const ACCOUNT_ADDRESS_FREE_FAILURES = 5;
/** Free failures from one address across accounts (a shared office or proxy tries many). */
export const ADDRESS_FREE_FAILURES = 50;
export const MAX_BACKOFF_SECONDS = 15 * 60;

export interface FailureCount {
  failures: number;
  lastFailureAt: Date | null;
}

/** The wait after `failures` failures in a row, `free` of them free. */
export function backoffSeconds(failures: number, free: number): number {
  return failures < free ? 0 : Math.min(MAX_BACKOFF_SECONDS, 2 ** (failures - free));
}

/** When attempts are heard again after these failures, `free` of them free; null when they never stopped. */
export function heldBackUntil(count: FailureCount, free: number): Date | null {
  return count.lastFailureAt ? new Date(count.lastFailureAt.getTime() + backoffSeconds(count.failures, free) * 1000) : null;
}

/** Whole seconds left before the next attempt is heard; 0 when it may go ahead. */
export function secondsToWait(accountAtAddress: FailureCount, address: FailureCount, now: Date): number {
  const left = (count: FailureCount, free: number) => Math.max(0, ((heldBackUntil(count, free)?.getTime() ?? 0) - now.getTime()) / 1000);
  return Math.ceil(Math.max(left(accountAtAddress, ACCOUNT_ADDRESS_FREE_FAILURES), left(address, ADDRESS_FREE_FAILURES)));
}
