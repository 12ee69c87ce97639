// The partners feature's door for the server only: its data access and server work.
export * from "./partner-duplicates.server";
export * from "./partner-import.server";
export * from "./partner-list.server";
export * from "./partner-scopes.server";
export * from "./partner.server";
export * from "./table-preference.server";
