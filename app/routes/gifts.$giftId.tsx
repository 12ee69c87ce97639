import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgreementNeededNotice, agreementNeededIn, GiftReturnSchema, GiftShipmentSchema, giftStatuses } from "~/features/spend";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { Money, SpendStatusBadge } from "~/components/money";
import { PageHeader } from "~/components/page";
import { giftAddress, getGift, updateReturn, updateShipment } from "~/features/spend/index.server";
import { StageBadge } from "~/features/partners";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { can } from "~/shared/permissions";
import { formatDay, formatNumber } from "~/shared/format";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "gifts:read");
  const canWrite = can(user.role, "gifts:write");
  // The address is for the people who ship gifts; other roles never receive it.
  const [found, address] = await Promise.all([getGift(params.giftId!), canWrite ? giftAddress(params.giftId!) : null]);
  if (!found) notFound();
  return json({ ...found, address, canWrite });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "gifts:write");
  const formData = await request.formData();
  formData.set("giftId", params.giftId!);
  const back = () => redirectWithToast(`/gifts/${params.giftId}`, { kind: "success", message: "common.saved" });
  if (formData.get("formId") === "return")
    return handleForm(formData, GiftReturnSchema, async (input) => (await updateReturn(user.id, input), back()));
  return handleForm(formData, GiftShipmentSchema, async (input) => (await updateShipment(user.id, input), back()));
}

