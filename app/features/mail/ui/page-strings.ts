import { usePageStrings } from "~/components/use-page-strings";
import { mailPages } from "../page-strings";

/** Settings › Mail and Templates, the inbox and a message, the mail import, a template's draft, a draft, a job. */
export const useMailPageStrings = () => usePageStrings(mailPages, "mailSettings.serverTitle");
