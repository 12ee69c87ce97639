import "i18next";
import type { en } from "./en";
import type { mailPagesEn } from "./mail-pages";
import type { outsidePagesEn } from "./outside-pages";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en & typeof mailPagesEn & typeof outsidePagesEn };
  }
}
