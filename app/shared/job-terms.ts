/** The long jobs people follow on a page (zod-free: the job page uses it). */
import type { Permission } from "~/shared/permissions";

export const jobKindNames = [
  "disclosure.recheck",
  "mail.send",
  "mail.receive",
  "mail.import",
  "partners.import",
  "feeds.read",
  "coverage.snapshot",
] as const;
export type JobKindName = (typeof jobKindNames)[number];

/** Who may follow a job of each kind (starting it needs more: the route that starts it says). */
export const jobReadPermission: Record<JobKindName, Permission> = {
  "disclosure.recheck": "compliance:read",
  "mail.send": "partners:read",
  "mail.receive": "outreach:write",
  "mail.import": "outreach:write",
  "partners.import": "partners:write",
  "feeds.read": "partners:read",
  "coverage.snapshot": "coverage:read",
};

/** Where a finished job's result is read, from what it stored. */
export function jobResultHref(kind: string, result: unknown): string | null {
  if (kind === "disclosure.recheck" && result && typeof result === "object" && "recheckId" in result)
    return `/compliance/rechecks/${String((result as { recheckId: unknown }).recheckId)}`;
  if (kind === "mail.import") return "/mail";
  if (kind === "partners.import") return "/partners";
  if (kind === "feeds.read") return "/coverage/captured";
  if (kind === "coverage.snapshot" && result && typeof result === "object" && "snapshotId" in result && "coverageItemId" in result) {
    const { snapshotId, coverageItemId } = result as { snapshotId: unknown; coverageItemId: unknown };
    return `/coverage/${String(coverageItemId)}/snapshots/${String(snapshotId)}`;
  }
  return null;
}
