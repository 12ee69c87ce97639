import { remember } from "~/utils/remember.server";

/** Codes the redirect has looked up, for 30 seconds; one per process, shared with the app so an archived link stops at once here. */
export function trackedLinkCache() {
  return remember("trackedLinkCache", () => new Map<string, { link: { linkId: string; address: string } | null; until: number }>());
}
