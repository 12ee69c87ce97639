// The portal feature's door for the browser and the server: its rules, types and UI parts.
export * from "./content-terms";
export * from "./content";
export * from "./legal-ids";
export * from "./portal-terms";
export * from "./portal";
export * from "./ui/content-draft";
export * from "./ui/content-review";
export * from "./ui/content-status";
export * from "./ui/partner-submissions";
export * from "./ui/portal-links";
export * from "./ui/portal-shell";
export * from "./ui/agreement-title";
