/**
 * npm run bench:redirect — /r/<code> with 1,000 links and 1 million recorded clicks (issue 19: under
 * 5 ms p95). The redirect handler the server mounts answers over real HTTP on loopback while its
 * clicks are written in the background; on PostgreSQL, set DATABASE_URL.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { trackedLinkRedirect } from "../server/tracked-links";
import { flushClicks } from "../app/features/attribution/click-counter.server";
import { db } from "../app/utils/db.server";
import { LINK_CODE_ALPHABET } from "../app/features/attribution/tracked-links";
import { runCli, withCliDatabase } from "../app/cli/database";
import { freshDatabase, percentile } from "./bench-harness";

const LINKS = 1_000;
const CLICKS = 1_000_000;
const REQUESTS = 20_000;

runCli(async () => {
  const { engine, cleanup } = await freshDatabase();
  try {
    await withCliDatabase(async (database) => {
      console.log(`Benchmark on ${database}`);
      const admin = await db().user.create({ data: { email: `bench-${Date.now()}@example.com`, name: "Bench", role: "admin" } });
      // 100 partners with 10 links each; 1,000 recorded clicks per link over the past 100 days.
      await db().$executeRaw`
        INSERT INTO "Partner" ("id", "name", "kind", "updatedAt")
        SELECT 'bp' || g, 'Bench partner ' || g, 'blogger', now() FROM generate_series(1, 100) g`;
      // Codes as the app writes them: eight characters of its alphabet.
      const codes = Array.from({ length: LINKS }, (_, i) => {
        const digit = (n: number) => LINK_CODE_ALPHABET[n % LINK_CODE_ALPHABET.length];
        return `benc${digit(i)}${digit(Math.floor(i / 56))}${digit(Math.floor(i / 3136))}x`;
      });
      await db().$executeRaw`
        INSERT INTO "TrackedLink" ("id", "code", "partnerId", "destination", "createdById")
        SELECT 'bl' || g, (${codes}::text[])[g], 'bp' || (1 + g % 100), 'https://shop.example.com/p/' || g, ${admin.id}
        FROM generate_series(1, ${LINKS}) g`;
      const started = Date.now();
      await db().$executeRaw`
        INSERT INTO "LinkVisitor" ("linkId", "day", "visitorHash")
        SELECT 'bl' || (1 + g % ${LINKS}), current_date - 2 - (g % 100), md5(g::text) FROM generate_series(1, ${CLICKS}) g`;
      await db().$executeRaw`
        INSERT INTO "LinkClickDay" ("linkId", "day", "clicks")
        SELECT "linkId", "day", count(*) FROM "LinkVisitor" GROUP BY "linkId", "day"`;
      await db().$executeRawUnsafe("VACUUM ANALYZE");
      console.log(
        `  ${LINKS.toLocaleString("en")} links and ${CLICKS.toLocaleString("en")} recorded clicks in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );

      const app = express();
      app.use("/r", trackedLinkRedirect());
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      const port = (server.address() as AddressInfo).port;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const get = (code: string, visitor: number) =>
        new Promise<number>((resolve, reject) => {
          const start = performance.now();
          http
            .get(
              {
                host: "127.0.0.1",
                port,
                path: `/r/${code}`,
                agent,
                headers: { "User-Agent": `Mozilla/5.0 (X11; Linux x86_64) Firefox/${visitor}` },
              },
              (res) => {
                res.resume();
                res.on("end", () =>
                  res.statusCode === 302 ? resolve(performance.now() - start) : reject(new Error(`answered ${res.statusCode}`)),
                );
              },
            )
            .on("error", reject);
        });
      // First pass: every code once (each looked up in the database, then held).
      const cold: number[] = [];
      for (const code of codes) cold.push(await get(code, 0));
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) samples.push(await get(codes[(i * 7919) % LINKS], i % 500));
      await flushClicks();
      server.close();
      agent.destroy();
      cold.sort((a, b) => a - b);
      samples.sort((a, b) => a - b);
      const counted = await db().$queryRaw<{ n: bigint }[]>`SELECT sum("clicks") AS n FROM "LinkClickDay" WHERE "day" = current_date`;
      console.log(`\n${engine}: GET /r/<code>, ${REQUESTS.toLocaleString("en")} requests on one keep-alive connection`);
      console.log(
        `  first request per code (database lookup): p50 ${percentile(cold, 50).toFixed(2)} ms, p95 ${percentile(cold, 95).toFixed(2)} ms`,
      );
      console.log(
        `  all requests: p50 ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms (target: p95 under 5 ms)`,
      );
      console.log(`  clicks counted today: ${Number(counted[0]?.n ?? 0).toLocaleString("en")} (distinct visitors per link and day)`);
      if (percentile(samples, 95) >= 5) process.exitCode = 1;
    });
  } finally {
    await cleanup();
  }
  return Number(process.exitCode ?? 0);
});
