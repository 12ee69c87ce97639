import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { FormDisclosure } from "~/components/form-disclosure";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import {
  MetricFields,
  HighlightedText,
  ReasonList,
  VerdictBadge,
  ReviewForm,
  MetricsFormSchema,
  ReviewFormSchema,
  metricNames,
  type FoundMarker,
} from "~/features/compliance";
import { ActionError } from "~/components/form-message";
import { SubmitButton, TextField } from "~/components/form-fields";
import { Money, SpendStatusBadge } from "~/components/money";
import { PageHeader } from "~/components/page";
import { StageBadge } from "~/features/partners";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { isoDay } from "~/shared/days";
import { isErasedCoverageUrl } from "~/shared/personal-data";
import {
  getCoverage,
  recordedTextChecks,
  recordMetrics,
  reviewCheck,
  itemSnapshots,
  requestSnapshot,
} from "~/features/compliance/index.server";
import { getSettings, requireCan, requirePermission, requireUser } from "~/features/accounts/index.server";
import { useOutsidePageStrings } from "~/features/attribution";
import { answerRuleViolation } from "~/utils/forms.server";
import { handleForm } from "~/utils/forms.server";
import { formatBytes, formatDateTime, formatDay, formatNumber } from "~/shared/format";
import { notFound } from "~/utils/http.server";
import { can } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "coverage:read");
  const [item, settings, snapshots, recordedChecks] = await Promise.all([
    getCoverage(params.coverageId!),
    getSettings(),
    itemSnapshots(params.coverageId!),
    recordedTextChecks(params.coverageId!),
  ]);
  if (!item) notFound();
  const shown = new URL(request.url).searchParams.get("j");
  const highlighted = item.checks.find((c) => c.jurisdiction === shown) ?? item.checks[0] ?? null;
  return json({
    // A check read from a snapshot marks places in that snapshot's text, shown beside it.
    item: { ...item, checks: item.checks.map((c) => ({ ...c, markers: c.markers as unknown as FoundMarker[] })) },
    recordedChecks: recordedChecks.map((c) => ({ ...c, markers: c.markers as unknown as FoundMarker[] })),
    highlighted: highlighted?.jurisdiction ?? null,
    snapshots: snapshots.map((snapshot, index) => ({
      ...snapshot,
      changed: index < snapshots.length - 1 ? snapshot.sha256 !== snapshots[index + 1].sha256 : null,
    })),
    defaultJurisdiction: settings.defaultJurisdiction,
    canWrite: can(user.role, "coverage:write"),
    canReview: can(user.role, "compliance:review"),
    canSnapshot: can(user.role, "coverage:write") || can(user.role, "compliance:review"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Signed in before the body is read; the role for the posted intent is checked after.
  const signedIn = await requireUser(request);
  const id = params.coverageId!;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "review") {
    const user = requireCan(signedIn, "compliance:review");
    return handleForm(formData, ReviewFormSchema, async (input) => {
      await reviewCheck(user.id, input);
      return redirectWithToast(`/coverage/${id}`, { kind: "success", message: "compliance.reviewed" });
    });
  }
  if (intent === "metrics") {
    const user = requireCan(signedIn, "coverage:write");
    return handleForm(formData, MetricsFormSchema, async (input) => {
      await recordMetrics(user.id, id, input);
      return redirectWithToast(`/coverage/${id}`, { kind: "success", message: "metrics.recorded" });
    });
  }
  if (intent === "snapshot") {
    // Evidence is compliance's as much as the community managers'.
    const user = can(signedIn.role, "compliance:review") ? signedIn : requireCan(signedIn, "coverage:write");
    return answerRuleViolation(async () => {
      const job = await requestSnapshot(user.id, id);
      return redirectWithToast(`/jobs/${job.id}`, { kind: "success", message: "pageToasts.snapshotQueued" });
    });
  }
  requireCan(signedIn, "coverage:read");
  return json({ error: "errors.invalidChoice" }, { status: 400 });
}

function MetricsForm() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("metrics", {
    id: "metrics",
    lastResult: useFormResult("metrics"),
    defaultValue: { measuredOn: isoDay(new Date()) },
  });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="formId" value="metrics" />
      <input type="hidden" name="intent" value="metrics" />
      <TextField field={fields.measuredOn} label={t("metrics.measuredOn")} type="date" />
      <MetricFields fields={fields} />
      <SubmitButton busy={navigation.formData?.get("formId") === "metrics"}>{t("metrics.record")}</SubmitButton>
    </ConformForm>
  );
}

