import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SummaryCounts } from "../disclosure-counts.server";
import { complianceRate, KpiValue } from "~/features/reports";
import { formatNumber } from "~/shared/format";

/** Disclosure check counts by jurisdiction or partner, with the compliance rate (monthly summary, monthly report). */
export function DisclosureCountsTable({
  caption,
  rows,
  nameHeader,
  link,
}: {
  caption: string;
  rows: SummaryCounts[];
  nameHeader: string;
  link?: (row: SummaryCounts) => string;
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="numeric">
              {t("summary.checked")}
            </th>
            <th scope="col" className="numeric">
              {t("verdicts.compliant")}
            </th>
            <th scope="col" className="numeric">
              {t("verdicts.insufficient")}
            </th>
            <th scope="col" className="numeric">
              {t("verdicts.missing")}
            </th>
            <th scope="col" className="numeric">
              {t("verdicts.not_required")}
            </th>
            <th scope="col" className="numeric">
              {t("summary.complianceRate")}
            </th>
            <th scope="col" className="numeric">
              {t("summary.awaitingReview")}
            </th>
            <th scope="col" className="numeric">
              {t("summary.confirmedIssues")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{link ? <Link to={link(row)}>{row.label}</Link> : row.label}</th>
              <td className="numeric">{n(row.checked)}</td>
              <td className="numeric">{n(row.compliant)}</td>
              <td className="numeric">{n(row.insufficient)}</td>
              <td className="numeric">{n(row.missing)}</td>
              <td className="numeric">{n(row.notRequired)}</td>
              <td className="numeric">
                <KpiValue name="complianceRate" value={complianceRate(row.compliant, row.required)} currency="" />
              </td>
              <td className="numeric">{n(row.awaitingReview)}</td>
              <td className="numeric">{n(row.confirmedIssues)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
