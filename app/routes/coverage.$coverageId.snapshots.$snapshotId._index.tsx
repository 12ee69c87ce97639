import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerdictBadge } from "~/features/compliance";
import { PageHeader } from "~/components/page";
import { TextDiff } from "~/components/text-diff";
import { useOutsidePageStrings } from "~/features/attribution";
import { textDiff } from "~/shared/text-diff";
import { getSnapshot, type SnapshotVerdicts } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatBytes, formatDateTime } from "~/shared/format";
import { notFound, recordIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "coverage:read");
  const found = await getSnapshot(recordIdParam(params.coverageId), recordIdParam(params.snapshotId));
  if (!found) notFound();
  const { snapshot, previous } = found;
  const same = previous?.sha256 === snapshot.sha256;
  return json({
    snapshot: {
      ...snapshot,
      headers: Object.entries(snapshot.headers as Record<string, string>),
      verdicts: snapshot.verdicts as SnapshotVerdicts,
    },
    previous: previous ? { id: previous.id, fetchedAt: previous.fetchedAt, same } : null,
    // Differences are computed on the server: the page ships the parts, not a diff library.
    diff: previous && !same ? textDiff(previous.text, snapshot.text) : null,
  });
}

export default function SnapshotPage() {
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { snapshot, previous, diff } = useLoaderData<typeof loader>();
  const item = snapshot.coverageItem;
  return (
    <>
      <PageHeader title={t("snapshots.title", { date: formatDateTime(i18n.language, snapshot.fetchedAt) })}>
        <a className="button button-quiet" href={`/coverage/${item.id}/snapshots/${snapshot.id}/document`} download>
          {t("snapshots.download")}
        </a>
      </PageHeader>
      <p>
        <Link to={`/coverage/${item.id}`}>{item.title ?? item.url}</Link> ·{" "}
        <Link to={`/partners/${item.partner.id}`}>{item.partner.name}</Link>
      </p>
      <section className="card" aria-labelledby="snapshot-details">
        <h2 id="snapshot-details" className="visually-hidden">
          {t("snapshots.heading")}
        </h2>
        <dl className="details">
          <div>
            <dt>{t("snapshots.requested")}</dt>
            <dd className="break-anywhere">{snapshot.requestedUrl}</dd>
          </div>
          <div>
            <dt>{t("snapshots.final")}</dt>
            <dd className="break-anywhere">{snapshot.finalUrl}</dd>
          </div>
          <div>
            <dt>{t("snapshots.status")}</dt>
            <dd>{snapshot.httpStatus}</dd>
          </div>
          <div>
            <dt>{t("snapshots.size")}</dt>
            <dd>{formatBytes(i18n.language, snapshot.byteLength)}</dd>
          </div>
          <div>
            <dt>{t("snapshots.fingerprint")}</dt>
            <dd>
              <code className="break-anywhere" data-testid="snapshot-sha256">
                {snapshot.sha256}
              </code>
            </dd>
          </div>
          <div>
            <dt>{t("snapshots.by")}</dt>
            <dd>{snapshot.requestedBy?.name ?? t("snapshots.bySchedule")}</dd>
          </div>
          <div>
            <dt>{t("snapshots.verdicts")}</dt>
            <dd>
              {snapshot.verdicts.map((row) => (
                <span key={row.jurisdiction} className="verdict-inline">
                  {row.jurisdiction} <VerdictBadge verdict={row.verdict} />{" "}
                </span>
              ))}
              {snapshot.disclosureRemoved ? <span className="badge badge-danger">{t("snapshots.disclosureRemoved")}</span> : null}
            </dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="snapshot-diff">
        <h2 id="snapshot-diff">
          {previous ? t("snapshots.differences", { date: formatDateTime(i18n.language, previous.fetchedAt) }) : t("snapshots.changed")}
        </h2>
        {!previous ? (
          <p className="muted">{t("snapshots.noPrevious")}</p>
        ) : diff ? (
          <>
            <p className="hint">
              <del>{t("snapshots.legendRemoved")}</del> · <ins>{t("snapshots.legendAdded")}</ins> ·{" "}
              <Link to={`/coverage/${item.id}/snapshots/${previous.id}`}>{formatDateTime(i18n.language, previous.fetchedAt)}</Link>
            </p>
            <TextDiff parts={diff} removedTitle={t("snapshots.legendRemoved")} addedTitle={t("snapshots.legendAdded")} />
          </>
        ) : (
          <p className="muted">{t("snapshots.sameAsPrevious", { date: formatDateTime(i18n.language, previous.fetchedAt) })}</p>
        )}
      </section>
      <section className="card" aria-labelledby="snapshot-text">
        <h2 id="snapshot-text">{t("snapshots.text")}</h2>
        {snapshot.text ? <p className="prewrap snapshot-text">{snapshot.text}</p> : <p className="muted">{t("snapshots.noText")}</p>}
      </section>
      <section className="card" aria-labelledby="snapshot-headers">
        <h2 id="snapshot-headers">{t("snapshots.headers")}</h2>
        <dl className="details headers-list">
          {snapshot.headers.map(([name, value]) => (
            <div key={name}>
              <dt>
                <code>{name}</code>
              </dt>
              <dd className="break-anywhere">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
