import { Form, useActionData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { partnerIntentAction } from "~/features/partners";
import { formatDay } from "~/shared/format";
import { ConfirmSubmitButton } from "~/components/form-fields";

interface PortalLinkRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function linkStatus(link: PortalLinkRow, now: number): "active" | "expired" | "revoked" {
  if (link.revokedAt) return "revoked";
  return new Date(link.expiresAt).getTime() <= now ? "expired" : "active";
}

/** The staff side of a partner's portal: make a link (shown once, to copy), renew or revoke one. */
export function PortalLinks({ links }: { links: PortalLinkRow[] }) {
  const { t, i18n } = useTranslation();
  const created = useActionData<{ portalLink?: string | null; needsAppUrl?: boolean }>();
  const [copied, setCopied] = useState(false);
  const now = Date.now();
  return (
    <section className="card" aria-labelledby="portal-title">
      <h2 id="portal-title">{t("portal.staffTitle")}</h2>
      <p className="muted">{t("portal.staffIntro")}</p>
      {created?.portalLink ? (
        <div className="notice" role="status">
          <p>{t("portal.linkCreated")}</p>
          <div className="form-actions">
            <input
              className="portal-link-field"
              readOnly
              value={created.portalLink}
              aria-label={t("portal.staffTitle")}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className="button button-quiet"
              onClick={() => navigator.clipboard?.writeText(created.portalLink!).then(() => setCopied(true))}
            >
              {copied ? t("portal.copied") : t("portal.copy")}
            </button>
          </div>
        </div>
      ) : null}
      {created?.needsAppUrl ? (
        <p className="notice" role="alert">
          {t("portal.needsAppUrl")}
        </p>
      ) : null}
      {links.length === 0 ? (
        <p className="muted">{t("portal.noLinks")}</p>
      ) : (
        <ul className="plain-list">
          {links.map((link) => {
            const status = linkStatus(link, now);
            return (
              <li key={link.id}>
                <span className="min-w-0">
                  <span className={`badge ${status === "active" ? "badge-ok" : "badge-muted"}`}>{t(`portal.status.${status}`)}</span>{" "}
                  <span className="hint">
                    {t("portal.linkMeta", {
                      created: formatDay(i18n.language, link.createdAt),
                      expires: formatDay(i18n.language, link.expiresAt),
                      used: link.lastUsedAt
                        ? t("portal.lastUsed", { date: formatDay(i18n.language, link.lastUsedAt) })
                        : t("portal.neverUsed"),
                    })}
                  </span>
                </span>
                {status !== "revoked" ? (
                  <span className="form-actions">
                    <Form method="post" action={partnerIntentAction("renewPortalLink")}>
                      <input type="hidden" name="linkId" value={link.id} />
                      <button type="submit" className="button button-quiet button-small">
                        {t("portal.renew")}
                      </button>
                    </Form>
                    <Form method="post" action={partnerIntentAction("revokePortalLink")}>
                      <input type="hidden" name="linkId" value={link.id} />
                      <ConfirmSubmitButton
                        className="button button-quiet button-small"
                        formAction={partnerIntentAction("revokePortalLink")}
                        confirmMessage={t("portal.confirmRevoke")}
                      >
                        {t("portal.revoke")}
                      </ConfirmSubmitButton>
                    </Form>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Form method="post" action={partnerIntentAction("createPortalLink")}>
        <button type="submit" className="button">
          {t("portal.createLink")}
        </button>
      </Form>
    </section>
  );
}
