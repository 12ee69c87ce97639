// The compliance feature's door for the server only: its data access and server work.
export * from "./coverage-import.server";
export * from "./coverage.server";
export * from "./disclosure-counts.server";
export * from "./disclosure.server";
export * from "./relationship.server";
export * from "./disclosure-v2.server";
export * from "./snapshots.server";
