import { json } from "@remix-run/node";
import { db } from "~/utils/db.server";

/** For load balancers in front of several app processes: 200 only when the database answers. */
export async function loader() {
  try {
    await db().$queryRaw`SELECT 1`;
    return json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "database unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
