declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client address as Express sees it (honours TRUST_PROXY). */
    ipAddress: string;
  }
}

export {};
