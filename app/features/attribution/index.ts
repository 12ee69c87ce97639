// The attribution feature's door for the browser and the server: its rules, types and UI parts.
export * from "./feeds";
export * from "./order-import";
export * from "./orders";
export * from "./tracked-links";
export * from "./ui/page-strings";