function Evidence() {
  const { t, i18n } = useTranslation();
  const { item, snapshots, canSnapshot } = useLoaderData<typeof loader>();
  const busy = useNavigation().formData?.get("intent") === "snapshot";
  const answer = useActionData<{ error?: string }>();
  const erased = isErasedCoverageUrl(item.url);
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t("snapshots.heading")}</h2>
      <p className="hint">{t("snapshots.intro")}</p>
      {snapshots.length === 0 ? (
        <p className="muted">{t("snapshots.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("snapshots.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("snapshots.fetchedAt")}</th>
                <th scope="col" className="numeric">
                  {t("snapshots.status")}
                </th>
                <th scope="col" className="numeric">
                  {t("snapshots.size")}
                </th>
                <th scope="col">{t("snapshots.fingerprint")}</th>
                <th scope="col">{t("snapshots.changed")}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <tr key={snapshot.id}>
                  <td>
                    <Link to={`/coverage/${item.id}/snapshots/${snapshot.id}`}>{formatDateTime(i18n.language, snapshot.fetchedAt)}</Link>
                  </td>
                  <td className="numeric">{snapshot.httpStatus}</td>
                  <td className="numeric">{formatBytes(i18n.language, snapshot.byteLength)}</td>
                  <td>
                    <code title={snapshot.sha256}>{snapshot.sha256.slice(0, 12)}…</code>
                  </td>
                  <td>
                    {snapshot.changed === null
                      ? t("snapshots.first")
                      : snapshot.changed
                        ? t("snapshots.changed")
                        : t("snapshots.unchanged")}
                    {snapshot.disclosureRemoved ? (
                      <>
                        {" "}
                        <span className="badge badge-danger">{t("snapshots.disclosureRemoved")}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answer && "error" in answer ? <ActionError error={answer.error} /> : null}
      {erased ? <p className="muted">{t("snapshots.erased")}</p> : null}
      {canSnapshot && !erased ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="intent" value="snapshot" />
          <button type="submit" className="button button-quiet" disabled={busy} aria-busy={busy}>
            {t("snapshots.take")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function CoveragePage() {
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { item, highlighted, recordedChecks, canWrite, canReview } = useLoaderData<typeof loader>();
  const number = (value: number | null) =>
    value === null ? <span className="muted">{t("metrics.unknown")}</span> : formatNumber(i18n.language, value);
  const flag = (value: boolean) => (value ? t("common.yes") : t("common.no"));
  const overridden = item.paidOverride !== null || item.giftedOverride !== null || item.affiliateOverride !== null;
  const shownCheck = item.checks.find((c) => c.jurisdiction === highlighted);
  const recordedShown = recordedChecks.find((c) => c.jurisdiction === highlighted);
  const fromDefault = item.checks.some((c) => c.jurisdictionSource === "default");
  return (
    <>
      <PageHeader title={item.title ?? t("coverage.untitled", { platform: t(`platforms.${item.platform}`) })}>
        {canWrite ? (
          <Link to={`/coverage/${item.id}/edit`} className="button button-quiet">
            {t("common.edit")}
          </Link>
        ) : null}
      </PageHeader>
      {fromDefault ? (
        <p className="notice" role="note">
          {t("coverage.defaultJurisdictionUsed", { jurisdiction: t(`jurisdictions.${item.checks[0].jurisdiction}` as "jurisdictions.FR") })}
        </p>
      ) : null}
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t("coverage.details")}</h2>
        <dl className="details">
          <div>
            <dt>{t("common.partner")}</dt>
            <dd>
              <Link to={`/partners/${item.partner.id}`}>{item.partner.name}</Link> <StageBadge stage={item.partner.stage} />
            </dd>
          </div>
          <div>
            <dt>{t("coverage.url")}</dt>
            <dd>
              <a href={item.url} rel="noopener noreferrer nofollow" target="_blank">
                {item.url}
              </a>
            </dd>
          </div>
          <div>
            <dt>{t("coverage.platform")}</dt>
            <dd>
              {t(`platforms.${item.platform}`)}
              {item.channel?.handle ? ` · ${item.channel.handle}` : ""}
            </dd>
          </div>
          <div>
            <dt>{t("coverage.publishedOn")}</dt>
            <dd>{formatDay(i18n.language, item.publishedOn)}</dd>
          </div>
          <div>
            <dt>{t("campaigns.campaign")}</dt>
            <dd>{item.campaign ? <Link to={`/campaigns/${item.campaign.id}`}>{item.campaign.name}</Link> : "—"}</dd>
          </div>
          <div>
            <dt>{t("coverage.connection")}</dt>
            <dd>
              {t("coverage.flags", { paid: flag(item.paid), gifted: flag(item.gifted), affiliate: flag(item.affiliate) })}
              {overridden ? (
                <div className="hint">{t("coverage.overriddenBecause", { reason: item.overrideReason ?? "" })}</div>
              ) : (
                <div className="hint">{t("coverage.derivedFlags")}</div>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("coverage.labels")}</dt>
            <dd>
              {t("coverage.labelFlags", {
                label: flag(item.platformLabel),
                retouched: flag(item.imagesRetouched),
                virtual: flag(item.imagesVirtual),
              })}
            </dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="disclosure-title">
        <h2 id="disclosure-title">{t("coverage.disclosure")}</h2>
        {item.checks.map((check) => (
          <div key={check.id} className="check-card">
            <h3>
              {t(`jurisdictions.${check.jurisdiction}` as "jurisdictions.FR")} <VerdictBadge verdict={check.verdict} />{" "}
              <span className="muted">
                {t("coverage.ruleSet", {
                  id: t("compliance.ruleSetName", { jurisdiction: check.jurisdiction, version: String(check.ruleSetVersion) }),
                })}{" "}
                · {t(`coverage.source.${check.jurisdictionSource}` as "coverage.source.item")}
              </span>
            </h3>
            <p className="checked-text">
              {check.snapshot
                ? t("coverage.checkedLivePage", { date: formatDateTime(i18n.language, check.snapshot.fetchedAt) })
                : t("coverage.checkedRecordedText", { date: formatDateTime(i18n.language, check.checkedAt) })}
            </p>
            <ReasonList reasons={check.reasons} />
            {check.snapshotId ? (
              <p>
                <Link to={`/coverage/${item.id}/snapshots/${check.snapshotId}`}>{t("compliance.seeSnapshot")}</Link>
              </p>
            ) : null}
            {check.reviewDecision ? <p>{t("coverage.decided", { decision: t(`decisions.${check.reviewDecision}`) })}</p> : null}
            {check.needsReview && canReview ? (
              <ReviewForm checkId={check.id} jurisdiction={check.jurisdiction} currentText={item.text} />
            ) : null}
            {check.needsReview && !canReview ? <p className="muted">{t("coverage.awaitingReview")}</p> : null}
          </div>
        ))}
      </section>
      <section className="card" aria-labelledby="text-title">
        <h2 id="text-title">{t("coverage.text")}</h2>
        {item.checks.length > 1 ? (
          <nav className="tabs" aria-label={t("coverage.highlightFor")}>
            {item.checks.map((c) => (
              <Link
                key={c.jurisdiction}
                to={`?j=${c.jurisdiction}`}
                className={c.jurisdiction === highlighted ? "active" : undefined}
                aria-current={c.jurisdiction === highlighted ? "page" : undefined}
              >
                {c.jurisdiction}
              </Link>
            ))}
          </nav>
        ) : null}
        {shownCheck?.snapshot ? (
          <>
            <h3>{t("coverage.livePageText", { date: formatDateTime(i18n.language, shownCheck.snapshot.fetchedAt) })}</h3>
            <p className="hint">{t("coverage.livePageTextHint", { url: shownCheck.snapshot.finalUrl })}</p>
            <HighlightedText id="snapshot-text" text={shownCheck.snapshot.text} markers={shownCheck.markers} />
            <h3>{t("coverage.recordedText")}</h3>
            <p className="hint">
              {recordedShown
                ? t("coverage.recordedTextChecked", {
                    date: formatDateTime(i18n.language, recordedShown.checkedAt),
                    verdict: t(`verdictsInSentence.${recordedShown.verdict}`),
                  })
                : t("coverage.recordedTextNotChecked")}
            </p>
            <HighlightedText id="coverage-text" text={item.text} markers={recordedShown?.markers ?? []} showLegend={false} />
          </>
        ) : (
          <HighlightedText id="coverage-text" text={item.text} markers={shownCheck?.markers ?? []} />
        )}
      </section>
      <section className="card" aria-labelledby="metrics-title">
        <h2 id="metrics-title">{t("metrics.title")}</h2>
        <p className="hint">{item.metricsOn ? t("metrics.asOf", { date: formatDay(i18n.language, item.metricsOn) }) : t("metrics.none")}</p>
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("metrics.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("metrics.measuredOn")}</th>
                {metricNames.map((name) => (
                  <th key={name} scope="col" className="numeric">
                    {t(`metrics.${name}`)}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t("metrics.revenue")}
                </th>
                <th scope="col">{t("metrics.recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {item.metrics.map((m) => (
                <tr key={m.id}>
                  <td>{formatDay(i18n.language, m.measuredOn)}</td>
                  {metricNames.map((name) => (
                    <td key={name} className="numeric">
                      {number(m[name])}
                    </td>
                  ))}
                  <td className="numeric">
                    {m.revenueMinor === null || !m.revenueCurrency ? (
                      number(null)
                    ) : (
                      <Money minor={m.revenueMinor} currency={m.revenueCurrency} />
                    )}
                  </td>
                  <td>{m.recordedBy?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canWrite ? (
          <FormDisclosure formId="metrics" summary={t("metrics.record")}>
            <MetricsForm />
          </FormDisclosure>
        ) : null}
      </section>
      <section className="card" aria-labelledby="links-title">
        <h2 id="links-title">{t("coverage.followed")}</h2>
        {item.gifts.length || item.placements.length ? (
          <ul className="plain-list">
            {item.gifts.map(({ gift }) => (
              <li key={gift.id}>
                <Link to={`/gifts/${gift.id}`}>{t("coverage.giftChoice", { quantity: String(gift.quantity), item: gift.itemName })}</Link>{" "}
                <SpendStatusBadge kind="gift" status={gift.status} />
              </li>
            ))}
            {item.placements.map(({ placement }) => (
              <li key={placement.id}>
                <Link to={`/placements/${placement.id}`}>{t("coverage.placementChoice", { title: placement.title })}</Link>{" "}
                <SpendStatusBadge kind="placement" status={placement.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("coverage.noLinks")}</p>
        )}
      </section>
      <Evidence />
      <section className="card" aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t("compliance.decisions")}</h2>
        {item.reviews.length ? (
          <ul className="plain-list">
            {item.reviews.map((review) => (
              <li key={review.id}>
                <span>
                  <strong>{t(`decisions.${review.decision}`)}</strong> · {review.check.jurisdiction}{" "}
                  <VerdictBadge verdict={review.check.verdict} /> · {review.reviewer.name} ·{" "}
                  {formatDateTime(i18n.language, review.createdAt)}
                  {review.note ? <div>{review.note}</div> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("compliance.noDecisions")}</p>
        )}
      </section>
    </>
  );
}
