// The accounts feature's door for the server only: its data access and server work.
export * from "./auth.server";
export * from "./personal-data.server";
export * from "./settings.server";
export * from "./sign-in-locks.server";
export * from "./user.server";
export * from "./intent-actions.server";
