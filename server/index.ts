/**
 * The production server: validates the environment, applies pending migrations, then serves
 * the Remix build behind security headers, compression and a coarse rate limit.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { migrationNames } from "../prisma/migration-names";
import { MigrationEngine } from "../prisma/schema-engine";
import { answerMaintenanceRequests, EMBEDDED_VACUUM_INTERVAL_MS, vacuumEmbeddedDatabase } from "../app/utils/maintenance.server";
import { migrationsUnknownToThisApp } from "../app/utils/migrations.server";
import { recordProcessFacts } from "../app/utils/health.server";
import { dailyPurge } from "../app/jobs/daily-purge.server";
import { scheduledWork } from "../app/jobs/scheduled.server";
import { answerBadInputIn } from "../app/utils/bad-input.server";
import { refuseCrossSiteRequests } from "./cross-site";
import { trackedLinkRedirect } from "./tracked-links";
import { flushClicks } from "../app/features/attribution/click-counter.server";
import { limitRequestBodies } from "./request-bodies";
import { databaseTarget, describeTarget, diskFullMessage, errorMessage, openDatabase } from "../app/utils/db-connection.server";
import { connectDatabase, disconnectDatabase } from "../app/utils/db.server";
import { ConfigError, parseEnv } from "../app/utils/env.server";
import { ensureSessionSecret } from "../app/utils/session-secret.server";
import { withRequestScope } from "../app/utils/request-scope.server";
import { startJobQueue, stopJobQueue } from "../app/utils/job-queue.server";
import { jobHandlers } from "../app/jobs/handlers.server";
import { startMailReceiver } from "../app/features/mail/mail-receiver.server";
import { acceptsLogRecipient } from "../app/features/mail/mail-settings.server";
import { acceptInboundMail } from "../app/features/mail/mail-inbound.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function start() {
  const env = parseEnv();
  process.env.SESSION_SECRET = ensureSessionSecret(env.dataDir, env.SESSION_SECRET);

  const buildFile = path.join(root, "build/index.js");
  if (!fs.existsSync(buildFile)) throw new ConfigError("No production build found: run `npm run build` first.");

  const target = databaseTarget(env);
  const database = await openDatabase(target);
  const engine = await MigrationEngine.open(database);
  try {
    const applied = await engine.applyPending();
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  } finally {
    await engine.close();
  }
  await connectDatabase(database);
  const unknown = await migrationsUnknownToThisApp(migrationNames());
  if (unknown.length) {
    throw new ConfigError(
      `The database has migrations this version of PartnerLedger does not know (${unknown.join(", ")}): it was upgraded by a newer version. Run that version or a newer one.`,
    );
  }
  recordProcessFacts({ knownMigrations: migrationNames(), dataDir: target.kind === "pglite" ? target.dataDir : null });
  // Every web process also works jobs; `npm run worker` adds processes that only work jobs.
  await startJobQueue({ work: true, handlers: jobHandlers, scheduled: await scheduledWork() });
  // The daily clean-up runs on the queue's schedule (Settings › Workspace); once now as well, so a
  // server that was down at that hour catches up.
  await dailyPurge().catch((error) => console.error(`Daily clean-up failed: ${errorMessage(error)}`));
  if (env.MAIL_RECEIVER_PORT) {
    await startMailReceiver({
      port: env.MAIL_RECEIVER_PORT,
      host: env.MAIL_RECEIVER_HOST,
      acceptsRecipient: acceptsLogRecipient,
      onMessage: async (raw) => void (await acceptInboundMail(raw)),
    });
    console.log(`Mail receiver listening on ${env.MAIL_RECEIVER_HOST}:${env.MAIL_RECEIVER_PORT}`);
  }
  if (target.kind === "pglite") {
    // At start, before any request: reclaims what a killed import left; then every few hours.
    console.log(`Vacuumed the embedded database in ${await vacuumEmbeddedDatabase()} ms`);
    setInterval(() => {
      vacuumEmbeddedDatabase().catch((error) => console.error(`Vacuum failed: ${errorMessage(error)}`));
    }, EMBEDDED_VACUUM_INTERVAL_MS).unref();
    // `npm run backup` and `npm run db:vacuum` ask this process, which owns the database.
    answerMaintenanceRequests(target.dataDir, database.pglite!, describeTarget(target));
  }

  const build = answerBadInputIn((await import(pathToFileURL(buildFile).href)) as ServerBuild);
  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY !== undefined) app.set("trust proxy", env.TRUST_PROXY);

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    // Reads only: an action may change what a loader in the same request must see afresh.
    if (req.method === "GET" || req.method === "HEAD") withRequestScope(next);
    else next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "script-src": ["'strict-dynamic'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          // Browsers already refuse mixed content; this header would break plain-http local use.
          "upgrade-insecure-requests": null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // Helmet's default, no-referrer, makes browsers send "Origin: null" on a form POST, and
      // Remix refuses such a document POST as a possible CSRF: every form failed with a 500
      // before JavaScript had loaded. same-origin keeps the origin for our own pages only.
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  // A response sent before its request's body was read (a refusal, a 404 for an unknown record)
  // closes the connection: Node drops the unread rest of the body, and a client reusing the
  // connection for its next request would get a reset instead of an answer.
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!req.complete && !res.headersSent) res.setHeader("Connection", "close");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
  app.use(refuseCrossSiteRequests({ appUrl: env.APP_URL, trustProxy: env.TRUST_PROXY !== undefined && env.TRUST_PROXY > 0 }));
  app.use(limitRequestBodies());
  app.use(compression());
  // Portal links: a guess that finds nothing counts; 30 of them in 10 minutes from one address is enough.
  app.use(
    "/p/",
    rateLimit({ windowMs: 10 * 60_000, limit: 30, skipSuccessfulRequests: true, standardHeaders: "draft-7", legacyHeaders: false }),
  );
  // A coarse per-process guard against floods. Sign-in is left out: it has its own throttling in
  // the database, and a burst of writes from a shared address must not lock everyone out of it.
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: 300,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      skip: (req) => req.method === "GET" || req.method === "HEAD" || req.path === "/login",
    }),
  );
  app.use("/r", trackedLinkRedirect());
  // The build's assets come precompressed (npm run build); compression() leaves encoded responses alone.
  app.use(
    "/build",
    expressStaticGzip(path.join(root, "public/build"), {
      enableBrotli: true,
      orderPreference: ["br", "gz"],
      index: false,
      serveStatic: { immutable: true, maxAge: "1y" },
    }),
  );
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.all(
    "*",
    // Pages and data hold people's and partners' details: no shared or browser cache keeps them
    // (a route may still say otherwise for its own response).
    (_req, res, next) => {
      res.setHeader("Cache-Control", "private, no-store");
      next();
    },
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        ipAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  const server = app.listen(env.PORT, () => {
    console.log(`PartnerLedger is ready on http://localhost:${env.PORT} (${describeTarget(target)})`);
  });
  server.on("error", (error) => {
    console.error(`Cannot listen on port ${env.PORT}: ${errorMessage(error)}`);
    process.exit(1);
  });

  const shutdown = () => {
    server.close(() => {
      flushClicks()
        .catch((error) => console.error(`Writing the last clicks: ${errorMessage(error)}`))
        .then(() => stopJobQueue())
        .catch((error) => console.error(`Stopping the job queue: ${errorMessage(error)}`))
        .then(() => disconnectDatabase())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

/** PGlite reports a full disk as "Aborted()": say what it is. */
function embeddedDiskFull(): string | null {
  try {
    const target = databaseTarget(parseEnv());
    return target.kind === "pglite" ? diskFullMessage(target.dataDir) : null;
  } catch {
    return null;
  }
}

start().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(embeddedDiskFull() ?? `Start-up failed: ${errorMessage(error)}`);
  process.exit(1);
});
