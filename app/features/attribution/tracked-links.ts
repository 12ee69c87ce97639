/** Tracked links: the form, the redirect address, and which requests count as a click. */
import { z } from "zod";
import { httpUrl } from "~/features/partners";
import { optionalText, requiredText } from "~/shared/rules";

const UTM_CHARS = /^[\p{L}\p{N} ._~+-]+$/u;
/** A UTM parameter typed in a form: left empty for the default. */
export const utmValue = optionalText(100).refine((value) => !value || UTM_CHARS.test(value), "trackedLinks.utmChars");
/** A UTM default that must be given. */
export const requiredUtmValue = requiredText(100).refine((value) => UTM_CHARS.test(value), "trackedLinks.utmChars");

export const TrackedLinkSchema = z.object({
  destination: httpUrl.refine((value) => {
    const url = new URL(value);
    return !url.username && !url.password;
  }, "trackedLinks.noCredentials"),
  campaignId: optionalText(64),
  utmSource: utmValue,
  utmMedium: utmValue,
  utmCampaign: utmValue,
  utmContent: utmValue,
});
export type TrackedLinkInput = z.output<typeof TrackedLinkSchema>;

/** What the link and promo-code forms of a partner's links page do. */
export const trackedLinkIntents = ["create", "archive", "createCode", "archiveCode"] as const;
export type TrackedLinkIntent = (typeof trackedLinkIntents)[number];

/** The workspace's UTM defaults, as they apply to one link. */
export interface UtmDefaults {
  utmSource: string;
  utmMedium: string;
  utmCampaign: string | null;
}

/**
 * Where a click goes: the saved destination with the link's UTM parameters, each from the link,
 * else the workspace's default; utm_content defaults to the link's code, which is how an order's
 * landing address is traced back to the partner.
 */
export function redirectAddress(
  link: {
    code: string;
    destination: string;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    utmContent: string | null;
  },
  defaults: UtmDefaults,
  campaignName: string | null,
): string {
  const url = new URL(link.destination);
  url.searchParams.set("utm_source", link.utmSource ?? defaults.utmSource);
  url.searchParams.set("utm_medium", link.utmMedium ?? defaults.utmMedium);
  url.searchParams.set("utm_campaign", link.utmCampaign ?? defaults.utmCampaign ?? campaignName ?? "partners");
  url.searchParams.set("utm_content", link.utmContent ?? link.code);
  return url.toString();
}

/** Link codes: 8 characters that read unambiguously (no 0/O, 1/l/I). */
export const LINK_CODE_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
export const LINK_CODE_PATTERN = /^[2-9a-km-zA-HJ-NP-Z]{8}$/;
