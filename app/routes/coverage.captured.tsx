import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerdictBadge } from "~/features/compliance";
import { ActionError } from "~/components/form-message";
import { IntentButtonForm } from "~/components/intent-button-form";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { useOutsidePageStrings } from "~/features/attribution";
import type { CaptureMatch } from "~/features/attribution";
import { PageParamSchema, RecordIdSchema } from "~/shared/rules";
import { confirmCapture, dismissCapture, listCaptures, type CaptureStatusFilter } from "~/features/attribution/index.server";
import { requirePermission, requireCan, requireUser } from "~/features/accounts/index.server";
import { formatDateTime, formatDay, formatNumber } from "~/shared/format";
import { answerRuleViolation } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

const statuses = ["captured", "confirmed", "dismissed"] as const satisfies readonly CaptureStatusFilter[];
type CaptureCheck = { jurisdiction: string; verdict: "not_required" | "compliant" | "missing" | "insufficient" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "coverage:read");
  const url = new URL(request.url);
  const status = statuses.find((candidate) => candidate === url.searchParams.get("status")) ?? "captured";
  const page = PageParamSchema.parse(url.searchParams.get("page") ?? undefined);
  const found = await listCaptures({ status, page });
  return json({
    ...found,
    rows: found.rows.map((row) => ({ ...row, matches: row.matches as CaptureMatch[], checks: row.checks as CaptureCheck[] })),
    status,
    canDecide: can(user.role, "coverage:write"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireCan(await requireUser(request), "coverage:write");
  const formData = await request.formData();
  const captureId = RecordIdSchema.safeParse(formData.get("captureId"));
  if (!captureId.success) notFound();
  const intent = formData.get("intent");
  if (intent !== "confirm" && intent !== "dismiss") return json({ message: "errors.invalidChoice" }, { status: 400 });
  return answerRuleViolation(async () => {
    if (intent === "confirm") {
      const { item } = await confirmCapture(user.id, captureId.data);
      return redirectWithToast(`/coverage/${item.id}`, { kind: "success", message: "pageToasts.captureConfirmed" });
    }
    await dismissCapture(user.id, captureId.data);
    return redirectWithToast("/coverage/captured", { kind: "success", message: "pageToasts.captureDismissed" });
  });
}

export default function CapturedPostsPage() {
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, status, canDecide } = useLoaderData<typeof loader>();
  const pending = useNavigation().formData?.get("captureId");
  const answer = useActionData<{ error?: string }>();
  return (
    <>
      <PageHeader title={t("captures.title")}>
        <Link to="/coverage" className="button button-quiet">
          {t("nav.coverage")}
        </Link>
      </PageHeader>
      <ActionError error={answer?.error} />
      <p className="hint">
        {t("captures.intro")} {t("captures.feedsHint")}
      </p>
      <nav className="tabs" aria-label={t("captures.title")}>
        {statuses.map((candidate) => (
          <Link key={candidate} to={`?status=${candidate}`} aria-current={candidate === status ? "page" : undefined}>
            {t(`captures.tabs.${candidate}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState>{t(`captures.empty.${status}`)}</EmptyState>
      ) : (
        <section aria-labelledby="captures-count" className="stack">
          <h2 id="captures-count" className="muted">
            {t("captures.count", { count: total, formattedCount: formatNumber(i18n.language, total) })}
          </h2>
          {rows.map((row) => (
            <article key={row.id} className="card capture-card" data-testid="captured-post" aria-labelledby={`capture-${row.id}`}>
              <header className="capture-head">
                <h3 id={`capture-${row.id}`}>
                  <a href={row.url} rel="noopener noreferrer nofollow" target="_blank">
                    {row.title ?? row.url}
                  </a>
                </h3>
                <p className="muted">
                  <Link to={`/partners/${row.partner.id}`}>{row.partner.name}</Link>
                  {row.feed ? ` · ${t(`platforms.${row.feed.channel.platform}`)}` : ""} · {formatDay(i18n.language, row.publishedOn)}
                  {row.campaign ? (
                    <>
                      {" · "}
                      <Link to={`/campaigns/${row.campaign.id}`}>{row.campaign.name}</Link>
                    </>
                  ) : null}
                </p>
              </header>
              <p className="capture-excerpt">{row.text.length > 400 ? `${row.text.slice(0, 400)}…` : row.text}</p>
              <dl className="details">
                <div>
                  <dt>{t("captures.why")}</dt>
                  <dd>{row.matches.map((match) => t(`captures.match.${match.kind}`, { value: match.value })).join(" · ")}</dd>
                </div>
                <div>
                  <dt>{t("captures.linkedTo")}</dt>
                  <dd>
                    {row.gift || row.placement ? (
                      <>
                        {row.gift ? <Link to={`/gifts/${row.gift.id}`}>{t("captures.gift", { name: row.gift.itemName })}</Link> : null}
                        {row.gift && row.placement ? " · " : null}
                        {row.placement ? (
                          <Link to={`/placements/${row.placement.id}`}>{t("captures.placement", { name: row.placement.title })}</Link>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">{t("captures.nothingLinked")}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t("captures.disclosure")}</dt>
                  <dd>
                    {row.checks.map((check) => (
                      <span key={check.jurisdiction} className="verdict-inline">
                        {check.jurisdiction} <VerdictBadge verdict={check.verdict} />{" "}
                      </span>
                    ))}
                  </dd>
                </div>
              </dl>
              {row.status === "captured" && canDecide ? (
                <div className="button-row">
                  <Form method="post">
                    <input type="hidden" name="captureId" value={row.id} />
                    <button type="submit" name="intent" value="confirm" className="button" disabled={pending === row.id}>
                      {t("captures.confirm")}
                    </button>
                  </Form>
                  <IntentButtonForm
                    intent="dismiss"
                    fields={{ captureId: row.id }}
                    className="button button-quiet"
                    confirmMessage={t("captures.confirmDismiss")}
                  >
                    {t("captures.dismiss")}
                  </IntentButtonForm>
                </div>
              ) : null}
              {row.status !== "captured" ? (
                <p className="muted">
                  {row.decidedBy && row.decidedAt
                    ? t("captures.decidedBy", { name: row.decidedBy.name, date: formatDateTime(i18n.language, row.decidedAt) })
                    : null}
                  {row.coverageItemId ? (
                    <>
                      {" · "}
                      <Link to={`/coverage/${row.coverageItemId}`}>{t("captures.openItem")}</Link>
                    </>
                  ) : null}
                </p>
              ) : null}
            </article>
          ))}
          <Pagination page={page} pageSize={pageSize} total={total} />
        </section>
      )}
    </>
  );
}
