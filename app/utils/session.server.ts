import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import { remember } from "./remember.server";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

function secrets(): string[] {
  const secret = process.env.SESSION_SECRET;
  if (!secret) throw new Error("SESSION_SECRET is not set; the server sets it at start-up.");
  return [secret];
}

const secure = () => process.env.NODE_ENV === "production";

/** Carries only the id of a Session row; the row decides whether it is still valid. */
export function sessionCookie() {
  return remember("sessionCookie", () =>
    createCookie("pl_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: secure(),
      path: "/",
      secrets: secrets(),
      maxAge: SESSION_MAX_AGE_SECONDS,
    }),
  );
}

export type ToastKind = "success" | "error" | "info";
export interface Toast {
  kind: ToastKind;
  /** An i18n key, with its interpolation values. */
  message: string;
  values?: Record<string, string | number>;
}

function toastStorage() {
  return remember("toastStorage", () =>
    createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
      cookie: { name: "pl_toast", httpOnly: true, sameSite: "lax", secure: secure(), path: "/", secrets: secrets() },
    }),
  );
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const storage = toastStorage();
  const session = await storage.getSession();
  session.flash("toast", toast);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(url, { ...init, headers });
}

/** Reads the flash toast, and the header that clears it. */
export async function takeToast(request: Request): Promise<{ toast: Toast | null; headers: Headers }> {
  const storage = toastStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = session.get("toast") ?? null;
  const headers = new Headers();
  if (toast) headers.append("Set-Cookie", await storage.commitSession(session));
  return { toast, headers };
}
