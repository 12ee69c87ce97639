/**
 * The role → permission table, written once. The server enforces it in every loader and
 * action (requirePermission); the UI reads the same table only to hide what would be refused.
 */
export const roles = ["admin", "manager", "marketing", "compliance", "viewer"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "partners:read",
  "partners:write",
  "outreach:write",
  /** Approving or sending back a draft message or brief. */
  "outreach:review",
  "gifts:read",
  "gifts:write",
  "placements:read",
  "placements:write",
  /** Products and campaigns. */
  "campaigns:write",
  "spend:approve",
  "coverage:read",
  "coverage:write",
  "compliance:read",
  "compliance:review",
  /** Editing the disclosure rule sets and re-checking coverage against them. */
  "compliance:rules",
  "reports:read",
  "audit:read",
  "users:manage",
  /** Downloading everything held about a partner (GDPR access) and the retention list. */
  "privacy:access",
  /** Erasing a partner's personal data. */
  "privacy:erase",
  /** Making, renewing and revoking a partner's portal link. */
  "portal:manage",
  /** Approving a partner's content before it is published, or asking for changes (one side each: community, compliance). */
  "content:review",
  "settings:manage",
] as const;
export type Permission = (typeof permissions)[number];

const readEverything: Permission[] = ["partners:read", "gifts:read", "placements:read", "coverage:read", "compliance:read", "reports:read"];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  manager: new Set([
    ...readEverything,
    "partners:write",
    "portal:manage",
    "content:review",
    "outreach:write",
    "gifts:write",
    "placements:write",
    "campaigns:write",
    "coverage:write",
  ]),
  marketing: new Set([...readEverything, "placements:write", "campaigns:write", "coverage:write", "spend:approve", "outreach:review"]),
  compliance: new Set([
    ...readEverything,
    "compliance:review",
    "compliance:rules",
    "audit:read",
    "outreach:review",
    "privacy:access",
    "content:review",
  ]),
  viewer: new Set(readEverything),
};

/** The side of a content review each reviewing role speaks for, beside what the roles may do. */
const contentReviewSides: Partial<Record<Role, ContentReviewSide>> = { manager: "community", compliance: "compliance" };
export type ContentReviewSide = "community" | "compliance";

/** Which side of the review a role speaks for; an admin takes whichever side is still open. */
export function reviewSideFor(role: Role, taken: readonly string[]): ContentReviewSide | null {
  if (role === "admin") return !taken.includes("community") ? "community" : !taken.includes("compliance") ? "compliance" : null;
  return contentReviewSides[role] ?? null;
}

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
