// The outreach feature's door for the browser and the server: its rules, types and UI parts.
export * from "./outreach-terms";
export * from "./outreach";
export * from "./ui/outreach";
