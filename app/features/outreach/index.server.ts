// The outreach feature's door for the server only: its data access and server work.
export * from "./outreach.server";
export * from "./task.server";
export * from "./templates.server";
