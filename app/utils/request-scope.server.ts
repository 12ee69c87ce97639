/**
 * Values worked out once per HTTP request (the signed-in user is asked for by the root loader and
 * by the page's loader). The Express server opens a scope around each request; outside one (tests,
 * CLI) nothing is kept.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { remember } from "./remember.server";

const scope = () => remember("requestScope", () => new AsyncLocalStorage<Map<string, unknown>>());

export function withRequestScope<T>(run: () => T): T {
  return scope().run(new Map(), run);
}

export function oncePerRequest<T>(key: string, work: () => Promise<T>): Promise<T> {
  const values = scope().getStore();
  if (!values) return work();
  if (!values.has(key)) values.set(key, work());
  return values.get(key) as Promise<T>;
}
