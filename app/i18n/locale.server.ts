import { match } from "@formatjs/intl-localematcher";
import { createCookie } from "@remix-run/node";
import { defaultLocale, isLocale, isStaffLocale, staffLocales, supportedLocales, type Locale } from "./config";

/** The language chosen before signing in (on the login page); a signed-in user's choice lives on the user. */
export const localeCookie = createCookie("pl_locale", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export function localeFromAcceptLanguage(header: string | null, among: readonly Locale[] = staffLocales): Locale {
  if (!header) return defaultLocale;
  const requested = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
  try {
    const found = match(requested, [...among], defaultLocale);
    return isLocale(found) ? found : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** The user's stored choice, else the pre-login cookie, else Accept-Language. */
export async function resolveLocale(request: Request, userLocale: string | null | undefined): Promise<Locale> {
  if (isStaffLocale(userLocale)) return userLocale;
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  if (isStaffLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

/** The portal speaks every language the app has: the visitor's choice, else the partner's, else the browser's. */
export async function resolveAnyLocale(request: Request, preferred: string | null | undefined): Promise<Locale> {
  const chosen = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(chosen)) return chosen;
  if (isLocale(preferred)) return preferred;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"), supportedLocales);
}
