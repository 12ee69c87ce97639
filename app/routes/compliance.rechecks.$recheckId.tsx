import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerdictBadge } from "~/features/compliance";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { PageParamSchema } from "~/shared/rules";
import { getRecheck } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDateTime } from "~/shared/format";
import { notFound } from "~/utils/http.server";
import { useCount } from "~/components/use-count";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "compliance:read");
  const page = PageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const found = await getRecheck(params.recheckId!, page);
  if (!found) notFound();
  return json(found);
}

export default function RecheckPage() {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const { recheck, changes, page, pageSize } = useLoaderData<typeof loader>();
  const reasons = (codes: string[]) => codes.map((code) => t(`reasons.${code}.title` as "reasons.NO_DISCLOSURE.title")).join(" · ");
  return (
    <>
      <PageHeader title={t("compliance.recheckOf", { jurisdiction: recheck.jurisdiction, version: String(recheck.toVersion) })}>
        <Link to="/compliance/rules" className="button button-quiet">
          {t("compliance.rulesTitle")}
        </Link>
      </PageHeader>
      <section className="card">
        <p role="status">
          {t("compliance.recheckSummary", {
            checked: count("itemsChecked", recheck.checked),
            changed: count("changed", recheck.changed),
            from: String(recheck.fromVersion),
            to: String(recheck.toVersion),
          })}
        </p>
        <p className="hint">
          {recheck.actor?.name ?? "—"} · {formatDateTime(i18n.language, recheck.createdAt)}
        </p>
        <p className="hint">{t("compliance.recheckKeepsDecisions")}</p>
      </section>
      {changes.length ? (
        <section className="card">
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("compliance.changes")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("coverage.item")}</th>
                  <th scope="col">{t("compliance.before")}</th>
                  <th scope="col">{t("compliance.after")}</th>
                  <th scope="col">{t("compliance.earlierDecision")}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.id}>
                    <td>
                      <Link to={`/coverage/${change.coverageItem.id}?j=${recheck.jurisdiction}`}>
                        {change.coverageItem.title ?? change.coverageItem.url}
                      </Link>
                      <div className="hint">{change.coverageItem.partner.name}</div>
                    </td>
                    <td>
                      {change.previous ? (
                        <>
                          <VerdictBadge verdict={change.previous.verdict} />
                          <div className="hint">{reasons(change.previous.reasons)}</div>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      <VerdictBadge verdict={change.verdict} />
                      <div className="hint">{reasons(change.reasons)}</div>
                    </td>
                    <td>{change.previous?.reviewDecision ? t(`decisions.${change.previous.reviewDecision}`) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={recheck.changed} />
        </section>
      ) : (
        <EmptyState>{t("compliance.nothingChanged")}</EmptyState>
      )}
    </>
  );
}
