import "i18next";
import type { en } from "./en";
import type { mailPagesEn } from "~/features/mail/page-strings";
import type { outsidePagesEn } from "~/features/attribution/page-strings";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en & typeof mailPagesEn & typeof outsidePagesEn };
  }
}
