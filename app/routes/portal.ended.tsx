import { useTranslation } from "react-i18next";

/** Where a portal visit ends up without a valid session: nothing about any partner, only what to do. */
export default function PortalEnded() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="ended-title">
      <h1 id="ended-title">{t("portal.endedTitle")}</h1>
      <p>{t("portal.endedText")}</p>
    </section>
  );
}
