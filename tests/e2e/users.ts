import path from "node:path";
import type { Role } from "../../app/shared/permissions";

export const E2E_PASSWORD = "e2e-password-long-enough";

export const e2eUsers = {
  admin: { email: "admin@e2e.test", name: "Ada Admin", role: "admin" },
  manager: { email: "manager@e2e.test", name: "Camille Manager", role: "manager" },
  marketing: { email: "marketing@e2e.test", name: "Hannah Marketing", role: "marketing" },
  compliance: { email: "compliance@e2e.test", name: "Amélie Compliance", role: "compliance" },
  viewer: { email: "viewer@e2e.test", name: "Victor Viewer", role: "viewer" },
  // Tests that change their own user get one of their own, so no test depends on another.
  polyglot: { email: "polyglot@e2e.test", name: "Paul Polyglot", role: "manager" },
  signer: { email: "signer@e2e.test", name: "Sam Signer", role: "viewer" },
} satisfies Record<string, { email: string; name: string; role: Role }>;

export type E2EUser = keyof typeof e2eUsers;

export const sessionsFile = (dataDir: string) => path.join(dataDir, "e2e-sessions.json");

/** The layout tests' server runs on the demo workspace: its sessions by role and the records they open. */
export const demoFile = (dataDir: string) => path.join(dataDir, "e2e-demo.json");
