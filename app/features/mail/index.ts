// The mail feature's door for the browser and the server: its rules, types and UI parts.
export * from "./mail-terms";
export * from "./mail";
export * from "./ui/mail";
export * from "./ui/page-strings";
