import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDay, formatPercent } from "~/shared/format";
import { VerdictBadge } from "./disclosure";
import { useCount } from "~/components/use-count";

interface CoverageRow {
  id: string;
  title: string | null;
  url: string;
  platform: string;
  publishedOn: string;
  checks: { jurisdiction: string; verdict: string }[];
}

interface DisclosureRecord {
  needed: number;
  compliant: number;
  awaitingReview: number;
  confirmedIssues: number;
  openIssues: {
    id: string;
    jurisdiction: string;
    verdict: string;
    reasons: string[];
    reviewDecision: string | null;
    publishedOn: string;
    coverageItem: { id: string; title: string | null; url: string };
  }[];
}

/** The partner page's latest coverage and disclosure record. */
export function PartnerCoveragePanels({
  partnerId,
  coverage,
  record,
  canWrite,
}: {
  partnerId: string;
  coverage: CoverageRow[];
  record: DisclosureRecord;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const count = useCount();
  return (
    <>
      <section className="card" aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t("partners.coverage")}</h2>
        {coverage.length ? (
          <ul className="plain-list">
            {coverage.map((item) => (
              <li key={item.id}>
                <span>
                  <Link to={`/coverage/${item.id}`}>{item.title ?? item.url}</Link>{" "}
                  <span className="muted">
                    {t(`platforms.${item.platform}` as "platforms.blog")} · {formatDay(i18n.language, item.publishedOn)}
                  </span>
                </span>
                <span>
                  {item.checks.map((check) => (
                    <span key={check.jurisdiction}>
                      {check.jurisdiction} <VerdictBadge verdict={check.verdict} />{" "}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("partners.noCoverage")}</p>
        )}
        <p>
          {canWrite ? (
            <Link to={`/coverage/new?partnerId=${partnerId}`} className="button button-small">
              {t("coverage.new")}
            </Link>
          ) : null}{" "}
          {coverage.length ? <Link to={`/coverage?partnerId=${partnerId}`}>{t("partners.allCoverage")}</Link> : null}
        </p>
      </section>
      <section className="card" aria-labelledby="disclosure-record-title">
        <h2 id="disclosure-record-title">{t("partners.disclosureRecord")}</h2>
        {record.needed ? (
          <>
            <p>
              {t("partners.disclosureLine", {
                needed: count("checksNeeded", record.needed),
                compliant: count("wereCompliant", record.compliant),
                rate: formatPercent(i18n.language, (100 * record.compliant) / record.needed),
              })}
            </p>
            <p>
              {t("partners.openIssuesLine", {
                awaiting: count("waitingReview", record.awaitingReview),
                confirmed: count("confirmedIssues", record.confirmedIssues),
              })}
            </p>
            {record.openIssues.length ? (
              <ul className="plain-list">
                {record.openIssues.map((issue) => (
                  <li key={issue.id}>
                    <span>
                      <Link to={`/coverage/${issue.coverageItem.id}?j=${issue.jurisdiction}`}>
                        {issue.coverageItem.title ?? issue.coverageItem.url}
                      </Link>{" "}
                      <span className="muted">{formatDay(i18n.language, issue.publishedOn)}</span>
                    </span>
                    <span>
                      {issue.jurisdiction} <VerdictBadge verdict={issue.verdict} />{" "}
                      {issue.reviewDecision
                        ? t(`decisions.${issue.reviewDecision}` as "decisions.confirmed_issue")
                        : t("partners.awaitingReview")}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {record.awaitingReview ? <Link to={`/compliance?partnerId=${partnerId}`}>{t("partners.openInQueue")}</Link> : null}
          </>
        ) : (
          <p className="muted">{t("partners.noDisclosureNeeded")}</p>
        )}
      </section>
    </>
  );
}
