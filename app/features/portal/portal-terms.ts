/** The partner portal's vocabulary and durations (zod-free: the portal's pages use them). */

/** How long a portal link lets a partner in, unless renewed. */
export const PORTAL_LINK_DAYS = 30;
/** How long one visit lasts before the partner opens their link again. */
export const PORTAL_SESSION_HOURS = 12;

export const offerAnswers = ["accepted", "declined", "countered"] as const;
export type OfferAnswer = (typeof offerAnswers)[number];

/** The portal speaks the partner's language when it can: English, French or German. */
export const portalLocales = ["en", "fr", "de"] as const;
export type PortalLocale = (typeof portalLocales)[number];
