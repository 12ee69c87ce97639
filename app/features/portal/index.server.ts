// The portal feature's door for the server only: its data access and server work.
export * from "./content-review.server";
export * from "./content.server";
export * from "./invoices.server";
export * from "./portal-session.server";
export * from "./portal.server";
