import type { Request, Response } from "express";
import type { ParseKeys } from "i18next";
import { createI18n } from "../app/i18n/config";
import { registerServerDictionaries } from "../app/i18n/dictionaries.server";
import { localeFromAcceptLanguage } from "../app/i18n/locale.server";

registerServerDictionaries();

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal answered before Remix runs: a status and a short page in the reader's language. */
export function sendPlainPage(req: Request, res: Response, status: number, titleKey: ParseKeys, bodyKey: ParseKeys) {
  const locale = localeFromAcceptLanguage(req.get("accept-language") ?? null);
  const t = createI18n(locale).getFixedT(locale);
  const title = escapeHtml(t(titleKey));
  res
    .status(status)
    .type("html")
    .set("Cache-Control", "no-store")
    .send(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${escapeHtml(t(bodyKey))}</p><p><a href="/">${escapeHtml(t("errors.backHome"))}</a></p></html>`,
    );
}
