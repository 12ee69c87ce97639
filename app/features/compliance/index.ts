// The compliance feature's door for the browser and the server: its rules, types and UI parts.
export * from "./coverage-import";
export * from "./coverage-terms";
export * from "./coverage";
export * from "./disclosure/advice";
export * from "./disclosure/advice-v2";
export * from "./disclosure/batch";
export * from "./disclosure/check";
export * from "./disclosure/check-v2";
export * from "./disclosure/rules";
export * from "./disclosure/rules-v2";
export * from "./disclosure/text";
export * from "./disclosure/v2-input";
export * from "./ui/coverage-form";
export * from "./ui/disclosure-counts";
export * from "./ui/disclosure";
export * from "./ui/partner-coverage";
export * from "./ui/review-form";
