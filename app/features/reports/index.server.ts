// The reports feature's door for the server only: its data access and server work.
export * from "./cost-benefit-rollup.server";
export * from "./dashboard.server";
export * from "./metrics.server";
export * from "./monthly-report-pdf.server";
export * from "./monthly-report.server";
