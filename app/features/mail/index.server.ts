// The mail feature's door for the server only: its data access and server work.
export * from "./mail-inbound.server";
export * from "./mail-parse.server";
export * from "./mail-receiver.server";
export * from "./mail-send.server";
export * from "./mail-settings.server";
export * from "./mail-transport.server";
export * from "./mail.server";
