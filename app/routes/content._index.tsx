import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContentStatusBadge, contentStatuses } from "~/features/portal";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { contentQueue, contentReviewCounts } from "~/features/portal/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDay } from "~/shared/format";

export const meta: MetaFunction = () => [{ title: "Content review" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:read");
  const params = new URL(request.url).searchParams;
  const status = contentStatuses.find((candidate) => candidate === params.get("status")) ?? "in_review";
  const page = Math.min(Math.max(Number.parseInt(params.get("page") ?? "1", 10) || 1, 1), 10_000);
  const [queue, counts] = await Promise.all([contentQueue(status, page), contentReviewCounts()]);
  return json({ ...queue, status, counts });
}

export default function ContentQueue() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, status, counts } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("content.queueTitle")} />
      <p className="hint">{t("content.queueIntro", { community: String(counts.community), compliance: String(counts.compliance) })}</p>
      <nav className="tabs" aria-label={t("content.statusTabs")}>
        {contentStatuses.map((candidate) => (
          <Link key={candidate} to={`?status=${candidate}`} aria-current={candidate === status ? "page" : undefined}>
            {t(`contentStatuses.${candidate}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState>{t(`content.empty.${status}`)}</EmptyState>
      ) : (
        <section className="card">
          <ul className="plain-list">
            {rows.map((row) => {
              const latest = row.versions[0];
              const sides = new Set(latest?.reviews.filter((r) => r.decision === "approved").map((r) => r.side));
              return (
                <li key={row.id}>
                  <span className="min-w-0">
                    <Link to={`/content/${row.id}`}>
                      {row.partner.name} · {row.placement?.title ?? row.gift?.itemName}
                    </Link>
                    <br />
                    <span className="muted text-sm">
                      {t(`platforms.${row.platform}`)} · {t("content.versionShort", { number: String(row.latestVersion) })}
                      {latest ? ` · ${t("content.plannedFor", { date: formatDay(i18n.language, latest.plannedOn) })}` : ""}
                      {" · "}
                      {t("content.waitingSince", { date: formatDay(i18n.language, row.updatedAt) })}
                    </span>
                  </span>
                  <span className="flex flex-wrap gap-2 items-center">
                    {latest && !latest.compliant ? <span className="badge badge-warning">{t("content.checkerFailed")}</span> : null}
                    {row.weakenedAfterApproval ? <span className="badge badge-danger">{t("content.weakened")}</span> : null}
                    {row.status === "in_review" ? (
                      <>
                        {(["community", "compliance"] as const).map((side) => (
                          <span key={side} className={`badge ${sides.has(side) ? "badge-ok" : "badge-muted"}`}>
                            {t(sides.has(side) ? "content.sideApproved" : "content.sideWaiting", { side: t(`content.side.${side}`) })}
                          </span>
                        ))}
                      </>
                    ) : (
                      <ContentStatusBadge status={row.status} />
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
