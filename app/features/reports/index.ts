// The reports feature's door for the browser and the server: its rules, types and UI parts.
export * from "./dashboard";
export * from "./metrics";
export * from "./monthly-report";
export * from "./period-query";
export * from "./ranking";
export * from "./ui/cost-benefit-chart";
export * from "./ui/metrics";
export * from "./ui/partner-cost-benefit";
