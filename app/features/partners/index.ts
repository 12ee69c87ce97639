// The partners feature's door for the browser and the server: its rules, types and UI parts.
export * from "./audience-flags";
export * from "./partner-import";
export * from "./partner-list-terms";
export * from "./partner-list";
export * from "./partner-terms";
export * from "./partners";
export * from "./table-preferences";
export * from "./ui/channel-form";
export * from "./ui/followers-chart";
export * from "./ui/partner-badges";
export * from "./ui/partner-filters";
export * from "./ui/partner-form";
export * from "./ui/partner-search";
export * from "./ui/partner-details";
