import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  AgreementNeededNotice,
  agreementNeededIn,
  DeliverableDoneSchema,
  DeliverableFormSchema,
  PaymentFormSchema,
  PlacementStatusSchema,
  acceptsPayments,
  nextPlacementStatuses,
} from "~/features/spend";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton, TextField } from "~/components/form-fields";
import { FormMessage } from "~/components/form-message";
import { Money, SpendStatusBadge } from "~/components/money";
import { PageHeader } from "~/components/page";
import { StageBadge } from "~/features/partners";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import {
  addDeliverable,
  approvePlacement,
  getPlacement,
  recordPayment,
  setDeliverableDone,
  setPlacementStatus,
} from "~/features/spend/index.server";
import { requireCan, requirePermission, requireUser } from "~/features/accounts/index.server";
import { answerRuleViolation, handleForm } from "~/utils/forms.server";
import { can } from "~/shared/permissions";
import { formatDay, formatDateTime } from "~/shared/format";
import { notFound } from "~/utils/http.server";
import { placementInvoices } from "~/features/portal/index.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placements:read");
  const [found, invoices] = await Promise.all([getPlacement(params.placementId!), placementInvoices(params.placementId!)]);
  if (!found) notFound();
  return json({
    ...found,
    invoices,
    me: user.id,
    canWrite: can(user.role, "placements:write"),
    canApprove: can(user.role, "spend:approve"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Signed in before the body is read; the role for the posted intent is checked after.
  const signedIn = await requireUser(request);
  const id = params.placementId!;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = (message: string) => redirectWithToast(`/placements/${id}`, { kind: "success", message });
  if (intent === "approve") {
    const user = requireCan(signedIn, "spend:approve");
    return answerRuleViolation(async () => {
      const { approved } = await approvePlacement(user.id, id, formData.get("withoutAgreementConfirmed") === "on");
      return back(approved ? "placements.approved" : "placements.firstApproval");
    });
  }
  const user = requireCan(signedIn, "placements:write");
  if (intent === "status") {
    const parsed = PlacementStatusSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return json({ error: "errors.invalidChoice" }, { status: 400 });
    return answerRuleViolation(async () => (await setPlacementStatus(user.id, id, parsed.data.status), back("placements.statusChanged")));
  }
  if (intent === "payment")
    return handleForm(
      formData,
      PaymentFormSchema,
      async (input) => (await recordPayment(user.id, id, input), back("placements.paymentRecorded")),
    );
  if (intent === "deliverable")
    return handleForm(formData, DeliverableFormSchema, async (input) => (await addDeliverable(user.id, id, input), back("common.saved")));
  if (intent === "deliverableDone") {
    const parsed = DeliverableDoneSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return json({ error: "errors.invalidChoice" }, { status: 400 });
    return answerRuleViolation(
      async () => (await setDeliverableDone(user.id, id, parsed.data.deliverableId, parsed.data.done === "1"), back("common.saved")),
    );
  }
  return json({ error: "errors.invalidChoice" }, { status: 400 });
}

export default function PlacementPage() {
  const { t, i18n } = useTranslation();
  const { placement, paidMinor, outstandingMinor, approvalsNeeded, me, canWrite, canApprove, invoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string; formId?: string; duplicate?: "sameInvoice" | "sameAmountSameDay" | null }>();
  const duplicate = actionData?.formId === "payment" ? actionData.duplicate : null;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [paymentForm, payment] = useServerForm("payment", {
    id: "payment",
    lastResult: useFormResult("payment"),
    defaultValue: { paidOn: new Date().toISOString().slice(0, 10) },
  });
  const [deliverableForm, deliverable] = useServerForm("deliverable", { id: "deliverable", lastResult: useFormResult("deliverable") });
  const agreementNeeded = agreementNeededIn(actionData);
  const approvedByMe = placement.approvals.some((a) => a.approver.id === me);
  const isProposer = placement.proposedBy?.id === me;
  const day = (value: string | null) => (value ? formatDay(i18n.language, value) : "—");
  return (
    <>
      <PageHeader title={placement.title}>
        <SpendStatusBadge kind="placement" status={placement.status} />
      </PageHeader>
      {agreementNeeded ? (
        <AgreementNeededNotice bucket={agreementNeeded}>
          <Form method="post" className="form-actions">
            <input type="hidden" name="withoutAgreementConfirmed" value="on" />
            <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
              {t("agreements.approveAnyway")}
            </button>
          </Form>
        </AgreementNeededNotice>
      ) : actionData?.error ? (
        <div className="form-errors" role="alert">
          <FormMessage message={actionData.error} />
        </div>
      ) : null}
      {placement.partnerAnswer ? (
        <p className="notice" role="status">
          <strong>{t("portal.partnerAnswered", { date: day(placement.partnerAnsweredAt) })}</strong>{" "}
          {t(`portal.answers.${placement.partnerAnswer}`)}
          {placement.counterFeeMinor !== null ? (
            <>
              {" "}
              <Money minor={placement.counterFeeMinor} currency={placement.currency} />
            </>
          ) : null}
          {placement.counterNote ? <span className="block prewrap">{placement.counterNote}</span> : null}
        </p>
      ) : null}
      {placement.status === "proposed" ? (
        <section className="card" aria-labelledby="approval-title">
          <h2 id="approval-title">{t("placements.approval")}</h2>
          <p>{t("placements.approvalsProgress", { done: String(placement.approvals.length), needed: String(approvalsNeeded ?? 1) })}</p>
          {placement.approvals.length ? (
            <ul className="plain-list">
              {placement.approvals.map((a) => (
                <li key={a.id}>
                  {t("placements.approvedByOn", { name: a.approver.name, when: formatDateTime(i18n.language, a.createdAt) })}
                </li>
              ))}
            </ul>
          ) : null}
          {canApprove && isProposer ? <p className="muted">{t("placements.cannotApproveOwn")}</p> : null}
          {canApprove && !isProposer && !approvedByMe ? (
            <Form method="post">
              <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
                {t("placements.approve")}
              </button>
            </Form>
          ) : null}
          {!canApprove ? <p className="muted">{t("placements.waitingForApproval")}</p> : null}
        </section>
      ) : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="placement-details">
          <h2 id="placement-details">{t("common.details")}</h2>
          <dl>
            <dt>{t("common.partner")}</dt>
            <dd>
              <Link to={`/partners/${placement.partner.id}`}>{placement.partner.name}</Link> <StageBadge stage={placement.partner.stage} />
            </dd>
            <dt>{t("campaigns.campaign")}</dt>
            <dd>
              {placement.campaign ? <Link to={`/campaigns/${placement.campaign.id}`}>{placement.campaign.name}</Link> : t("campaigns.none")}
            </dd>
            <dt>{t("placements.fee")}</dt>
            <dd>
              <Money minor={placement.feeMinor} currency={placement.currency} />
            </dd>
            <dt>{t("placements.agreedOn")}</dt>
            <dd>{day(placement.agreedOn)}</dd>
            <dt>{t("placements.contractRef")}</dt>
            <dd>{placement.contractRef ?? "—"}</dd>
            <dt>{t("placements.usageRights")}</dt>
            <dd className="prewrap">{placement.usageRights ?? "—"}</dd>
            <dt>{t("placements.proposedBy")}</dt>
            <dd>{placement.proposedBy?.name ?? "—"}</dd>
            {placement.budgetOverrideBy ? (
              <>
                <dt>{t("campaigns.overBudgetBy")}</dt>
                <dd>{placement.budgetOverrideBy.name}</dd>
              </>
            ) : null}
          </dl>
          {canWrite && nextPlacementStatuses(placement.status).length ? (
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="status" />
              {nextPlacementStatuses(placement.status).map((status) => (
                <button
                  key={status}
                  type="submit"
                  name="status"
                  value={status}
                  className={status === "cancelled" ? "button button-quiet" : "button"}
                  disabled={busy}
                  onClick={(event) => {
                    if (status === "cancelled" && !window.confirm(t("placements.confirmCancel"))) event.preventDefault();
                  }}
                >
                  {t(`placements.moveTo.${status}`)}
                </button>
              ))}
            </Form>
          ) : null}
        </section>
        <section className="card" aria-labelledby="payments-title">
          <h2 id="payments-title">{t("placements.payments")}</h2>
          <dl>
            <dt>{t("placements.paid")}</dt>
            <dd>
              <Money minor={paidMinor} currency={placement.currency} />
            </dd>
            <dt>{t("placements.outstanding")}</dt>
            <dd>
              <strong>
                <Money minor={outstandingMinor} currency={placement.currency} />
              </strong>
            </dd>
          </dl>
          {placement.payments.length ? (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t("placements.payments")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("placements.paidOn")}</th>
                    <th scope="col" className="numeric">
                      {t("placements.amount")}
                    </th>
                    <th scope="col">{t("placements.invoiceRef")}</th>
                  </tr>
                </thead>
                <tbody>
                  {placement.payments.map((p) => (
                    <tr key={p.id}>
                      <td>{day(p.paidOn)}</td>
                      <td className="numeric">
                        <Money minor={p.amountMinor} currency={placement.currency} />
                      </td>
                      <td>{p.invoiceRef ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("placements.noPayments")}</p>
          )}
          {invoices.length ? (
            <>
              <h3>{t("placements.partnerInvoices")}</h3>
              <ul className="plain-list">
                {invoices.map((invoice) => (
                  <li key={invoice.id}>
                    <a href={`/files/${invoice.file.id}`}>{invoice.number ?? invoice.file.fileName}</a>
                    <span className="muted text-sm">
                      {t(`portal.invoice.kinds.${invoice.legalIdKind}`)} {invoice.legalId} · {day(invoice.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canWrite && acceptsPayments(placement.status) && outstandingMinor > 0 ? (
            <ConformForm form={paymentForm}>
              <input type="hidden" name="formId" value="payment" />
              <input type="hidden" name="intent" value="payment" />
              <TextField field={payment.amount} label={t("placements.amountIn", { currency: placement.currency })} inputMode="decimal" />
              <TextField field={payment.paidOn} label={t("placements.paidOn")} type="date" />
              <TextField field={payment.invoiceRef} label={t("placements.invoiceRef")} />
              {duplicate ? (
                <div className="notice" role="alert">
                  <p className="m-0">{t(`placements.duplicatePayment.${duplicate}`)}</p>
                  <div className="form-actions">
                    <button type="submit" name="duplicateConfirmed" value="on" className="button">
                      {t("placements.recordAnyway")}
                    </button>
                  </div>
                </div>
              ) : (
                <SubmitButton busy={busy}>{t("placements.recordPayment")}</SubmitButton>
              )}
            </ConformForm>
          ) : null}
        </section>
      </div>
      <section className="card" aria-labelledby="deliverables-title">
        <h2 id="deliverables-title">{t("placements.deliverables")}</h2>
        {placement.deliverables.length ? (
          <ul className="plain-list">
            {placement.deliverables.map((d) => (
              <li key={d.id} className={d.deliveredOn ? "is-done" : undefined}>
                {d.description} · {t("placements.dueOn")} {day(d.dueOn)}
                {d.deliveredOn ? ` · ${t("placements.deliveredOnDay", { day: day(d.deliveredOn) })}` : null}
                {canWrite ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="deliverableDone" />
                    <input type="hidden" name="deliverableId" value={d.id} />
                    <button
                      type="submit"
                      name="done"
                      value={d.deliveredOn ? "0" : "1"}
                      className="button button-small button-quiet"
                      disabled={busy}
                    >
                      {d.deliveredOn ? t("placements.reopen") : t("placements.markDelivered", { item: d.description })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("placements.noDeliverables")}</p>
        )}
        {canWrite ? (
          <ConformForm form={deliverableForm}>
            <input type="hidden" name="formId" value="deliverable" />
            <input type="hidden" name="intent" value="deliverable" />
            <div className="form-grid">
              <TextField field={deliverable.description} label={t("placements.deliverable")} />
              <TextField field={deliverable.dueOn} label={t("placements.dueOn")} type="date" />
            </div>
            <SubmitButton busy={busy}>{t("placements.addDeliverable")}</SubmitButton>
          </ConformForm>
        ) : null}
      </section>
    </>
  );
}
