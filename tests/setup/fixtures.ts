import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { hashPassword } from "~/utils/password.server";
import { createSession, markHasUser } from "~/features/accounts/auth.server";
import { db } from "~/utils/db.server";
import type { Role } from "~/shared/permissions";
import { sessionCookie } from "~/utils/session.server";

let counter = 0;

export async function createTestUser(role: Role, overrides: { email?: string; password?: string; name?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `${role}-${counter}-${Date.now()}@example.test`;
  const user = await db().user.create({
    data: {
      email,
      name: overrides.name ?? `Test ${role} ${counter}`,
      role,
      password: { create: { hash: await hashPassword(overrides.password ?? "a-long-test-password") } },
    },
  });
  markHasUser();
  return user;
}

/** The Cookie header of a fresh session for the user, as the browser would send it. */
export async function cookieFor(userId: string) {
  const session = await db().$transaction((tx) => createSession(tx, userId, { ipAddress: "127.0.0.1", userAgent: "vitest" }));
  const header = await sessionCookie().serialize(session.id);
  return header.split(";")[0];
}

export function formRequest(
  path: string,
  fields: Record<string, string>,
  init: { cookie?: string; headers?: Record<string, string> } = {},
) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export function getRequest(path: string, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`http://localhost${path}`, { headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers } });
}

export function args<T extends LoaderFunctionArgs | ActionFunctionArgs>(
  request: Request,
  params: Record<string, string> = {},
  ipAddress = "10.0.0.1",
): T {
  return { request, params, context: { ipAddress, cspNonce: "" } } as T;
}

/** Loaders and actions signal redirects and errors by throwing a Response. */
export async function responseOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    throw new Error(`Expected a Response, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
