import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { agreementTitle, SubmissionRow, GiftAddressSchema, OfferAnswerSchema, legalIdKinds } from "~/features/portal";
import { SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { Money, SpendStatusBadge } from "~/components/money";
import { EmptyState } from "~/components/page";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { outstandingMinor } from "~/shared/money";
import { acceptFor, uploadPurposes } from "~/shared/uploads";
import { portalSubmissions, answerOffer, portalOverview, setGiftAddress, requirePortalVisitor } from "~/features/portal/index.server";
import { formatDay } from "~/shared/format";
import { handleForm } from "~/utils/forms.server";
import { recordIdParam } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const [overview, submissions] = await Promise.all([portalOverview(visitor.partnerId), portalSubmissions(visitor.partnerId)]);
  return json({ partnerName: visitor.partnerName, ...overview, submissions });
}

/** The partner answers an offer or gives a gift's address: the record is named in the URL, and must be theirs. */
export async function action({ request }: ActionFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const url = new URL(request.url);
  const giftId = url.searchParams.get("gift");
  if (giftId !== null) {
    const id = recordIdParam(giftId);
    return handleForm(await request.formData(), GiftAddressSchema, async (value) => {
      await setGiftAddress(visitor, id, value);
      return redirectWithToast("/portal", { kind: "success", message: "portal.addressSaved" });
    });
  }
  const placementId = recordIdParam(url.searchParams.get("offer"));
  return handleForm(await request.formData(), OfferAnswerSchema, async (value) => {
    await answerOffer(visitor, placementId, value);
    return redirectWithToast("/portal", { kind: "success", message: `portal.answered.${value.answer}` });
  });
}

type Gift = ReturnType<typeof useLoaderData<typeof loader>>["gifts"][number];

/** Before a gift ships, the partner says where it should go; the team sees it, the audit trail does not. */
function GiftAddressForm({ gift }: { gift: Gift }) {
  const { t, i18n } = useTranslation();
  const formId = `address-${gift.id}`;
  const [form, fields] = useServerForm("giftAddress", { id: formId, lastResult: useFormResult(formId) });
  return (
    <details open={!gift.address}>
      <summary>
        {gift.address ? t("portal.addressGiven", { date: formatDay(i18n.language, gift.address.setAt) }) : t("portal.addressTitle")}
      </summary>
      <ConformForm form={form} action={`?index&gift=${encodeURIComponent(gift.id)}`}>
        <input type="hidden" name="formId" value={formId} />
        <TextAreaField field={fields.address} label={t("portal.address")} hint={t("portal.addressHint")} />
        <button type="submit" className="button">
          {t("portal.addressSave")}
        </button>
      </ConformForm>
    </details>
  );
}

type Overview = ReturnType<typeof useLoaderData<typeof loader>>;
type Offer = Overview["placements"][number];

