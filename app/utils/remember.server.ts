/**
 * One instance per process. The Express server and the Remix server build are separate module
 * graphs, so a module-level variable alone would give each its own copy (two PGlite handles
 * on one directory would corrupt it).
 */
export function remember<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T>;
  const key = Symbol.for(`partnerledger.${name}`);
  if (!(key in store)) store[key] = create();
  return store[key];
}

export function forget(name: string) {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`partnerledger.${name}`)];
}
