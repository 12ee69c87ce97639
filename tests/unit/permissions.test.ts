import { describe, expect, it } from "vitest";
import { can, permissions, roles, rolePermissions } from "~/shared/permissions";

describe("role → permission table", () => {
  it("gives admin every permission", () => {
    for (const permission of permissions) expect(can("admin", permission)).toBe(true);
  });

  it("keeps viewers strictly read-only", () => {
    const granted = [...rolePermissions.viewer];
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.every((permission) => permission.endsWith(":read"))).toBe(true);
    expect(can("viewer", "audit:read")).toBe(false);
  });

  it("matches each role's job", () => {
    expect(can("manager", "partners:write")).toBe(true);
    expect(can("manager", "outreach:write")).toBe(true);
    expect(can("manager", "gifts:write")).toBe(true);
    expect(can("manager", "coverage:write")).toBe(true);
    expect(can("manager", "spend:approve")).toBe(false);
    // A CM proposes placements (issue 4); only marketing and admins approve spend.
    expect(can("manager", "placements:write")).toBe(true);
    expect(can("viewer", "campaigns:write")).toBe(false);
    expect(can("manager", "outreach:review")).toBe(false);
    expect(can("marketing", "outreach:review")).toBe(true);
    expect(can("compliance", "outreach:review")).toBe(true);

    expect(can("marketing", "placements:write")).toBe(true);
    expect(can("marketing", "spend:approve")).toBe(true);
    expect(can("marketing", "reports:read")).toBe(true);
    expect(can("marketing", "partners:write")).toBe(false);

    expect(can("compliance", "compliance:review")).toBe(true);
    expect(can("compliance", "audit:read")).toBe(true);
    expect(can("compliance", "gifts:write")).toBe(false);
  });

  it("lets only admins manage users and settings", () => {
    for (const role of roles) {
      expect(can(role, "users:manage")).toBe(role === "admin");
      expect(can(role, "settings:manage")).toBe(role === "admin");
    }
  });

  it("lets every role read everything but the audit trail, which admin and compliance read", () => {
    for (const role of roles) {
      for (const permission of [
        "partners:read",
        "gifts:read",
        "placements:read",
        "coverage:read",
        "compliance:read",
        "reports:read",
      ] as const) {
        expect(can(role, permission)).toBe(true);
      }
      expect(can(role, "audit:read")).toBe(role === "admin" || role === "compliance");
    }
  });
});
