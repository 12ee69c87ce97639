// The imports feature's door for the server only: its data access and server work.
export * from "./import-action.server";
export * from "./imports.server";