export default function GiftPage() {
  const { t, i18n } = useTranslation();
  const { gift, valueMinor, basis, needsAgreement, canWrite, address } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const agreementNeeded = agreementNeededIn(useActionData());
  const day = (value: string | null) => (value ? formatDay(i18n.language, value) : "—");
  const [shipmentForm, shipment] = useServerForm("giftShipment", {
    id: "shipment",
    lastResult: useFormResult("shipment"),
    defaultValue: {
      status: gift.status,
      carrier: gift.carrier ?? "",
      trackingNumber: gift.trackingNumber ?? "",
      shippedOn: isoDay(gift.shippedOn),
      deliveredOn: isoDay(gift.deliveredOn),
    },
  });
  const [returnForm, giftReturn] = useServerForm("giftReturn", {
    id: "return",
    lastResult: useFormResult("return"),
    defaultValue: {
      expectedReturn: gift.expectedReturn ?? "",
      returnFulfilledOn: isoDay(gift.returnFulfilledOn),
      agreementRef: gift.agreementRef ?? "",
    },
  });
  return (
    <>
      <PageHeader title={t("gifts.giftTitle", { item: gift.itemName, partner: gift.partner.name })}>
        <SpendStatusBadge kind="gift" status={gift.status} />
      </PageHeader>
      {needsAgreement && !gift.agreementRef ? (
        <div className="banner banner-danger" role="alert">
          {t("gifts.agreementNeeded")}
        </div>
      ) : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="gift-details">
          <h2 id="gift-details">{t("common.details")}</h2>
          <dl>
            <dt>{t("common.partner")}</dt>
            <dd>
              <Link to={`/partners/${gift.partner.id}`}>{gift.partner.name}</Link> <StageBadge stage={gift.partner.stage} />
            </dd>
            <dt>{t("campaigns.campaign")}</dt>
            <dd>{gift.campaign ? <Link to={`/campaigns/${gift.campaign.id}`}>{gift.campaign.name}</Link> : t("campaigns.none")}</dd>
            <dt>{t("gifts.product")}</dt>
            <dd>{gift.product ? `${gift.product.name}${gift.product.sku ? ` (${gift.product.sku})` : ""}` : t("gifts.freeTextItem")}</dd>
            <dt>{t("gifts.quantity")}</dt>
            <dd>{formatNumber(i18n.language, gift.quantity)}</dd>
            <dt>{t("gifts.unitValue")}</dt>
            <dd>
              <Money minor={gift.unitCostMinor} currency={gift.currency} />
              {gift.unitRetailMinor !== null ? (
                <>
                  {" "}
                  · {t("products.retailPrice")} <Money minor={gift.unitRetailMinor} currency={gift.currency} />
                </>
              ) : null}
            </dd>
            <dt>{t("gifts.shipping")}</dt>
            <dd>
              <Money minor={gift.shippingMinor} currency={gift.currency} />
            </dd>
            <dt>{t("gifts.value")}</dt>
            <dd>
              <Money minor={valueMinor} currency={gift.currency} /> <span className="muted">({t(`money.basis.${basis}`)})</span>
            </dd>
            <dt>{t("gifts.requestedByPartner")}</dt>
            <dd>{gift.requestedByPartner ? t("common.yes") : t("common.no")}</dd>
            <dt>{t("gifts.shippedOn")}</dt>
            <dd>{day(gift.shippedOn)}</dd>
            <dt>{t("gifts.deliveredOn")}</dt>
            <dd>{day(gift.deliveredOn)}</dd>
            {canWrite ? (
              <>
                <dt>{t("gifts.shippingAddress")}</dt>
                <dd className="prewrap">{address ? address.address : <span className="muted">{t("gifts.noAddress")}</span>}</dd>
              </>
            ) : null}
            <dt>{t("gifts.carrier")}</dt>
            <dd>{gift.carrier ?? "—"}</dd>
            <dt>{t("gifts.trackingNumber")}</dt>
            <dd>{gift.trackingNumber ?? "—"}</dd>
            {gift.budgetOverrideBy ? (
              <>
                <dt>{t("campaigns.overBudgetBy")}</dt>
                <dd>{gift.budgetOverrideBy.name}</dd>
              </>
            ) : null}
            <dt>{t("common.createdBy")}</dt>
            <dd>{gift.createdBy?.name ?? "—"}</dd>
          </dl>
        </section>
        {canWrite ? (
          <section className="card" aria-labelledby="shipment-title">
            <h2 id="shipment-title">{t("gifts.shipment")}</h2>
            <ConformForm form={shipmentForm}>
              <input type="hidden" name="formId" value="shipment" />
              <SelectField
                field={shipment.status}
                label={t("common.status")}
                options={giftStatuses.map((s) => ({ value: s, label: t(`giftStatuses.${s}`) }))}
              />
              <TextField field={shipment.carrier} label={t("gifts.carrier")} />
              <TextField field={shipment.trackingNumber} label={t("gifts.trackingNumber")} />
              <TextField field={shipment.shippedOn} label={t("gifts.shippedOn")} type="date" />
              <TextField field={shipment.deliveredOn} label={t("gifts.deliveredOn")} type="date" />
              {agreementNeeded ? (
                <AgreementNeededNotice bucket={agreementNeeded}>
                  <CheckboxField field={shipment.withoutAgreementConfirmed} label={t("agreements.shipAnyway")} />
                </AgreementNeededNotice>
              ) : null}
              <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
            </ConformForm>
          </section>
        ) : null}
      </div>
      <section className="card" aria-labelledby="return-title">
        <h2 id="return-title">{t("gifts.inReturn")}</h2>
        {canWrite ? (
          <ConformForm form={returnForm}>
            <input type="hidden" name="formId" value="return" />
            <TextAreaField
              field={giftReturn.expectedReturn}
              label={t("gifts.expectedReturn")}
              hint={t("gifts.expectedReturnHint")}
              rows={2}
            />
            <TextField field={giftReturn.returnFulfilledOn} label={t("gifts.returnFulfilledOn")} type="date" />
            <TextField field={giftReturn.agreementRef} label={t("gifts.agreementRef")} />
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
          </ConformForm>
        ) : (
          <dl>
            <dt>{t("gifts.expectedReturn")}</dt>
            <dd>{gift.expectedReturn ?? "—"}</dd>
            <dt>{t("gifts.returnFulfilledOn")}</dt>
            <dd>{day(gift.returnFulfilledOn)}</dd>
            <dt>{t("gifts.agreementRef")}</dt>
            <dd>{gift.agreementRef ?? "—"}</dd>
          </dl>
        )}
      </section>
    </>
  );
}

function isoDay(value: string | null) {
  return value ? value.slice(0, 10) : "";
}
