// The attribution feature's door for the server only: its data access and server work.
export * from "./captures.server";
export * from "./click-counter.server";
export * from "./feeds.server";
export * from "./orders.server";
export * from "./tracked-link-cache.server";
export * from "./tracked-links.server";
