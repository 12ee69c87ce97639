import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMailPageStrings } from "./page-strings";
import type { MailFilingSummary } from "../mail-terms";
import { formatNumber } from "~/shared/format";
import { FormMessage } from "~/components/form-message";

/** What a mail import or a received message came to: logged, to triage, duplicates, refusals and why. */
export function MailFilingResult({ summary }: { summary: MailFilingSummary }) {
  useMailPageStrings();
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  return (
    <div className="stack">
      <dl className="inline-details" data-testid="mail-filing-result">
        <div>
          <dt>{t("mailImport.logged")}</dt>
          <dd>{n(summary.logged)}</dd>
        </div>
        <div>
          <dt>{t("mailImport.triage")}</dt>
          <dd>{summary.triage ? <Link to="/mail">{n(summary.triage)}</Link> : n(0)}</dd>
        </div>
        <div>
          <dt>{t("mailImport.duplicate")}</dt>
          <dd>{n(summary.duplicate)}</dd>
        </div>
        <div>
          <dt>{t("mailImport.bounce")}</dt>
          <dd>{n(summary.bounce)}</dd>
        </div>
        <div>
          <dt>{t("mailImport.refused")}</dt>
          <dd>{n(summary.refused.length)}</dd>
        </div>
      </dl>
      {summary.refused.length ? (
        <ul className="field-errors">
          {summary.refused.map((refused) => (
            <li key={refused.index}>
              {t("mailImport.messageNumber", { index: String(refused.index) })} <FormMessage message={refused.reason} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
