import { json, type ServerBuild } from "@remix-run/node";
import { ZodError } from "zod";
import { isRuleViolation } from "~/shared/violations";

/** The SQLSTATE a database error carries, through Prisma's driver adapters. */
function sqlStateOf(error: unknown): string | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" ? code : null;
}

/**
 * Whether an error escaping a loader or an action is the request's fault, and how to answer it:
 * a broken rule, input a schema refused, or a value PostgreSQL refused as data (SQLSTATE class
 * 22: NUL bytes, a number too large for its column, an impossible date). Each of those aborts its
 * transaction, so nothing is half-written. Anything else is a real failure and stays a 500.
 */
export function badInputOf(error: unknown): { status: number; message: string } | null {
  if (isRuleViolation(error)) return { status: error.status, message: error.formMessage() };
  if (error instanceof ZodError || (error instanceof Error && error.name === "ZodError")) {
    const message = (error as ZodError).issues?.[0]?.message ?? "";
    return { status: 400, message: message.startsWith("errors.") ? message : "errors.formHasErrors" };
  }
  const state = sqlStateOf(error);
  if (state?.startsWith("22")) return { status: 400, message: "errors.invalidValue" };
  return null;
}

type Handler = (args: never) => unknown;

function answeringBadInput<F extends Handler>(handler: F): F {
  return (async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      const bad = badInputOf(error);
      if (!bad) throw error;
      throw json({ message: bad.message }, { status: bad.status });
    }
  }) as F;
}

/**
 * The build with every loader and action answering bad input with its 4xx: the last line of
 * defence behind each route's own validation, so that no input a client sends produces a 5xx.
 */
export function answerBadInputIn(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      const module = {
        ...route.module,
        ...(loader ? { loader: answeringBadInput(loader) } : {}),
        ...(action ? { action: answeringBadInput(action) } : {}),
      };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}
