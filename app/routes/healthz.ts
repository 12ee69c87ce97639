import { json } from "@remix-run/node";
import { checkHealth } from "~/utils/health.server";

/**
 * For load balancers and monitoring: 200 only when the database answers, accepts a write, has
 * the migrations this app expects, and (embedded) its disk has room. Unauthenticated, so it says
 * nothing more than states and counts.
 */
export async function loader() {
  const health = await checkHealth();
  const body = {
    status: health.ok ? "ok" : health.database === "unavailable" ? "database unavailable" : "degraded",
    database: health.database,
    writable: health.writable,
    migrations: health.migrations
      ? health.migrations.unknown.length
        ? "newer than this app"
        : health.migrations.pending.length
          ? "pending"
          : "current"
      : "unknown",
    disk: health.disk ? (health.disk.low ? "nearly full" : "ok") : "not checked",
  };
  return json(body, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