function OfferAnswerForm({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const formId = `offer-${offer.id}`;
  const [form, fields] = useServerForm("offerAnswer", { id: formId, lastResult: useFormResult(formId) });
  return (
    <ConformForm form={form} action={`?index&offer=${encodeURIComponent(offer.id)}`}>
      <input type="hidden" name="formId" value={formId} />
      <div className="form-actions">
        <button type="submit" name="answer" value="accepted" className="button">
          {t("portal.accept")}
        </button>
        <button type="submit" name="answer" value="declined" className="button button-quiet">
          {t("portal.decline")}
        </button>
      </div>
      <details>
        <summary>{t("portal.counterOffer")}</summary>
        <div className="form-grid">
          <TextField field={fields.counterFee} label={t("portal.counterFee", { currency: offer.currency })} inputMode="decimal" />
          <TextAreaField field={fields.note} label={t("portal.note")} />
        </div>
        <button type="submit" name="answer" value="countered" className="button" disabled={navigation.state !== "idle"}>
          {t("portal.sendCounterOffer")}
        </button>
      </details>
    </ConformForm>
  );
}

const acceptInvoice = acceptFor("invoice");

/** The partner's invoices for an accepted placement, and sending one (a PDF with their SIRET or EU VAT number). */
function InvoiceForm({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const formId = `invoice-${offer.id}`;
  const [form, fields] = useServerForm("invoice", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue: { legalIdKind: "siret" },
  });
  return (
    <details>
      <summary>
        {offer.invoices.length
          ? offer.invoices.map((invoice) => t("portal.invoice.sent", { date: formatDay(i18n.language, invoice.createdAt) })).join(" · ")
          : t("portal.invoice.send")}
      </summary>
      <ConformForm form={form} action={`/portal/invoices?placement=${encodeURIComponent(offer.id)}`} encType="multipart/form-data">
        <input type="hidden" name="formId" value={formId} />
        <div className="field">
          <label htmlFor={`${formId}-file`}>{t("portal.invoice.file")}</label>
          <input
            id={`${formId}-file`}
            name="invoice"
            type="file"
            accept={acceptInvoice}
            required
            aria-describedby={`${formId}-file-hint`}
          />
          <p id={`${formId}-file-hint`} className="hint">
            {t("portal.invoice.fileHint", { size: String(uploadPurposes.invoice.maxBytes / 1024 / 1024) })}
          </p>
        </div>
        <div className="form-grid">
          <SelectField
            field={fields.legalIdKind}
            label={t("portal.invoice.legalIdKind")}
            options={legalIdKinds.map((kind) => ({ value: kind, label: t(`portal.invoice.kinds.${kind}`) }))}
          />
          <TextField field={fields.legalId} label={t("portal.invoice.legalId")} autoComplete="off" />
          <TextField field={fields.number} label={t("portal.invoice.number")} autoComplete="off" />
        </div>
        <SubmitButton busy={navigation.formData?.get("formId") === formId}>{t("portal.invoice.send")}</SubmitButton>
      </ConformForm>
    </details>
  );
}

function Offers({ placements }: { placements: Offer[] }) {
  const { t, i18n } = useTranslation();
  if (placements.length === 0) return <EmptyState>{t("portal.noOffers")}</EmptyState>;
  return (
    <ul className="plain-list portal-list">
      {placements.map((offer) => {
        const paid = offer.payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
        return (
          <li key={offer.id} className="portal-item">
            <div className="portal-item-head">
              <h3>{offer.title}</h3>
              <SpendStatusBadge kind="placement" status={offer.status} />
            </div>
            <dl className="details portal-figures">
              {offer.campaign ? (
                <div>
                  <dt>{t("portal.offerCampaign")}</dt>
                  <dd>
                    {offer.campaign.name}
                    {offer.campaign.startsOn && offer.campaign.endsOn ? (
                      <span className="hint block">
                        {t("portal.offerCampaignDates", {
                          from: formatDay(i18n.language, offer.campaign.startsOn),
                          to: formatDay(i18n.language, offer.campaign.endsOn),
                        })}
                      </span>
                    ) : null}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t("portal.fee")}</dt>
                <dd>
                  <Money minor={offer.feeMinor} currency={offer.currency} />
                </dd>
              </div>
              {offer.status !== "proposed" ? (
                <>
                  <div>
                    <dt>{t("placements.paid")}</dt>
                    <dd>
                      <Money minor={paid} currency={offer.currency} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("placements.outstanding")}</dt>
                    <dd>
                      <Money
                        minor={outstandingMinor(
                          offer.feeMinor,
                          offer.payments.map((p) => p.amountMinor),
                        )}
                        currency={offer.currency}
                      />
                    </dd>
                  </div>
                </>
              ) : null}
            </dl>
            <h4 className="portal-offer-heading">{t("portal.offerDeliverables")}</h4>
            {offer.deliverables.length ? (
              <ul className="portal-deliverables">
                {offer.deliverables.map((deliverable) => (
                  <li key={deliverable.id}>
                    {deliverable.description}
                    {deliverable.dueOn ? (
                      <span className="hint"> — {t("portal.due", { date: formatDay(i18n.language, deliverable.dueOn) })}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hint">{t("portal.noDeliverables")}</p>
            )}
            <h4 className="portal-offer-heading">{t("portal.offerUsageRights")}</h4>
            <p className="portal-usage-rights">{offer.usageRights ?? t("portal.defaultUsageRights")}</p>
            {offer.payments.length ? (
              <p className="hint">
                {offer.payments.map((payment) => (
                  <span key={payment.id} className="block">
                    {t("portal.paidOn", { date: formatDay(i18n.language, payment.paidOn) })}{" "}
                    <Money minor={payment.amountMinor} currency={offer.currency} />
                  </span>
                ))}
              </p>
            ) : null}
            {offer.partnerAnswer ? (
              <p role="status" className="notice">
                {t(`portal.yourAnswer.${offer.partnerAnswer}`)}
                {offer.counterFeeMinor !== null ? (
                  <>
                    {" "}
                    <Money minor={offer.counterFeeMinor} currency={offer.currency} />
                  </>
                ) : null}
              </p>
            ) : null}
            {offer.status === "proposed" ? <OfferAnswerForm offer={offer} /> : <InvoiceForm offer={offer} />}
          </li>
        );
      })}
    </ul>
  );
}

export default function PortalHome() {
  const { t, i18n } = useTranslation();
  const { partnerName, briefs, gifts, placements, submissions, agreements } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("portal.welcome", { name: partnerName })}</h1>
      {agreements.length ? (
        <section className="card" aria-labelledby="agreements-title">
          <h2 id="agreements-title">{t("portal.agreement.sectionTitle")}</h2>
          <ul className="plain-list">
            {agreements.map((agreement) => (
              <li key={agreement.id}>
                <Link to={`/portal/agreements/${agreement.id}`}>{agreementTitle(t, agreement)}</Link>
                {agreement.signedAt ? (
                  <span className="badge badge-ok">
                    {t("portal.agreement.signedOn", {
                      name: agreement.signerName ?? "",
                      date: formatDay(i18n.language, agreement.signedAt),
                    })}
                  </span>
                ) : (
                  <Link to={`/portal/agreements/${agreement.id}`} className="button button-small">
                    {t("portal.agreement.read")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="content-title">
        <div className="portal-item-head">
          <h2 id="content-title">{t("portal.content.sectionTitle")}</h2>
          <Link to="/portal/content/new" className="button">
            {t("portal.content.newTitle")}
          </Link>
        </div>
        <p className="hint">{t("portal.content.sectionIntro")}</p>
        {submissions.length === 0 ? (
          <EmptyState>{t("portal.content.none")}</EmptyState>
        ) : (
          <ul className="plain-list">
            {submissions.map((submission) => (
              <SubmissionRow
                key={submission.id}
                submission={submission}
                href={`/portal/content/${submission.id}`}
                label={t("portal.content.title", { what: submission.placement?.title ?? submission.gift?.itemName ?? "" })}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="offers-title">
        <h2 id="offers-title">{t("portal.offers")}</h2>
        <Offers placements={placements} />
      </section>
      <section className="card" aria-labelledby="gifts-title">
        <h2 id="gifts-title">{t("portal.gifts")}</h2>
        {gifts.length === 0 ? (
          <EmptyState>{t("portal.noGifts")}</EmptyState>
        ) : (
          <ul className="plain-list portal-list">
            {gifts.map((gift) => (
              <li key={gift.id}>
                <p className="m-0">
                  {gift.quantity > 1 ? `${gift.quantity} × ` : ""}
                  {gift.itemName} <SpendStatusBadge kind="gift" status={gift.status} />
                </p>
                <p className="hint m-0">
                  {gift.shippedOn ? t("portal.shippedOn", { date: formatDay(i18n.language, gift.shippedOn) }) : t("portal.notShippedYet")}
                  {gift.carrier ? ` · ${gift.carrier}` : ""}
                  {gift.trackingNumber ? ` · ${t("portal.tracking", { number: gift.trackingNumber })}` : ""}
                </p>
                {gift.status === "planned" ? <GiftAddressForm gift={gift} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="briefs-title">
        <h2 id="briefs-title">{t("portal.briefs")}</h2>
        {briefs.length === 0 ? (
          <EmptyState>{t("portal.noBriefs")}</EmptyState>
        ) : (
          briefs.map((brief) => (
            <article key={brief.id} className="portal-item">
              <h3>{brief.subject ?? t("portal.brief")}</h3>
              <p className="prewrap">{brief.body}</p>
            </article>
          ))
        )}
      </section>
    </>
  );
}
