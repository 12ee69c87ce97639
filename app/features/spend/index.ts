// The spend feature's door for the browser and the server: its rules, types and UI parts.
export * from "./agreement-terms";
export * from "./agreements";
export * from "./payments";
export * from "./rate-import";
export * from "./spend-import";
export * from "./spend-terms";
export * from "./spend";
export * from "./ui/agreement-text";
export * from "./ui/agreement-totals";
export * from "./ui/campaign-form";
export * from "./ui/partner-agreements";
export * from "./ui/partner-spend";
export * from "./ui/product-form";
export * from "./ui/spend-chart";
export * from "./ui/spend-import-page";
export * from "./written-agreement";
