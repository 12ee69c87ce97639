/** Written agreements' vocabulary (zod-free). */
export const agreementLanguages = ["fr", "en"] as const;
export type AgreementLanguage = (typeof agreementLanguages)[number];
