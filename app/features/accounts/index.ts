// The accounts feature's door for the browser and the server: its rules, types and UI parts.
export * from "./account-forms";
export * from "./sign-in-throttle";
export * from "./ui/sign-in-locks";
